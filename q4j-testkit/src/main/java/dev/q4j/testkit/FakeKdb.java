package dev.q4j.testkit;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.codec.Capability;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Frames;
import dev.q4j.testkit.internal.SocketServer;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fake kdb+ for tests: a server on a free loopback port that q clients (q4j, javakdb, node-q, q itself) connect
 * to as to kdb+, answering what the test scripted. It records every message it receives for verification, answers
 * a request no stub matches with a q error naming it (and reports it as a failure at the end of the test), pushes
 * updates to subscribers as a tickerplant does, and stages faults: a connection closed in the middle of a reply, a
 * reply that never comes, a login refused. With JUnit 5, {@link FakeKdbExtension} starts and stops it around each
 * test.
 *
 * <pre>{@code
 * try (FakeKdb fake = FakeKdb.start()) {
 *     fake.when("count trade").thenReturn(42L);
 *     fake.whenCall(".api.trades", "IBM", Arg.any()).thenReturn(trades);
 *     try (QConnection q = fake.connect()) {                 // or QConnection.connect(fake.address())
 *         q.query("count trade");                            // 42
 *     }
 *     fake.verify(Match.query("count trade"));
 *     fake.assertNoUnmatched();
 * }
 * }</pre>
 *
 * <p>An empty request, {@code h""} (what {@link QConnection#sync()} sends to wait until the server has read
 * everything before it), is answered with {@code ::} unless a stub says otherwise; it is received like any other.
 * Each connection is served by a thread of its own, one message at a time, as kdb+ does: a delayed or stalled
 * reply holds up that connection only. Every method is thread-safe.
 */
public final class FakeKdb implements AutoCloseable {
    private static final int MAX_TEXT = 300;
    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final Options options;
    private final SocketServer server;
    private final List<Stub> stubs = new CopyOnWriteArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private final List<Received> unmatched = new CopyOnWriteArrayList<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final List<QConnection> connections = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Encoder encoder = new Encoder();
    private volatile Map<String, QTable> schemas;
    private volatile boolean closed;

    private FakeKdb(Options options) throws IOException {
        this.options = options;
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port));
        this.server = SocketServer.start(listener, "q4j-fake-kdb-" + SERVERS.incrementAndGet(), this::serve,
                failures::add);
    }

    /**
     * {@return a fake listening on a free loopback port, accepting any credentials}
     *
     * @throws IOException when no port can be bound
     */
    public static FakeKdb start() throws IOException {
        return builder().start();
    }

    /** {@return a builder, for credentials, a refused login, a fixed port or lenient checking} */
    public static Builder builder() {
        return new Builder();
    }

    // ---------------------------------------------------------------- where it listens

    /** {@return the loopback port it listens on} */
    public int port() {
        return server.port();
    }

    /** {@return the host it listens on: the loopback address, {@code 127.0.0.1}} */
    public String host() {
        return server.host();
    }

    /** {@return {@code host:port}, as {@link QConnection#connect(String)} takes it} */
    public String address() {
        return host() + ":" + port();
    }

    /**
     * {@return a q4j connection to the fake, logged in with the builder's credentials, closed with the fake}
     */
    public QConnection connect() {
        ConnectionOptions.Builder b = ConnectionOptions.builder(host(), port());
        if (options.user != null) {
            b.credentials(options.user, options.password);
        }
        QConnection q = QConnection.connect(b.build());
        connections.add(q);
        return q;
    }

    // ---------------------------------------------------------------- stubs

    /**
     * {@return a stub answering requests of exactly this q text}
     *
     * @param text the text a client sends, e.g. {@code "select from trade"}
     */
    public Stub when(String text) {
        return when(Match.query(text));
    }

    /**
     * {@return a stub answering the requests this match accepts}
     *
     * @param match which requests
     */
    public Stub when(Match match) {
        Stub s = new Stub(Objects.requireNonNull(match, "match"));
        stubs.add(s);
        return s;
    }

    /**
     * {@return a stub answering calls of a named function, with one matcher per argument}
     *
     * @param function the function's name
     * @param args one per argument: an {@link Arg}, or a value (a q value, or a Java value: a {@code String} is a
     *     symbol)
     */
    public Stub whenCall(String function, Object... args) {
        return when(Match.call(function, args));
    }

    /**
     * Makes the fake a tickerplant for these tables: {@code .u.sub[t;syms]} answers {@code (`t;schema)} (a list of
     * those for {@code t} the null symbol, as kdb+tick's {@code .u.sub}) and subscribes the client, whose updates
     * {@link #publish(String, QTable)} then sends.
     *
     * <pre>{@code
     * fake.tickerplant(Map.of("trade", emptyTrade));
     * // the subscriber under test calls .u.sub[`trade;`]
     * fake.awaitSubscribers("trade", 1);
     * fake.publish("trade", rows);                          // neg[h](`upd;`trade;rows) to each subscriber
     * }</pre>
     *
     * @param tables each table's name and its schema (an empty table with its columns)
     * @return this fake
     */
    public FakeKdb tickerplant(Map<String, QTable> tables) {
        this.schemas = Map.copyOf(new LinkedHashMap<>(tables));
        return this;
    }

    // ---------------------------------------------------------------- pushes

    /**
     * Sends {@code (`upd;`table;rows)} as an async message to every client subscribed to the table (see
     * {@link #tickerplant(Map)}); a client that subscribed to some syms gets only the rows of those syms (by the
     * table's {@code sym} column), and nothing when none is left.
     *
     * @param table the table's name
     * @param rows the rows
     * @return how many clients it was sent to
     */
    public int publish(String table, QTable rows) {
        int sent = 0;
        for (Peer p : peers) {
            QTable mine = p.subscription(table, rows);
            if (mine != null && p.push(QList.of(QSymbol.of("upd"), QSymbol.of(table), mine))) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Sends any value as an async message to every connected client (q's {@code -25!(handles;x)}).
     *
     * @param message the value
     * @return how many clients it was sent to
     */
    public int push(QValue message) {
        int sent = 0;
        for (Peer p : peers) {
            if (p.push(message)) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Waits until this many clients are subscribed to the table.
     *
     * @param table the table
     * @param count how many subscribers
     * @throws AssertionError when fewer subscribed within the verification timeout
     */
    public void awaitSubscribers(String table, int count) {
        awaitTrue(() -> peers.stream().filter(p -> p.subscribed(table)).count() >= count,
                () -> "expected " + count + " subscriber(s) to `" + table + ", there are "
                        + peers.stream().filter(p -> p.subscribed(table)).count());
    }

    /**
     * Waits until this many clients are logged in (connected now).
     *
     * @param count how many clients
     * @throws AssertionError when fewer are connected within the verification timeout
     */
    public void awaitClients(int count) {
        awaitTrue(() -> peers.size() >= count,
                () -> "expected " + count + " connected client(s), there are " + peers.size());
    }

    /** {@return how many clients are connected now} */
    public int clients() {
        return peers.size();
    }

    /** {@return how many connections were accepted so far, refused logins included} */
    public int accepted() {
        return server.accepted();
    }

    // ---------------------------------------------------------------- verification

    /** {@return every message received so far, in order of arrival} */
    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /**
     * {@return the messages received so far that the match accepts, in order}
     *
     * @param match which messages
     */
    public List<Received> received(Match match) {
        return received().stream().filter(match::matches).toList();
    }

    /**
     * {@return the data of every {@code .u.upd[`table;data]} received so far (sync or async), in order: a feed's
     * publishing, table by table}
     *
     * @param table the table's name
     */
    public List<QValue> updates(String table) {
        List<QValue> out = new ArrayList<>();
        for (Received r : received()) {
            r.call().filter(c -> c.name().equals(".u.upd") && c.args().size() == 2
                    && c.args().get(0).equals(QSymbol.of(table))).ifPresent(c -> out.add(c.args().get(1)));
        }
        return out;
    }

    /**
     * Checks that at least one message matching arrived, waiting up to the verification timeout (async messages
     * arrive after the client's send returns).
     *
     * @param match the message expected
     * @throws AssertionError saying what was expected and, in q text, everything that came
     */
    public void verify(Match match) {
        verify(match, 1);
    }

    /**
     * Checks that exactly {@code times} messages matching arrived, waiting up to the verification timeout for that
     * many.
     *
     * @param match the message expected
     * @param times how many
     * @throws AssertionError saying what was expected and, in q text, everything that came
     */
    public void verify(Match match, int times) {
        awaitTrue(() -> received(match).size() >= times, () -> "");
        int n = received(match).size();
        if (n != times) {
            throw new AssertionError("expected " + times + " message(s) matching " + match + ", received " + n
                    + receivedText());
        }
    }

    /**
     * Checks that no message matching arrived so far.
     *
     * @param match the message not expected
     * @throws AssertionError naming what came
     */
    public void verifyNever(Match match) {
        List<Received> hits = received(match);
        if (!hits.isEmpty()) {
            throw new AssertionError("expected no message matching " + match + ", received " + hits.size() + ": "
                    + hits.get(0) + receivedText());
        }
    }

    /**
     * Checks that messages matching these arrived in this order (others may come between), waiting up to the
     * verification timeout for them.
     *
     * @param matches the messages expected, in order
     * @throws AssertionError saying which was missing and, in q text, everything that came
     */
    public void verifyInOrder(Match... matches) {
        int[] found = new int[1];
        awaitTrue(() -> (found[0] = inOrder(received(), matches)) == matches.length, () -> "");
        if (found[0] != matches.length) {
            throw new AssertionError("expected in order:\n" + list(Arrays.asList(matches)) + "found the first "
                    + found[0] + ", not " + matches[found[0]] + " after them" + receivedText());
        }
    }

    /**
     * Checks that exactly these messages arrived, in this order, and nothing else, waiting up to the verification
     * timeout for as many to arrive.
     *
     * @param matches every message expected, in order
     * @throws AssertionError listing what was expected and, in q text, what came
     */
    public void verifyExactly(Match... matches) {
        awaitTrue(() -> received().size() >= matches.length, () -> "");
        List<Received> all = received();
        boolean ok = all.size() == matches.length;
        for (int i = 0; ok && i < matches.length; i++) {
            ok = matches[i].matches(all.get(i));
        }
        if (!ok) {
            throw new AssertionError("expected exactly:\n" + list(Arrays.asList(matches)) + receivedText());
        }
    }

    /** {@return the sync requests no stub matched so far (each was answered with a q error naming it)} */
    public List<Received> unmatched() {
        return List.copyOf(unmatched);
    }

    /**
     * Fails when a sync request matched no stub: the failure {@link FakeKdbExtension} reports after each test. A
     * fake built {@link Builder#lenient() lenient} never fails here.
     *
     * @throws AssertionError listing the requests no stub matched and the stubs there are
     */
    public void assertNoUnmatched() {
        if (!unmatched.isEmpty() && !options.lenient) {
            List<String> stubText = stubs.stream().map(Stub::toString).toList();
            throw new AssertionError("the fake kdb+ received " + unmatched.size() + " request(s) no stub matches:\n"
                    + list(unmatched) + (stubText.isEmpty() ? "there are no stubs" : "the stubs:\n" + list(stubText)));
        }
    }

    /** Forgets what was received and unmatched (between tests that share one fake); stubs stay. */
    public void clearReceived() {
        synchronized (received) {
            received.clear();
        }
        unmatched.clear();
    }

    /** Forgets the stubs, what was received and the tickerplant tables. */
    public void reset() {
        stubs.clear();
        schemas = null;
        clearReceived();
    }

    // ---------------------------------------------------------------- closing

    /**
     * Stops the fake: closes the connections it made ({@link #connect()}), every client's connection, releases
     * stalled replies and waits for its threads.
     *
     * @throws AssertionError when a thread of the fake failed or did not stop within 5 seconds
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closing.countDown();
        for (QConnection q : connections) {
            q.close();
        }
        for (Peer p : peers) {
            p.close();
        }
        List<String> alive = server.close();
        if (!alive.isEmpty()) {
            throw new AssertionError("the fake kdb+'s threads did not stop: " + alive);
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("the fake kdb+ failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    // ---------------------------------------------------------------- serving

    private void serve(Socket socket, int id) {
        Peer peer = null;
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            Handshake.Request login = SocketServer.readRequest(in);
            if (login == null || options.refuseLogin || options.user != null && !(options.user.equals(login.user())
                    && options.password.equals(login.password()))) {
                return;   // kdb+ closes the connection to refuse a login
            }
            peer = new Peer(socket, id, login.user());
            OutputStream out = socket.getOutputStream();
            out.write(Handshake.agree(login.capability(), Capability.V3));
            out.flush();
            peers.add(peer);
            Decoder decoder = new Decoder();
            while (!closed) {
                byte[] message = Frames.read(in, DecodeLimits.DEFAULT);
                if (message == null) {
                    return;
                }
                QMessage m = decoder.decode(message);
                if (!handle(peer, m)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the fake closed its socket: the end of this connection
        } catch (RuntimeException e) {
            if (!closed) {
                failures.add(new IllegalStateException("connection " + id + ": " + e, e));
            }
        } finally {
            if (peer != null) {
                peers.remove(peer);
            }
        }
    }

    /** {@return false to close the connection} */
    private boolean handle(Peer peer, QMessage m) throws IOException {
        if (m.type() == MessageType.RESPONSE) {
            return true;   // a client's response to something the fake never asks: ignored
        }
        Received r = new Received(m.type() == MessageType.SYNC ? Received.Kind.SYNC : Received.Kind.ASYNC,
                m.value(), peer.id, peer.user);
        synchronized (received) {
            received.add(r);
            received.notifyAll();
        }
        if (r.kind() == Received.Kind.ASYNC) {
            return true;
        }
        if (schemas != null) {
            QValue sub = subscribe(peer, r);
            if (sub != null) {
                peer.reply(sub);
                return true;
            }
        }
        Stub stub = null;
        for (int i = stubs.size() - 1; i >= 0 && stub == null; i--) {
            Stub s = stubs.get(i);
            stub = s.match().matchesValue(r.value()) ? s : null;
        }
        Stub.Reply reply = stub == null ? null : stub.nextReply();
        if (reply == null && r.value() instanceof QCharVector text && text.count() == 0) {
            peer.reply(Q.NIL);   // h"": the round trip that waits until the server has read everything before
            return true;
        }
        if (reply == null) {
            unmatched.add(r);
            peer.reply(new QError("nyi: the fake kdb+ has no stub for " + shorten(r.text())));
            return true;
        }
        if (!sleep(stub.delay())) {
            return false;
        }
        return answer(peer, r, reply);
    }

    private boolean answer(Peer peer, Received r, Stub.Reply reply) throws IOException {
        if (reply instanceof Stub.Value v) {
            peer.reply(v.value());
        } else if (reply instanceof Stub.Answer a) {
            QValue value;
            try {
                Object o = a.function().apply(r);
                value = o == null ? new QError("the stub's answer to " + shorten(r.text()) + " returned null")
                        : o instanceof QValue q ? q : Q.of(o);
            } catch (RuntimeException e) {
                value = new QError(shorten(e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            peer.reply(value);
        } else if (reply instanceof Stub.CloseMidReply c) {
            byte[] bytes = encoder.encode(MessageType.RESPONSE, c.value());
            peer.write(Arrays.copyOf(bytes, Math.max(9, bytes.length / 2)));
            return false;
        } else if (reply instanceof Stub.Close) {
            return false;
        } else if (reply instanceof Stub.Stall) {
            sleep(null);
            return false;
        }
        return true;
    }

    /** {@code .u.sub[t;syms]} when the fake is a tickerplant: the reply, or null when it is not such a call. */
    private QValue subscribe(Peer peer, Received r) {
        var call = r.call().filter(c -> c.name().equals(".u.sub") && c.args().size() == 2);
        if (call.isEmpty()) {
            return null;
        }
        QValue t = call.get().args().get(0);
        QValue syms = call.get().args().get(1);
        Map<String, QTable> tables = schemas;
        if (!(t instanceof QSymbol table)) {
            return new QError("type: .u.sub's first argument must be a table's name, not " + shorten(t.toString()));
        }
        if (table.value().isEmpty()) {
            List<QValue> all = new ArrayList<>();
            tables.forEach((name, schema) -> {
                peer.subscribe(name, syms);
                all.add(QList.of(QSymbol.of(name), schema));
            });
            return QList.of(all);
        }
        QTable schema = tables.get(table.value());
        if (schema == null) {
            return new QError(table.value());
        }
        peer.subscribe(table.value(), syms);
        return QList.of(table, schema);
    }

    /** {@return false when the fake closed meanwhile; waits until it closes for a null duration} */
    private boolean sleep(Duration d) {
        try {
            if (d == null) {
                closing.await();
                return false;
            }
            return d.isZero() || !closing.await(d.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + options.verifyTimeout.toNanos();
        synchronized (received) {
            while (!condition.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    String message = what.get();
                    if (!message.isEmpty()) {
                        throw new AssertionError(message + " after " + options.verifyTimeout.toMillis() + " ms");
                    }
                    return;
                }
                try {
                    received.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 20)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting", e);
                }
            }
        }
    }

    private static int inOrder(List<Received> all, Match[] matches) {
        int found = 0;
        for (Received r : all) {
            if (found < matches.length && matches[found].matches(r)) {
                found++;
            }
        }
        return found;
    }

    private String receivedText() {
        List<Received> all = received();
        return all.isEmpty() ? "\nreceived nothing" : "\nreceived, in order:\n" + list(all);
    }

    private static String list(List<?> items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            b.append("  ").append(i + 1).append(". ").append(items.get(i)).append('\n');
        }
        return b.toString();
    }

    static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "..(" + text.length() + " chars)";
    }

    // ---------------------------------------------------------------- one client

    /** One logged-in client: its socket's output (replies and pushes) and its subscriptions. */
    private final class Peer {
        private final Socket socket;
        private final int id;
        private final String user;
        private final OutputStream out;
        /** table name to the syms subscribed, null for all */
        private final Map<String, List<String>> subscriptions = new java.util.concurrent.ConcurrentHashMap<>();
        private static final List<String> ALL = List.of();

        Peer(Socket socket, int id, String user) throws IOException {
            this.socket = socket;
            this.id = id;
            this.user = user;
            this.out = new BufferedOutputStream(socket.getOutputStream());
        }

        void reply(QValue value) throws IOException {
            write(encoder.encode(MessageType.RESPONSE, value));
        }

        boolean push(QValue value) {
            try {
                write(encoder.encode(MessageType.ASYNC, value));
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        synchronized void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void subscribe(String table, QValue syms) {
            List<String> names = new ArrayList<>();
            if (syms instanceof dev.q4j.value.QSymbolVector v) {
                for (int i = 0; i < v.count(); i++) {
                    names.add(v.at(i).value());
                }
            } else if (syms instanceof QSymbol s && !s.value().isEmpty()) {
                names.add(s.value());
            }
            subscriptions.put(table, names.isEmpty() ? ALL : names);
        }

        boolean subscribed(String table) {
            return subscriptions.containsKey(table);
        }

        /** {@return the rows of the table this client subscribed to, null for none} */
        QTable subscription(String table, QTable rows) {
            List<String> syms = subscriptions.get(table);
            if (syms == null) {
                return null;
            }
            if (syms == ALL || rows.indexOf("sym") < 0) {
                return rows;
            }
            var column = rows.column("sym");
            Predicate<Integer> keep = i -> column.at(i) instanceof QSymbol s && syms.contains(s.value());
            QTable kept = Tables.select(rows, keep);
            return kept.count() == 0 ? null : kept;
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    // ---------------------------------------------------------------- options

    private static final class Options {
        private int port;
        private String user;
        private String password = "";
        private boolean refuseLogin;
        private boolean lenient;
        private Duration verifyTimeout = Duration.ofSeconds(5);
    }

    /**
     * How a {@link FakeKdb} starts: its port, the credentials it accepts, whether it refuses every login, whether a
     * request no stub matches fails the test, how long verifications wait for async messages.
     *
     * <pre>{@code
     * FakeKdb fake = FakeKdb.builder().credentials("svc", "secret").start();
     * FakeKdb closed = FakeKdb.builder().refuseLogin().start();     // every login fails, as with a wrong password
     * }</pre>
     */
    public static final class Builder {
        private final Options options = new Options();

        private Builder() {
        }

        /**
         * Listens on this loopback port instead of a free one.
         *
         * @param port the port, 0 for a free one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("a port is 0 .. 65535, not " + port);
            }
            options.port = port;
            return this;
        }

        /**
         * Accepts only these credentials (a client sending others is disconnected, as kdb+ with {@code -u} does);
         * {@link FakeKdb#connect()} logs in with them.
         *
         * @param user the user name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String user, String password) {
            options.user = Objects.requireNonNull(user, "user");
            options.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * Refuses every login: the connection is closed after the client's handshake, as kdb+ does for wrong
         * credentials or when {@code .z.pw} says no.
         *
         * @return this builder
         */
        public Builder refuseLogin() {
            options.refuseLogin = true;
            return this;
        }

        /**
         * Requests no stub matches are still answered with a q error, but {@link FakeKdb#assertNoUnmatched()} (and
         * so the extension) does not fail the test for them.
         *
         * @return this builder
         */
        public Builder lenient() {
            options.lenient = true;
            return this;
        }

        /**
         * How long {@code verify...} methods wait for messages still on their way (5 seconds by default); a
         * verification that holds returns at once.
         *
         * @param timeout how long
         * @return this builder
         */
        public Builder verifyTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("a timeout cannot be negative: " + timeout);
            }
            options.verifyTimeout = timeout;
            return this;
        }

        /**
         * {@return the fake, listening}
         *
         * @throws IOException when the port cannot be bound
         */
        public FakeKdb start() throws IOException {
            Options copy = new Options();
            copy.port = options.port;
            copy.user = options.user;
            copy.password = options.password;
            copy.refuseLogin = options.refuseLogin;
            copy.lenient = options.lenient;
            copy.verifyTimeout = options.verifyTimeout;
            return new FakeKdb(copy);
        }
    }
}
