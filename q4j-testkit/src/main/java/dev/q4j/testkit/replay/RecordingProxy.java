package dev.q4j.testkit.replay;

import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Handshake;
import dev.q4j.ipc.Frames;
import dev.q4j.testkit.internal.SocketServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A proxy between kdb+ clients and a kdb+ (or any kdb+-speaking server) that records the session: it forwards every
 * byte unchanged, both ways, and writes each login, message and close to a session file as it happens (see
 * {@link Session}; passwords are not written). {@link ReplayServer} serves the file afterwards, without the server.
 *
 * <pre>{@code
 * try (RecordingProxy proxy = RecordingProxy.start(0, "localhost", 5000, Path.of("trades.q4js"))) {
 *     try (QConnection q = QConnection.connect("127.0.0.1:" + proxy.port())) {
 *         q.query("select from trade where sym=`IBM");            // goes to kdb+ on 5000, and into the file
 *     }
 * }
 * }</pre>
 *
 * <p>It listens on the loopback interface unless told otherwise ({@link #start(String, int, String, int, Path)}).
 */
public final class RecordingProxy implements AutoCloseable {
    private final SocketServer server;
    private final String targetHost;
    private final int targetPort;
    private final Writer out;
    private final List<Session.Entry> entries = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    /** the connections whose close is recorded (guarded by {@link #entries}) */
    private final java.util.Set<Integer> closedConnections = new java.util.HashSet<>();
    private volatile boolean closed;

    private RecordingProxy(String bind, int port, String targetHost, int targetPort, Path file) throws IOException {
        this.targetHost = Objects.requireNonNull(targetHost, "targetHost");
        this.targetPort = targetPort;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write(Session.HEADER + "\n# recorded by q4j's RecordingProxy from " + targetHost + ":" + targetPort
                + " at " + java.time.Instant.now() + "\n");
        out.flush();
        ServerSocket listener = new ServerSocket();
        try {
            listener.bind(bind == null ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                    : new InetSocketAddress(bind, port));
        } catch (IOException e) {
            out.close();
            throw e;
        }
        this.server = SocketServer.start(listener, "q4j-record", this::login, failures::add);
    }

    /**
     * {@return a proxy listening on a loopback port, recording to the file (replaced if it exists)}
     *
     * @param port the port to listen on, 0 for a free one
     * @param targetHost the server's host
     * @param targetPort the server's port
     * @param file the session file to write
     * @throws IOException when the port cannot be bound or the file cannot be written
     */
    public static RecordingProxy start(int port, String targetHost, int targetPort, Path file) throws IOException {
        return new RecordingProxy(null, port, targetHost, targetPort, file);
    }

    /**
     * {@return a proxy listening on the address given, recording to the file (replaced if it exists)}
     *
     * @param bind the address to listen on ({@code 0.0.0.0} for every interface)
     * @param port the port to listen on, 0 for a free one
     * @param targetHost the server's host
     * @param targetPort the server's port
     * @param file the session file to write
     * @throws IOException when the port cannot be bound or the file cannot be written
     */
    public static RecordingProxy start(String bind, int port, String targetHost, int targetPort, Path file)
            throws IOException {
        return new RecordingProxy(Objects.requireNonNull(bind, "bind"), port, targetHost, targetPort, file);
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.port();
    }

    /** {@return what was recorded so far} */
    public Session session() {
        synchronized (entries) {
            return new Session(entries);
        }
    }

    /**
     * Stops: closes the listener and every connection (both sides), waits for its threads and closes the file.
     *
     * @throws IOException when closing the file fails
     * @throws IllegalStateException when a thread failed otherwise than by a connection closing
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
        synchronized (entries) {
            out.close();
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("recording failed: " + failures.get(0),
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    private void login(Socket client, int id) {
        Socket target = null;
        try {
            client.setTcpNoDelay(true);
            InputStream in = client.getInputStream();
            byte[] hello = SocketServer.readLogin(in);
            if (hello == null) {
                SocketServer.closeQuietly(client);
                return;
            }
            target = new Socket(targetHost, targetPort);
            target.setTcpNoDelay(true);
            server.track(target);
            target.getOutputStream().write(hello);
            target.getOutputStream().flush();
            Handshake.Request r = Handshake.parseRequest(hello, hello.length - 1);
            String who = "user=" + r.user() + " capability=" + r.capability();
            int answer = target.getInputStream().read();
            if (answer < 0) {
                record(new Session.Entry(Session.Kind.REFUSED, id, who, new byte[0], 0));
                SocketServer.closeQuietly(client);
                SocketServer.closeQuietly(target);
                return;
            }
            record(new Session.Entry(Session.Kind.LOGIN, id, who, new byte[] {(byte) answer}, 0));
            client.getOutputStream().write(answer);
            client.getOutputStream().flush();
            Socket s = target;
            server.spawn("q4j-record-client-" + id + "-in", () -> pump(client, s, id, Session.Kind.REQUEST));
            pump(s, client, id, Session.Kind.REPLY);
        } catch (IOException e) {
            SocketServer.closeQuietly(client);
            SocketServer.closeQuietly(target);
            if (!closed && target == null) {
                failures.add(new IOException("connection " + id + ": cannot reach " + targetHost + ":" + targetPort
                        + ": " + e.getMessage(), e));
            }
        }
    }

    /** Forwards whole messages from one socket to the other, recording each, until either side closes. */
    private void pump(Socket from, Socket to, int id, Session.Kind kind) {
        try {
            InputStream in = from.getInputStream();
            OutputStream o = to.getOutputStream();
            while (true) {
                byte[] message = Frames.read(in, DecodeLimits.DEFAULT);
                if (message == null) {
                    break;
                }
                record(Session.message(kind, id, message));
                o.write(message);
                o.flush();
            }
        } catch (IOException | RuntimeException e) {
            // a side closed (or sent what is not kdb+'s framing): the connection ends
        }
        boolean first;
        synchronized (entries) {
            first = !closedConnections.contains(id) && closedConnections.add(id);
        }
        if (first) {
            record(new Session.Entry(Session.Kind.CLOSE, id, "", new byte[0], 0));
        }
        SocketServer.closeQuietly(from);
        SocketServer.closeQuietly(to);
    }

    private void record(Session.Entry e) {
        synchronized (entries) {
            entries.add(e);
            StringBuilder b = new StringBuilder();
            Session.append(b, e);
            try {
                out.write(b.toString());
                out.flush();
            } catch (IOException x) {
                failures.add(x);
            }
        }
    }
}
