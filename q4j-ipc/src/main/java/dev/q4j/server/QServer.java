package dev.q4j.server;

import dev.q4j.internal.jfr.ServerDisconnectEvent;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.Listener;
import dev.q4j.ipc.Transport;
import dev.q4j.ipc.Transports;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A kdb+-speaking server: q clients (and javakdb, node-q, q4j) connect, authenticate, query and publish; the service
 * answers through its {@link RequestHandler} and pushes through each {@link ClientConnection}.
 *
 * <pre>{@code
 * try (QServer server = QServer.start(ServerOptions.builder(5000)
 *         .requestHandler(RequestHandler.sync((client, request) -> request))   // an echo service
 *         .build())) {
 *     // q)h:hopen 5000; h"hello"   / "hello"
 *     server.awaitShutdown();
 * }
 * }</pre>
 *
 * <p>Each connection has a reader thread (which runs the handlers, so one slow request delays only its own
 * connection) and, once past the handshake, a writer thread draining a bounded queue. The reader writes a reply
 * itself when nothing is queued for the client and it has sent nothing more (a client waiting for its answer), which
 * saves a thread wake-up per request; pushes and deferred replies go through the queue, in order with the rest. A
 * misbehaving client (garbage bytes, impossible lengths, a stalled handshake or half message, a queue it does not
 * read, a reply it does not take within {@link ServerOptions#messageTimeout()}) is disconnected with a logged reason
 * and never affects the others. Connections still in their handshake are bounded apart from the
 * clients ({@link ServerOptions#maxPendingHandshakes()}, also per address): when they are full the longest-waiting
 * one whose client has sent nothing more makes room, so a flood of connections that never finish their handshake
 * cannot keep a valid client out, and a burst of valid clients that a busy server has not read yet is not cut.
 */
public final class QServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.q4j.server");

    private final ServerOptions options;
    private final List<Listener> listeners = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final Set<ServerConnection> connections = ConcurrentHashMap.newKeySet();
    /** guards {@link #pending}, {@link #pendingByAddress} and {@link #admitted} */
    private final Object admission = new Object();
    /** connections in their handshake, oldest first */
    private final LinkedHashSet<ServerConnection> pending = new LinkedHashSet<>();
    private final Map<String, Integer> pendingByAddress = new HashMap<>();
    /** connections past the handshake, counted against maxConnections */
    private int admitted;
    private final AtomicLong ids = new AtomicLong();
    /** bytes waiting to be sent, all connections together */
    private final AtomicLong queuedBytes = new AtomicLong();
    /** held while clients over their share of the backlog are picked and cut off */
    private final Object cutting = new Object();
    private final ScheduledExecutorService sweeper;
    private final Object stopped = new Object();
    private volatile boolean accepting = true;
    private volatile boolean shutDown;

    private QServer(ServerOptions options) {
        this.options = options;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "q4j-server-sweeper");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Binds every endpoint and starts accepting.
     *
     * @param options what and where
     * @return the running server
     * @throws IOException when an endpoint cannot be bound (nothing is left listening)
     */
    public static QServer start(ServerOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        QServer server = new QServer(options);
        try {
            for (Endpoint e : options.endpoints()) {
                server.listeners.add(Transports.listen(e, options.tls()));
            }
        } catch (IOException e) {
            server.close();
            throw e;
        }
        for (Listener l : server.listeners) {
            Thread t = new Thread(() -> server.acceptLoop(l), "q4j-server-accept-" + l.endpoint());
            t.setDaemon(true);
            server.acceptors.add(t);
            t.start();
        }
        server.sweeper.scheduleWithFixedDelay(server::sweep, 200, 200, TimeUnit.MILLISECONDS);
        return server;
    }

    /** {@return the port of the first TCP endpoint (the one the system picked, for port 0)} */
    public int port() {
        for (Listener l : listeners) {
            if (l.endpoint() instanceof Endpoint.Tcp t) {
                return t.port();
            }
        }
        throw new IllegalStateException("the server listens on no TCP port");
    }

    /** {@return where it listens, with the actual ports} */
    public List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (Listener l : listeners) {
            out.add(l.endpoint());
        }
        return out;
    }

    /** {@return the clients connected now (past the handshake)} */
    public List<ClientConnection> clients() {
        List<ClientConnection> out = new ArrayList<>();
        for (ServerConnection c : connections) {
            if (c.isOpen() && c.isAuthenticated()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@return how many clients it was queued for}
     *
     * @param message sent async to every connected client
     */
    public int broadcast(QValue message) {
        int n = 0;
        for (ClientConnection c : clients()) {
            if (c.send(message)) {
                n++;
            }
        }
        return n;
    }

    /** {@return the options it runs with} */
    public ServerOptions options() {
        return options;
    }

    /**
     * Stops accepting, lets in-flight requests finish and queued messages go out within {@code grace}, then closes
     * every connection.
     *
     * @param grace how long to wait for in-flight work
     */
    public void shutdown(Duration grace) {
        if (shutDown) {
            return;
        }
        shutDown = true;
        stopAccepting();
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && connections.stream().anyMatch(ServerConnection::busy)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (ServerConnection c : connections) {
            if (c.busy()) {
                // the grace is over: do not wait (a second per connection) for a writer stuck on a client that
                // does not read, nor for requests still running
                c.close("still busy when the shutdown grace of " + grace.toMillis() + " ms ran out");
            } else {
                c.close();
            }
        }
        sweeper.shutdownNow();
        for (Thread t : acceptors) {
            join(t);
        }
        for (ServerConnection c : List.copyOf(connections)) {
            c.join();
        }
        synchronized (stopped) {
            stopped.notifyAll();
        }
    }

    /** Shuts down with 5 seconds' grace. */
    @Override
    public void close() {
        shutdown(Duration.ofSeconds(5));
    }

    /**
     * Blocks until the server is shut down (from another thread).
     *
     * @throws InterruptedException when interrupted
     */
    public void awaitShutdown() throws InterruptedException {
        synchronized (stopped) {
            while (!shutDown) {
                stopped.wait();
            }
        }
    }

    // ---------------------------------------------------------------- internals

    private void stopAccepting() {
        accepting = false;
        for (Listener l : listeners) {
            try {
                l.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "closing " + l.endpoint() + ": " + e.getMessage());
            }
        }
    }

    private void acceptLoop(Listener listener) {
        while (accepting) {
            Transport t;
            try {
                t = listener.accept();
            } catch (IOException e) {
                if (accepting) {
                    LOG.log(Level.WARNING, "accepting on " + listener.endpoint() + " failed: " + e.getMessage());
                    pause();
                }
                continue;
            }
            try {
                // from before its first read: admission may have to tell whether this client is silent
                t.watchPeer(true);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "accepted " + t.peer() + " and lost it at once: " + e.getMessage());
                closeQuietly(t);
                continue;
            }
            ServerConnection c = new ServerConnection(this, t, ids.incrementAndGet());
            List<ServerConnection> evicted = new ArrayList<>(2);
            List<String> reasons = new ArrayList<>(2);
            String refused = accepting ? admit(c, evicted, reasons) : "shutting down";
            for (int i = 0; i < evicted.size(); i++) {
                evicted.get(i).close(reasons.get(i));
            }
            if (refused != null) {
                LOG.log(Level.WARNING, "refused " + t.peer() + ": " + refused);
                ServerDisconnectEvent.emit(c.id(), t.peer(), "", false, refused);
                closeQuietly(t);
                continue;
            }
            connections.add(c);
            c.start();
        }
    }

    /**
     * Counts {@code c} as in its handshake, making room by picking handshakes to close (into {@code evicted}, with
     * their reasons): the longest-waiting of those that wait for their client, which has sent nothing the server has
     * not read yet (a connection that never handshakes, or stalls in the middle). One whose bytes are there unread,
     * or being read, is a client the server has not got round to (a burst of connections on a busy machine), and one
     * whose whole handshake is read waits for the server: neither is closed to make room from its address, and the
     * newcomer then counts beyond the per-address bound. The overall bound holds
     * whatever the connections wait for: if none waits for its client, the longest-waiting of all is closed.
     *
     * @return why {@code c} is refused, or {@code null} when it is in
     */
    private String admit(ServerConnection c, List<ServerConnection> evicted, List<String> reasons) {
        synchronized (admission) {
            if (admitted >= options.maxConnections()) {
                return options.maxConnections() + " connections already (ServerOptions.maxConnections)";
            }
            String address = c.address();
            if (pendingByAddress.getOrDefault(address, 0) >= options.maxPendingHandshakesPerAddress()) {
                ServerConnection p = longestWaitingForItsClient(address);
                if (p != null) {
                    forgetPending(p);
                    evicted.add(p);
                    reasons.add("handshake not finished while " + options.maxPendingHandshakesPerAddress()
                            + " newer connections from " + address + " wait for theirs (ServerOptions."
                            + "maxPendingHandshakesPerAddress)");
                }
            }
            if (pending.size() >= options.maxPendingHandshakes()) {
                ServerConnection p = longestWaitingForItsClient(null);
                if (p == null) {
                    p = pending.iterator().next();
                }
                forgetPending(p);
                evicted.add(p);
                reasons.add("handshake not finished while " + options.maxPendingHandshakes() + " newer connections "
                        + "wait for theirs (ServerOptions.maxPendingHandshakes)");
            }
            pending.add(c);
            pendingByAddress.merge(address, 1, Integer::sum);
            return null;
        }
    }

    /**
     * Under the admission lock: {@return the longest-waiting connection in its handshake (from {@code address}, or
     * from any when null) that waits for its client, or null when there is none}
     */
    private ServerConnection longestWaitingForItsClient(String address) {
        for (ServerConnection p : pending) {
            if ((address == null || p.address().equals(address)) && p.waitsForItsClient()) {
                return p;
            }
        }
        return null;
    }

    /** Under the admission lock: {@code c} is no longer in its handshake. */
    private void forgetPending(ServerConnection c) {
        if (pending.remove(c)) {
            pendingByAddress.computeIfPresent(c.address(), (k, n) -> n == 1 ? null : n - 1);
        }
    }

    /** Closes {@code t}, which is being refused, cut off or is gone anyway: a failure to close changes nothing. */
    static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (ServerConnection c : connections) {
            c.checkTimeouts(now);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- called by connections

    ServerOptions opts() {
        return options;
    }

    void removed(ServerConnection c) {
        connections.remove(c);
        closing(c);
    }

    /** {@code c} is closing: its place (in its handshake, or as a client) is free at once. Idempotent. */
    void closing(ServerConnection c) {
        synchronized (admission) {
            if (pending.contains(c)) {
                forgetPending(c);
            } else if (c.admitted) {
                c.admitted = false;
                admitted--;
            }
        }
    }

    /**
     * {@code c} has finished its handshake with valid credentials: it is a client now, if there is room.
     *
     * @return why there is no room, or {@code null} when it is in
     */
    String handshaken(ServerConnection c) {
        synchronized (admission) {
            if (!pending.contains(c)) {
                return "closed while finishing the handshake";
            }
            forgetPending(c);
            if (admitted >= options.maxConnections()) {
                return "no room: " + options.maxConnections() + " clients already (ServerOptions.maxConnections)";
            }
            admitted++;
            c.admitted = true;
            return null;
        }
    }

    /** Runs {@code task} on the server's own thread (inline once the server is shut down). */
    void later(Runnable task) {
        try {
            sweeper.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            task.run();
        }
    }

    /** {@return bytes waiting to be sent to all clients now} */
    long queuedBytes() {
        return queuedBytes.get();
    }

    /** {@code bytes} left a connection's queue (sent, or dropped with it). */
    void released(long bytes) {
        queuedBytes.addAndGet(-bytes);
    }

    /**
     * {@code c} queues {@code bytes} more. Past {@link ServerOptions#maxTotalQueuedBytes()}, the clients whose
     * backlog is over their share are cut off, largest first, until the total is back under the bound; {@code c}
     * too, unless its queue was empty (a single large reply to a client that reads is not a backlog).
     *
     * @return false when {@code c} was cut off (its bytes are not counted then)
     */
    boolean reserve(ServerConnection c, int bytes, boolean wasEmpty) {
        long max = options.maxTotalQueuedBytes();
        if (queuedBytes.addAndGet(bytes) <= max) {
            return true;
        }
        synchronized (cutting) {
            long total = queuedBytes.get();
            if (total <= max) {
                return true;
            }
            List<ServerConnection> backlogged = new ArrayList<>();
            for (ServerConnection other : connections) {
                if (other.isOpen() && other.queued() > 0) {
                    backlogged.add(other);
                }
            }
            if (backlogged.isEmpty()) {
                return true;
            }
            long share = max / backlogged.size();
            backlogged.sort((a, b) -> Long.compare(b.queued(), a.queued()));
            boolean cutSelf = false;
            for (ServerConnection victim : backlogged) {
                long queued = victim.queued() + (victim == c ? bytes : 0);
                if (total <= max || queued <= share) {
                    break;
                }
                if (victim == c && wasEmpty) {
                    continue;
                }
                // its onClose runs later: this thread holds c's push lock, and a callback may push to clients
                victim.close("too slow: " + queued + " bytes waiting to be sent to it, over its share of "
                        + share + " while " + total + " wait for " + backlogged.size() + " clients (ServerOptions."
                        + "maxTotalQueuedBytes is " + max + ")", victim != c);
                total -= queued;
                cutSelf |= victim == c;
            }
            if (cutSelf) {
                queuedBytes.addAndGet(-bytes);
                return false;
            }
            return true;
        }
    }

    /** {@return the number of connections in their handshake now} */
    int pendingHandshakes() {
        synchronized (admission) {
            return pending.size();
        }
    }

    static System.Logger log() {
        return LOG;
    }
}
