package dev.q4j.testkit.replay;

import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.ipc.Frames;
import dev.q4j.testkit.internal.SocketServer;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Serves a recorded {@link Session} to kdb+ clients as the server did when it was recorded: each reply (and each
 * message the server pushed) goes out byte for byte as recorded, in answer to the request recorded before it. What
 * the application sends that the recording does not have gets a q error ({@code 'replay: not recorded ...}) and is
 * kept as a {@link Mismatch}, a readable diff against the recorded message it should have been.
 *
 * <pre>{@code
 * try (ReplayServer replay = ReplayServer.builder(Session.read(Path.of("trades.q4js"))).start()) {
 *     PriceService service = new PriceService("127.0.0.1:" + replay.port());
 *     assertEquals(101.5, service.lastPrice("IBM"));
 *     replay.assertNoMismatch();                                // fails with the diff if it asked something new
 * }
 * }</pre>
 *
 * <p>In {@link Mode#STRICT} order, the n-th connection replays the n-th recorded connection, every message in the
 * order recorded. In {@link Mode#MATCHING}, a request may come on any connection in any order: it is answered as the
 * first recorded request with the same bytes (or, failing that, the same value) was answered. A request matches a
 * recorded one when its bytes are the same, or when it decodes to the same value (another client's encoding).
 */
public final class ReplayServer implements AutoCloseable {
    private final Session session;
    private final Mode mode;
    private final Consumer<Mismatch> onMismatch;
    private final SocketServer server;
    /** recorded connections in order: each one's entries */
    private final List<List<Session.Entry>> recorded = new ArrayList<>();
    /** the recorded requests, each with the replies after it (MATCHING) */
    private final List<Exchange> exchanges = new ArrayList<>();
    private final List<Mismatch> mismatches = new CopyOnWriteArrayList<>();
    private final Encoder encoder = new Encoder();
    private volatile boolean closed;

    /** How requests are found in the recording. */
    public enum Mode {
        /** connection by connection, message by message, in the order recorded */
        STRICT,
        /** each request matched to a recorded one, whatever the connection and the order */
        MATCHING
    }

    /** A recorded request and the server's messages after it, up to the connection's next request. */
    private static final class Exchange {
        final Session.Entry request;
        final List<Session.Entry> replies = new ArrayList<>();
        boolean used;

        Exchange(Session.Entry request) {
            this.request = request;
        }
    }

    private ReplayServer(Builder b) throws IOException {
        this.session = b.session;
        this.mode = b.mode;
        this.onMismatch = b.onMismatch;
        Map<Integer, List<Session.Entry>> byConnection = new LinkedHashMap<>();
        for (Session.Entry e : session.entries()) {
            byConnection.computeIfAbsent(e.connection(), k -> new ArrayList<>()).add(e);
        }
        for (List<Session.Entry> entries : byConnection.values()) {
            recorded.add(entries);
            Exchange current = null;
            for (Session.Entry e : entries) {
                if (e.kind() == Session.Kind.REQUEST) {
                    current = new Exchange(e);
                    exchanges.add(current);
                } else if (e.kind() == Session.Kind.REPLY && current != null) {
                    current.replies.add(e);
                }
            }
        }
        ServerSocket listener = new ServerSocket();
        listener.bind(b.bind == null ? new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port)
                : new InetSocketAddress(b.bind, b.port));
        this.server = SocketServer.start(listener, "q4j-replay", this::serve, e -> { });
    }

    /**
     * {@return a builder for a replay of the session: strict order, a free loopback port}
     *
     * @param session the recorded session
     */
    public static Builder builder(Session session) {
        return new Builder(Objects.requireNonNull(session, "session"));
    }

    /**
     * {@return a replay of the session file in strict order on a free loopback port}
     *
     * @param file a session file
     * @throws IOException when the file cannot be read or no port bound
     */
    public static ReplayServer start(Path file) throws IOException {
        return builder(Session.read(file)).start();
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.port();
    }

    /** {@return {@code host:port} of where it listens} */
    public String address() {
        return server.host() + ":" + port();
    }

    /** {@return what the application sent that the recording does not have, so far} */
    public List<Mismatch> mismatches() {
        return List.copyOf(mismatches);
    }

    /**
     * Fails when the application sent anything the recording does not have.
     *
     * @throws AssertionError with the diff of each mismatch
     */
    public void assertNoMismatch() {
        if (!mismatches.isEmpty()) {
            StringBuilder b = new StringBuilder(mismatches.size() + " message(s) differ from the recording:\n");
            mismatches.forEach(m -> b.append(m));
            throw new AssertionError(b.toString());
        }
    }

    /**
     * Fails when a recorded request was never asked for (in strict order: the requests not reached).
     *
     * @throws AssertionError listing them
     */
    public void assertAllReplayed() {
        List<String> missing = new ArrayList<>();
        synchronized (exchanges) {
            for (Exchange x : exchanges) {
                if (!x.used) {
                    missing.add("  " + x.request + "   (" + x.request.where() + ")");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new AssertionError(missing.size() + " recorded request(s) were not replayed:\n"
                    + String.join("\n", missing));
        }
    }

    /** Stops: closes the listener and every connection, and waits for its threads (5 seconds at most each). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close();
    }

    private void serve(Socket socket, int id) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            Handshake.Request login = SocketServer.readRequest(in);
            if (login == null) {
                return;
            }
            List<Session.Entry> script = null;
            if (mode == Mode.STRICT) {
                if (id > recorded.size()) {
                    mismatch(new Mismatch(id, "login " + id + " user=" + login.user(), new byte[0], null,
                            "a connection more than the " + recorded.size() + " recorded"));
                    return;
                }
                script = recorded.get(id - 1);
            }
            Session.Entry first = script != null ? script.get(0) : firstLogin();
            if (first == null || first.kind() != Session.Kind.LOGIN) {
                return;   // the recorded login was refused: refuse it again
            }
            out.write(Math.min(first.bytes()[0] & 0xFF, Math.max(login.capability(), 0)));
            out.flush();
            if (script != null) {
                strict(in, out, id, script);
            } else {
                matching(in, out, id);
            }
        } catch (IOException e) {
            // the client went away, or the server closed
        }
    }

    private Session.Entry firstLogin() {
        for (Session.Entry e : session.entries()) {
            if (e.kind() == Session.Kind.LOGIN) {
                return e;
            }
        }
        return null;
    }

    private void strict(InputStream in, OutputStream out, int id, List<Session.Entry> script) throws IOException {
        int cursor = 1;
        cursor = sendReplies(out, script, cursor);
        while (!closed) {
            byte[] message = Frames.read(in, DecodeLimits.DEFAULT);
            if (message == null) {
                return;
            }
            Session.Entry expected = cursor < script.size() && script.get(cursor).kind() == Session.Kind.REQUEST
                    ? script.get(cursor) : null;
            if (expected != null && same(expected, message)) {
                markUsed(expected);
                cursor = sendReplies(out, script, cursor + 1);
                continue;
            }
            Session.Entry closest = expected != null ? expected : closest(message);
            mismatch(new Mismatch(id, line(id, message), message, closest, expected != null
                    ? "the application sent something else than recorded"
                    : "the application sent more than recorded on this connection"));
            refuse(out, message);
        }
    }

    private void matching(InputStream in, OutputStream out, int id) throws IOException {
        while (!closed) {
            byte[] message = Frames.read(in, DecodeLimits.DEFAULT);
            if (message == null) {
                return;
            }
            Exchange x = find(message);
            if (x == null) {
                mismatch(new Mismatch(id, line(id, message), message, closest(message),
                        "the application sent a message not recorded"));
                refuse(out, message);
                continue;
            }
            for (Session.Entry r : x.replies) {
                out.write(r.bytes());
            }
            out.flush();
        }
    }

    /** {@return the first recorded exchange for this request: unused and same bytes, unused and same value, used} */
    private Exchange find(byte[] message) {
        synchronized (exchanges) {
            Exchange best = null;
            int rank = 4;
            for (Exchange x : exchanges) {
                int r = x.request.sameBytes(message) ? 0 : sameValue(x.request, message) ? 1 : 9;
                r += x.used ? 2 : 0;
                if (r < rank) {
                    best = x;
                    rank = r;
                }
            }
            if (best != null) {
                best.used = true;
            }
            return best;
        }
    }

    private void markUsed(Session.Entry request) {
        synchronized (exchanges) {
            for (Exchange x : exchanges) {
                if (x.request == request) {
                    x.used = true;
                }
            }
        }
    }

    /** Writes the recorded server messages from {@code cursor} on, up to the next request; returns the cursor. */
    private static int sendReplies(OutputStream out, List<Session.Entry> script, int cursor) throws IOException {
        int c = cursor;
        while (c < script.size() && script.get(c).kind() == Session.Kind.REPLY) {
            out.write(script.get(c).bytes());
            c++;
        }
        out.flush();
        return c;
    }

    /** Answers a sync request that is not in the recording with a q error naming it. */
    private void refuse(OutputStream out, byte[] message) throws IOException {
        if (message.length >= MessageHeader.SIZE && message[1] == MessageType.SYNC.code()) {
            out.write(encoder.encode(MessageType.RESPONSE, new QError("replay: not recorded: "
                    + shorten(Session.textOf(message)))));
            out.flush();
        }
    }

    private Session.Entry closest(byte[] message) {
        String text = Session.textOf(message);
        Session.Entry best = null;
        int bestScore = -1;
        synchronized (exchanges) {
            for (Exchange x : exchanges) {
                int score = commonPrefix(text, x.request.text()) * 2 + (x.used ? 0 : 1);
                if (score > bestScore) {
                    best = x.request;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static boolean same(Session.Entry expected, byte[] message) {
        return expected.sameBytes(message) || sameValue(expected, message);
    }

    private static boolean sameValue(Session.Entry expected, byte[] message) {
        byte[] e = expected.bytes();
        if (e.length < 2 || message.length < 2 || e[1] != message[1]) {
            return false;
        }
        try {
            Decoder d = new Decoder();
            QValue a = d.decode(e).value();
            QValue b = d.decode(message).value();
            return a.equals(b);
        } catch (RuntimeException x) {
            return false;
        }
    }

    private static String line(int id, byte[] message) {
        return Session.message(Session.Kind.REQUEST, id, message).toString();
    }

    private void mismatch(Mismatch m) {
        mismatches.add(m);
        if (onMismatch != null) {
            try {
                onMismatch.accept(m);
            } catch (RuntimeException e) {
                // the callback's own failure must not end the replay
            }
        }
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "..";
    }

    /**
     * How a {@link ReplayServer} runs: its order, port, address and who hears of mismatches as they happen.
     *
     * <pre>{@code
     * ReplayServer replay = ReplayServer.builder(session).mode(ReplayServer.Mode.MATCHING).port(5001)
     *         .onMismatch(m -> System.err.println(m)).start();
     * }</pre>
     */
    public static final class Builder {
        private final Session session;
        private Mode mode = Mode.STRICT;
        private int port;
        private String bind;
        private Consumer<Mismatch> onMismatch;

        private Builder(Session session) {
            this.session = session;
        }

        /**
         * Sets the order (strict by default).
         *
         * @param mode strict or matching
         * @return this builder
         */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * Sets the port (0, a free one, by default).
         *
         * @param port the port
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0 .. 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Listens on this address instead of the loopback interface.
         *
         * @param host the address, {@code 0.0.0.0} for every interface
         * @return this builder
         */
        public Builder bind(String host) {
            this.bind = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Calls this with each mismatch as it happens (on the connection's thread).
         *
         * @param callback what to call
         * @return this builder
         */
        public Builder onMismatch(Consumer<Mismatch> callback) {
            this.onMismatch = callback;
            return this;
        }

        /**
         * {@return the server, listening}
         *
         * @throws IOException when the port cannot be bound
         */
        public ReplayServer start() throws IOException {
            return new ReplayServer(this);
        }
    }
}
