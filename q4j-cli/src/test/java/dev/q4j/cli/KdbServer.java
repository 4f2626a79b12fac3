package dev.q4j.cli;

import com.kx.c;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A kdb+ process for the command to talk to: KX's own Java interface (javakdb 2.0, {@code com.kx.c}) doing the
 * handshake on its side ({@code new c(serverSocket, authenticator)}), reading requests with {@code readMsg()} and
 * answering with {@code kr} / {@code ke} in big-endian. Serves one connection at a time on a loopback socket of its
 * own, each with a {@link Script}, until {@link #close()}, which rethrows whatever a script threw (other than the
 * client going away).
 */
final class KdbServer implements AutoCloseable {
    /** What the server does with one accepted, authenticated connection. */
    @FunctionalInterface
    interface Script {
        void serve(c k) throws Exception;
    }

    private final ServerSocket socket;
    private final c.IAuthenticate authenticator;
    private final Script script;
    private final Thread thread;
    /** the credentials each handshake presented, as javakdb reads them ({@code user:password}) */
    final List<String> credentialsSeen = new CopyOnWriteArrayList<>();
    /** the text of each sync request */
    final List<String> queries = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private volatile c current;
    private volatile boolean closed;

    /** A server on 127.0.0.1 that accepts any credentials. */
    KdbServer(Script script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, script);
    }

    /**
     * @param socket a bound server socket (an SSLServerSocket works: javakdb only calls accept())
     * @param authenticator decides on the credentials, or null to accept all
     * @param script what to do with each connection
     */
    KdbServer(ServerSocket socket, c.IAuthenticate authenticator, Script script) {
        this.socket = socket;
        this.authenticator = authenticator;
        this.script = script;
        this.thread = new Thread(this::run, "test-kdb-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * A server answering every request with {@code reply}, a javakdb value ({@code long[]}, {@code c.Flip}...).
     *
     * @param reply the answer
     * @return the running server
     */
    static KdbServer replying(Object reply) throws IOException {
        return answering(k -> k.kr(reply));
    }

    /**
     * A server answering every request with {@code answer}, which replies through the connection given.
     *
     * @param answer sends the reply ({@code k.kr(...)}, {@code k.ke("type")}) or none at all
     * @return the running server
     */
    static KdbServer answering(Script answer) throws IOException {
        KdbServer[] self = new KdbServer[1];
        self[0] = new KdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                self[0].queries.add(new String((char[]) m[1]));
                answer.serve(k);
            }
        });
        return self[0];
    }

    int port() {
        return socket.getLocalPort();
    }

    /** @return {@code 127.0.0.1:PORT} */
    String address() {
        return "127.0.0.1:" + port();
    }

    private void run() {
        while (!closed) {
            c k;
            try {
                k = new c(socket, credentials -> {
                    credentialsSeen.add(credentials);
                    return authenticator == null || authenticator.authenticate(credentials);
                });
            } catch (IOException e) {
                if (closed || socket.isClosed()) {
                    return;
                }
                // a rejected handshake: javakdb closed that connection, the next may come
                continue;
            }
            current = k;
            try {
                script.serve(k);
            } catch (Throwable t) {
                if (!closed && !(t instanceof java.io.EOFException || t instanceof java.net.SocketException)) {
                    failures.add(t);
                }
            } finally {
                try {
                    k.close();
                } catch (IOException ignored) {
                    // closing is all that is left
                }
            }
        }
    }

    /** Stops the server, closes its connection, waits for its thread, and rethrows any script failure. */
    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        c k = current;
        if (k != null) {
            k.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("javakdb test server thread did not stop");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("javakdb test server failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
