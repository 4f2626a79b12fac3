package dev.q4j.testkit.internal;

import dev.q4j.codec.Handshake;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * What the testkit's TCP servers (the fake kdb+, the replay server, the recording proxy) share: a bound listener
 * whose connections are each served on a daemon thread of their own, the sockets and threads kept so that closing
 * stops them all, and the reading of a client's login. Not exported: no part of the testkit's API.
 *
 * <pre>{@code
 * SocketServer server = SocketServer.start(listener, "q4j-replay", (socket, id) -> serve(socket, id), e -> { });
 * ...
 * List<String> stillRunning = server.close();
 * }</pre>
 */
public final class SocketServer {
    /** Serves one accepted connection, on a thread of its own; the socket is closed with the server. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Serves the connection until it ends.
         *
         * @param socket the accepted socket
         * @param id the connection's number, from 1
         */
        void serve(Socket socket, int id);
    }

    private final ServerSocket listener;
    private final String name;
    private final Handler handler;
    private final Consumer<IOException> acceptFailed;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private SocketServer(ServerSocket listener, String name, Handler handler, Consumer<IOException> acceptFailed) {
        this.listener = listener;
        this.name = name;
        this.handler = handler;
        this.acceptFailed = acceptFailed;
        this.acceptor = new Thread(this::accept, name + "-accept");
    }

    /**
     * {@return a server accepting on {@code listener}: thread {@code name-accept} accepts, thread
     * {@code name-client-N} serves connection N}
     *
     * @param listener a bound listener, closed with the server
     * @param name the threads' names' start
     * @param handler serves each connection
     * @param acceptFailed told when accepting fails before the server was closed (the accepting then stops)
     */
    public static SocketServer start(ServerSocket listener, String name, Handler handler,
            Consumer<IOException> acceptFailed) {
        SocketServer server = new SocketServer(listener, name, handler, acceptFailed);
        server.acceptor.setDaemon(true);
        server.acceptor.start();
        return server;
    }

    /** {@return the port listened on} */
    public int port() {
        return listener.getLocalPort();
    }

    /** {@return the address listened on, as text} */
    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    /** {@return how many connections were accepted so far} */
    public int accepted() {
        return accepted.get();
    }

    /**
     * Keeps a socket the server opened itself (a proxy's connection onwards), to close it with the server.
     *
     * @param socket the socket
     */
    public void track(Socket socket) {
        sockets.add(socket);
    }

    /**
     * Runs a task on a daemon thread that {@link #close()} waits for.
     *
     * @param threadName the thread's name
     * @param task what it runs
     */
    public void spawn(String threadName, Runnable task) {
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /**
     * Stops accepting, closes every connection's socket and waits for the threads, 5 seconds at most each.
     *
     * @return the names of the threads still running after that (none, normally)
     */
    public List<String> close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(SocketServer::closeQuietly);
        List<Thread> all = new ArrayList<>(threads);
        all.add(acceptor);
        List<String> alive = new ArrayList<>();
        for (Thread t : all) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    private void accept() {
        while (!closed) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    acceptFailed.accept(e);
                }
                return;
            }
            sockets.add(s);
            int id = accepted.incrementAndGet();
            spawn(name + "-client-" + id, () -> handler.serve(s, id));
        }
    }

    /**
     * {@return a client's login: its bytes up to and with the NUL, or {@code null} when the client closes first or
     * sends more than a login can hold}
     *
     * @param in the connection's input
     * @throws IOException when reading fails
     */
    public static byte[] readLogin(InputStream in) throws IOException {
        byte[] buf = new byte[Handshake.MAX_REQUEST + 1];
        int n = 0;
        while (n < buf.length) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            buf[n++] = (byte) b;
            if (b == 0) {
                return Arrays.copyOf(buf, n);
            }
        }
        return null;
    }

    /**
     * {@return a client's login, parsed, or {@code null} as {@link #readLogin} says}
     *
     * @param in the connection's input
     * @throws IOException when reading fails
     */
    public static Handshake.Request readRequest(InputStream in) throws IOException {
        byte[] login = readLogin(in);
        return login == null ? null : Handshake.parseRequest(login, login.length - 1);
    }

    /**
     * Closes, ignoring a failure: the server is closing anyway.
     *
     * @param c what to close, or {@code null}
     */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
