package dev.q4j.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.function.Consumer;

/**
 * The raw servers' listener (the {@link NeutralServer}, bench/load's javakdb echo, the load tests' faulty server): a
 * free loopback port whose connections are each served on a daemon thread of their own until it is closed.
 *
 * <pre>{@code
 * try (LoopbackServer server = new LoopbackServer("echo", 50, socket -> serve(socket))) {
 *     connect to server.port()
 * }
 * }</pre>
 */
public final class LoopbackServer implements AutoCloseable {
    private final ServerSocket listener;
    private final String name;
    private final Consumer<Socket> serve;

    /**
     * Listens and starts accepting, on thread {@code name-accept}; connection threads are {@code name-PORT}.
     *
     * @param name the threads' names' start
     * @param backlog the listener's backlog
     * @param serve serves one connection, on its own thread
     * @throws IOException when it cannot listen
     */
    public LoopbackServer(String name, int backlog, Consumer<Socket> serve) throws IOException {
        this.listener = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        this.name = name;
        this.serve = serve;
        Thread t = new Thread(this::acceptLoop, name + "-accept");
        t.setDaemon(true);
        t.start();
    }

    /** {@return the port it listens on} */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            Thread t = new Thread(() -> serve.accept(s), name + "-" + s.getPort());
            t.setDaemon(true);
            t.start();
        }
    }

    /** Stops accepting; the connections being served go on until their clients close them. */
    @Override
    public void close() throws IOException {
        listener.close();
    }
}
