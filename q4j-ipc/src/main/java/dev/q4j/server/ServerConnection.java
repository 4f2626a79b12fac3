package dev.q4j.server;

import dev.q4j.QErrorException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.internal.jfr.ServerConnectionClosedEvent;
import dev.q4j.internal.jfr.ServerConnectionOpenedEvent;
import dev.q4j.internal.jfr.ServerDisconnectEvent;
import dev.q4j.internal.jfr.ServerRequestEvent;
import dev.q4j.ipc.Frames;
import dev.q4j.ipc.Transport;
import dev.q4j.value.Q;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One client of a {@link QServer}: a reader thread (handshake, then messages, running the handlers) and a writer
 * thread draining the outbound queue. Replies leave in request order even when handlers answer out of order.
 *
 * <p>Write-through: a reply the reader thread produces while nothing is queued, nothing is being written and the
 * client has sent nothing more is written by the reader itself, saving the wake-up of the writer thread (one thread
 * switch per request instead of two). It is committed under the push lock, by taking the write lock that the writer
 * holds around each of its writes, and written after the push lock is let go: a push that comes meanwhile is queued
 * and the writer sends it only once the reply is out, so replies and pushes keep their order and never interleave,
 * and no pusher waits for a slow client. Bytes written through are never queued, so they count neither against
 * {@link ServerOptions#maxQueuedBytes()} nor against the server's total. The sweeper closes a connection whose write
 * (written through or by the writer) has been in progress longer than {@link ServerOptions#messageTimeout()}:
 * closing the transport ends the blocked write, so a client that never reads holds a thread no longer than that.
 */
final class ServerConnection implements ClientConnection {
    private static final byte[] STOP = new byte[0];

    private final QServer server;
    private final ServerOptions options;
    private final Transport transport;
    private final long id;
    private final Decoder decoder;
    private final Encoder encoder = new Encoder();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ArrayDeque<Pending> inflight = new ArrayDeque<>();
    /** held while a reply's afterReply actions run and the reply is queued: pushes wait, so they follow it */
    private final Object pushLock = new Object();
    /** the request whose handler the reader thread is running: {@link #afterReply} collects its actions */
    private Pending handling;
    private final LinkedBlockingQueue<byte[]> outbound = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    /**
     * held around every write to {@link #sink}: by the writer for each queued message (and the flush after the
     * last), by the reader for a reply written through; taken by the reader only with {@code tryLock}
     */
    private final ReentrantLock writeLock = new ReentrantLock();
    /** buffered over the transport's output; written and flushed only under {@link #writeLock} */
    private volatile OutputStream sink;
    /** the reader's input, buffered: what the client has sent and the reader has not taken yet */
    private InputStream in;
    /** messages written through by the reader thread, and by the writer thread (guarded by the write lock) */
    private volatile long writtenThrough;
    private volatile long writtenByWriter;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final long connectedAt = System.nanoTime();
    private volatile boolean authenticated;
    /** set when the client ended the connection (end of stream), for the recorded event */
    private volatile boolean closedByClient;
    private volatile long lastActivity = System.nanoTime();
    private volatile long messageStartedAt;
    /**
     * when the message being written (through, or by the writer) began, until it is flushed; 0 when no write is in
     * progress: bytes may be on their way though none are queued
     */
    private volatile long writeStartedAt;
    private volatile String user = "";
    private volatile int capability;
    private Thread reader;
    /** started once the client is in: connections in their handshake cost one thread, not two */
    private volatile Thread writer;
    /** counted by the server as a client (against maxConnections); guarded by the server's admission lock */
    boolean admitted;
    private final String address;
    /** run when a message's first byte arrives: the sweeper times the message from then */
    private final Runnable markMessageStart = () -> messageStartedAt = System.nanoTime();

    ServerConnection(QServer server, Transport transport, long id) {
        this.server = server;
        this.options = server.opts();
        this.transport = transport;
        this.id = id;
        this.decoder = new Decoder(options.limits());
        this.address = addressOf(transport.peer());
    }

    void start() {
        reader = new Thread(this::readLoop, "q4j-server-read-" + id);
        reader.setDaemon(true);
        reader.start();
    }

    private void startWriter() {
        sink = new BufferedOutputStream(transport.output(), 1 << 16);
        Thread w = new Thread(this::writeLoop, "q4j-server-write-" + id);
        w.setDaemon(true);
        writer = w;
        w.start();
    }

    /**
     * {@return true when the client is what this connection waits for: it sent no handshake yet, or stopped in the
     * middle of one; false when its bytes are there and the reader has not got round to them, or the reader holds a
     * whole handshake (the server is what it waits for, in its authenticator). Asked by the accepting thread; a
     * transport that cannot tell counts as waiting}
     */
    boolean waitsForItsClient() {
        return transport.waitsForPeer();
    }

    /** {@return the peer's address without its port ({@code /127.0.0.1}), for the per-address handshake limit} */
    String address() {
        return address;
    }

    static String addressOf(String peer) {
        int colon = peer.lastIndexOf(':');
        if (colon > 0 && colon < peer.length() - 1) {
            for (int i = colon + 1; i < peer.length(); i++) {
                if (!Character.isDigit(peer.charAt(i))) {
                    return peer;
                }
            }
            String host = peer.substring(0, colon);
            return host.endsWith("]") && host.contains("[") ? host.replace("[", "").replace("]", "") : host;
        }
        return peer;
    }

    // ---------------------------------------------------------------- ClientConnection

    @Override
    public long id() {
        return id;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String peer() {
        return transport.peer();
    }

    @Override
    public int capability() {
        return capability;
    }

    @Override
    public boolean send(QValue message) {
        if (!isOpen()) {
            return false;
        }
        byte[] bytes = encode(MessageType.ASYNC, message);
        synchronized (pushLock) {
            return enqueue(bytes);
        }
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public void close() {
        close(null);
    }

    @Override
    public String toString() {
        return "client " + id + (user.isEmpty() ? "" : " (" + printable(user) + ")") + " at " + peer();
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        try {
            InputStream raw = transport.input();
            in = raw instanceof BufferedInputStream ? raw : new BufferedInputStream(raw, 1 << 16);
            if (!handshake(in)) {
                return;
            }
            while (isOpen() && serveOneMessage()) {
                // the work is in serveOneMessage: see there
            }
        } catch (IOException | RuntimeException e) {
            close(isOpen() ? describe(e) : null);
        } catch (Error e) {
            // out of memory, or an Error from a callback: never leave the connection open with nobody reading it
            close(isOpen() ? "reading failed: " + e : null);
        }
    }

    /**
     * Reads, decodes and answers (or hands to the async handler) one message. A method of its own, called once per
     * message, so that the JIT compiles it fully after a few thousand messages: a loop that runs for a connection's
     * whole life is compiled only by on-stack replacement, which a busy machine's compiler thread reached 10 to 16 s
     * into a load test (the loop's own code ran in the profiling tier until then).
     *
     * @return false when the client closed the connection between messages
     */
    private boolean serveOneMessage() throws IOException {
        byte[] bytes = Frames.read(in, options.limits(), markMessageStart);
        messageStartedAt = 0;
        lastActivity = System.nanoTime();
        if (bytes == null) {
            closedByClient = true;
            close(null);
            return false;
        }
        QMessage m = decoder.decode(bytes);
        switch (m.type()) {
            case SYNC:
                request(m.value(), bytes.length);
                break;
            case ASYNC:
                runAsyncHandler(m.value(), bytes.length);
                break;
            default:
                QServer.log().log(Level.DEBUG, this + " sent a response nobody asked for; ignored");
                break;
        }
        clearStrayInterrupt();
        return true;
    }

    /**
     * Forgets an interrupt that a handler or callback left on the reader thread: it is not the server's, and a plain
     * TCP connection is a channel, which a read or write by an interrupted thread would close.
     */
    private static void clearStrayInterrupt() {
        Thread.interrupted();
    }

    /** {@return true when the client is in} */
    private boolean handshake(InputStream in) throws IOException {
        byte[] hello = new byte[Handshake.MAX_REQUEST];
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                closedByClient = true;
                close(n == 0 ? null : "closed during the handshake");
                return false;
            }
            if (b == 0) {
                transport.watchPeer(false);
                break;
            }
            if (n == hello.length) {
                close("handshake longer than " + Handshake.MAX_REQUEST + " bytes without a NUL: not a kdb+ client");
                return false;
            }
            hello[n++] = (byte) b;
        }
        Handshake.Request request = Handshake.parseRequest(hello, n);
        boolean ok;
        try {
            ok = options.authenticator().authenticate(request.user(), request.password());
        } catch (RuntimeException e) {
            QServer.log().log(Level.WARNING, "authenticator failed for " + printable(request.user()) + ": " + e, e);
            ok = false;
        }
        if (!ok) {
            // as kdb+ does: no answer, just the closed connection
            close("rejected the credentials of user '" + printable(request.user()) + "'");
            return false;
        }
        user = request.user();
        String noRoom = server.handshaken(this);
        if (noRoom != null) {
            // as for a rejection: no answer, just the closed connection (the protocol has no way to say why)
            close(noRoom);
            return false;
        }
        capability = Handshake.agree(request.capability(), options.maxCapability());
        OutputStream out = transport.output();
        out.write(capability);
        out.flush();
        authenticated = true;
        lastActivity = System.nanoTime();
        ServerConnectionOpenedEvent.emit(id, peer(), user, capability, lastActivity - connectedAt);
        startWriter();
        if (options.onOpen() != null) {
            try {
                options.onOpen().accept(this);
            } catch (RuntimeException | Error e) {
                QServer.log().log(Level.WARNING, "onOpen callback failed for " + this + ": " + e, e);
            }
            clearStrayInterrupt();
        }
        return true;
    }

    private void request(QValue value, int size) {
        Pending pending = new Pending(ServerRequestEvent.start(id, peer(), user, ServerRequestEvent.SYNC, size));
        synchronized (inflight) {
            inflight.add(pending);
        }
        CompletionStage<QValue> reply;
        handling = pending;
        try {
            reply = options.requestHandler().handle(this, value);
        } catch (Exception | Error e) {
            // an Error too (a handler's AssertionError, StackOverflowError): the client gets a q error, as kdb+
            // answers 'stack, instead of a reader thread dying with the request unanswered
            complete(pending, null, e);
            return;
        } finally {
            handling = null;
        }
        if (reply == null) {
            complete(pending, Q.NIL, null);
        } else if (reply instanceof CompletableFuture<QValue> done && done.isDone()) {
            // the common case (RequestHandler.sync, a cached answer): no callback to register and run
            QValue v;
            try {
                v = done.join();
            } catch (CompletionException | CancellationException e) {
                complete(pending, null, e);
                return;
            }
            complete(pending, v, null);
        } else {
            try {
                reply.whenComplete((v, e) -> complete(pending, v, e));
            } catch (RuntimeException | Error e) {
                complete(pending, null, e);
            }
        }
    }

    /** Records the reply (or the failure) of {@code pending} and sends whatever replies are ready, in order. */
    private void complete(Pending pending, QValue value, Throwable failure) {
        synchronized (inflight) {
            if (pending.done) {
                return;   // a stage completed twice (a faulty handler's own CompletionStage): the first one counts
            }
            pending.value = value == null ? Q.NIL : value;
            pending.failure = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            pending.done = true;
        }
        drainReplies();
    }

    private void runAsyncHandler(QValue value, int size) {
        ServerRequestEvent event = ServerRequestEvent.start(id, peer(), user, ServerRequestEvent.ASYNC, size);
        try {
            options.asyncHandler().handle(this, value);
        } catch (Exception | Error e) {
            QServer.log().log(Level.WARNING, "async handler failed for " + this + ": " + e, e);
            if (event != null) {
                event.finish(ServerRequestEvent.HANDLER_EXCEPTION, 0, String.valueOf(e));
            }
            return;
        }
        if (event != null) {
            event.finish(ServerRequestEvent.VALUE, 0, null);
        }
    }

    /** A request waiting for its reply, and what to do once the reply is queued. */
    private static final class Pending {
        /** its recorded event, or {@code null} when no recording wants one */
        final ServerRequestEvent event;
        /** what {@link #afterReply} collected while the handler ran; {@code null} for none (most requests) */
        java.util.List<Runnable> after;
        /** set once, under the lock of {@code inflight}, as are the value and the failure */
        boolean done;
        QValue value;
        Throwable failure;

        Pending(ServerRequestEvent event) {
            this.event = event;
        }
    }

    @Override
    public void afterReply(Runnable action) {
        Pending collecting = handling;
        if (collecting != null && Thread.currentThread() == reader) {
            if (collecting.after == null) {
                collecting.after = new java.util.ArrayList<>();
            }
            collecting.after.add(action);
        } else {
            action.run();
        }
    }

    /**
     * Sends every reply at the head of the queue that is ready: replies go in request order. On the reader thread,
     * when nothing is queued or being written and the client has sent nothing more (it waits for this reply), the
     * first of them is written through by this thread; the rest are queued for the writer.
     */
    private void drainReplies() {
        // only the reader writes through: a thread that completes a deferred reply (a handler's executor) must not
        // block on a client that does not read; and a client that has sent more (pipelining) gets its replies
        // from the writer, so the reader goes on reading and replies are flushed together
        boolean mayWriteThrough = Thread.currentThread() == reader && sink != null && nothingMoreToRead();
        byte[] through = null;
        synchronized (inflight) {
            while (!inflight.isEmpty() && inflight.peek().done) {
                Pending pending = inflight.poll();
                Throwable failure = pending.failure;
                QValue reply = failure == null ? pending.value : errorOf(failure);
                byte[] bytes;
                boolean encoded = true;
                try {
                    bytes = encode(MessageType.RESPONSE, reply);
                } catch (RuntimeException e) {
                    encoded = false;
                    reply = errorOf(e);
                    bytes = encode(MessageType.RESPONSE, reply);
                }
                if (pending.event != null) {
                    recordReply(pending.event, reply, failure, encoded, bytes.length);
                }
                synchronized (pushLock) {
                    if (pending.after != null) {
                        runAfterReply(pending.after);
                    }
                    if (mayWriteThrough && through == null && commitWriteThrough()) {
                        through = bytes;
                    } else {
                        enqueue(bytes);
                    }
                }
            }
        }
        if (through != null) {
            writeThrough(through);
        }
    }

    private void runAfterReply(java.util.List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                QServer.log().log(Level.WARNING, "an afterReply action failed for " + this + ": " + e, e);
            }
        }
    }

    /**
     * {@return true when the client has sent nothing that the reader has not taken yet} Over plain TCP the input
     * knows without asking the kernel when its last read got less than it asked for (a client that waits for each
     * answer): a system call per request saved. When that read filled the buffer, the kernel is asked: a client that
     * writes requests faster than they are read, and reads no replies meanwhile, must not find the reader blocked
     * writing it a reply while it is itself blocked writing to the reader.
     */
    private boolean nothingMoreToRead() {
        int held = in == transport.input() ? transport.bufferedInput() : -1;
        if (held >= 0) {
            return held == 0;
        }
        try {
            return in.available() == 0;
        } catch (IOException e) {
            return false;   // the next read fails and says why
        }
    }

    /**
     * Under the push lock: takes the write lock when nothing is queued and nothing is being written. Held, it keeps
     * the writer (and so every push queued from now on) behind the reply until {@link #writeThrough} has sent it.
     *
     * @return true when the caller holds the write lock and must call {@link #writeThrough}
     */
    private boolean commitWriteThrough() {
        if (!isOpen() || queuedBytes.get() != 0 || !writeLock.tryLock()) {
            return false;
        }
        // nobody can queue while we hold the push lock, and the writer releases a message's bytes only after its
        // write: nothing queued means that the writer has nothing to write and its buffer is flushed
        if (queuedBytes.get() != 0) {
            writeLock.unlock();
            return false;
        }
        return true;
    }

    /** With the write lock from {@link #commitWriteThrough}: writes and flushes {@code bytes}, then lets it go. */
    private void writeThrough(byte[] bytes) {
        clearStrayInterrupt();
        try {
            writeStartedAt = System.nanoTime();
            writtenThrough++;
            OutputStream out = sink;
            out.write(bytes);
            out.flush();
            lastActivity = System.nanoTime();
        } catch (IOException e) {
            close(isOpen() ? "writing failed: " + describe(e) : null);
        } finally {
            writeStartedAt = 0;
            writeLock.unlock();
        }
    }

    private static void recordReply(ServerRequestEvent event, QValue reply, Throwable failure, boolean encoded,
            int size) {
        String error = reply instanceof QError e ? e.message() : null;
        String outcome = !encoded ? ServerRequestEvent.ENCODING_FAILED
                : failure == null ? (error == null ? ServerRequestEvent.VALUE : ServerRequestEvent.Q_ERROR)
                : failure instanceof QErrorException ? ServerRequestEvent.Q_ERROR
                : ServerRequestEvent.HANDLER_EXCEPTION;
        event.finish(outcome, size, failure == null || failure instanceof QErrorException || !encoded ? error
                : String.valueOf(failure));
    }

    private static QError errorOf(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof QErrorException q) {
            return new QError(q.qMessage());
        }
        String m = e.getMessage();
        return new QError(m == null || m.isEmpty() ? e.getClass().getSimpleName() : m.replace('\0', ' '));
    }

    // ---------------------------------------------------------------- writing

    private byte[] encode(MessageType type, QValue value) {
        Compression c = options.compression();
        if (capability < 1 || (c == Compression.KDB && transport.isLocal())) {
            c = Compression.NEVER;
        }
        return encoder.encode(type, value, c);
    }

    /** Under the push lock: queues {@code bytes} for the writer, unless the client is too slow to take them. */
    private boolean enqueue(byte[] bytes) {
        if (!isOpen()) {
            return false;
        }
        long waiting = queuedBytes.get();
        // the limit is on the backlog a client leaves unread, not on the size of one message: a query result
        // larger than the limit still goes to a client that reads
        if (waiting >= options.maxQueuedBytes()) {
            close("too slow: " + waiting + " bytes waiting to be sent (ServerOptions.maxQueuedBytes is "
                    + options.maxQueuedBytes() + ")");
            return false;
        }
        // and the server's bound on all clients' backlogs together
        if (!server.reserve(this, bytes.length, waiting == 0)) {
            return false;
        }
        queuedBytes.addAndGet(bytes.length);
        outbound.add(bytes);
        if (!isOpen()) {
            dropQueued();   // closed meanwhile: the close may have drained the queue before these bytes came
            return false;
        }
        return true;
    }

    /** {@return bytes waiting to be sent to this client} */
    long queued() {
        return queuedBytes.get();
    }

    /** {@return true when nothing is queued for this client and nobody holds the write lock} */
    boolean writeIdle() {
        return queuedBytes.get() == 0 && !writeLock.isLocked();
    }

    /** {@return true while a message is being written to this client (through, or by the writer)} */
    boolean writeInProgress() {
        return writeStartedAt != 0;
    }

    /** {@return how many replies the reader thread has written through (counted as each write begins)} */
    long writtenThrough() {
        return writtenThrough;
    }

    /** {@return how many queued messages (replies and pushes) the writer thread has written, counted as each begins} */
    long writtenByWriter() {
        return writtenByWriter;
    }

    /** {@code n} bytes left the queue: sent, or dropped. */
    private void release(long n) {
        queuedBytes.addAndGet(-n);
        server.released(n);
    }

    /**
     * Drops what is still queued (the connection is closed): the server's total no longer counts it. The writer
     * still finds its stop mark.
     */
    private void dropQueued() {
        java.util.List<byte[]> dropped = new java.util.ArrayList<>();
        outbound.drainTo(dropped);
        outbound.add(STOP);
        long n = 0;
        for (byte[] b : dropped) {
            n += b.length;
        }
        if (n > 0) {
            release(n);
        }
    }

    private void writeLoop() {
        try (OutputStream out = sink) {
            while (true) {
                byte[] next = outbound.take();
                // after a reply being written through, which holds the lock (a push queued meanwhile waits here)
                writeLock.lock();
                try {
                    if (next == STOP) {
                        out.flush();
                        return;
                    }
                    writeStartedAt = System.nanoTime();
                    try {
                        writtenByWriter++;
                        out.write(next);
                    } finally {
                        release(next.length);
                    }
                    // a subscriber that only receives is busy, not idle
                    lastActivity = System.nanoTime();
                    if (outbound.isEmpty()) {
                        out.flush();
                        writeStartedAt = 0;
                    }
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (IOException e) {
            close(isOpen() ? "writing failed: " + describe(e) : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- life cycle

    boolean isAuthenticated() {
        return authenticated;
    }

    /** {@return true while requests are being handled or replies wait to be sent} */
    boolean busy() {
        synchronized (inflight) {
            if (!inflight.isEmpty()) {
                return true;
            }
        }
        return isOpen() && (queuedBytes.get() > 0 || writeStartedAt != 0);
    }

    void checkTimeouts(long now) {
        if (!authenticated && now - connectedAt > options.handshakeTimeout().toNanos()) {
            close("no handshake within " + options.handshakeTimeout().toMillis() + " ms");
        } else if (messageStartedAt != 0 && now - messageStartedAt > options.messageTimeout().toNanos()) {
            close("a message stalled: not complete " + options.messageTimeout().toMillis() + " ms after it began");
        } else if (writeStartedAt != 0 && now - writeStartedAt > options.messageTimeout().toNanos()) {
            // closing the transport ends the blocked write: the thread writing is free again
            close("a write stalled: a message to it not taken in full " + options.messageTimeout().toMillis()
                    + " ms after it began (the client does not read; ServerOptions.messageTimeout)");
        } else if (options.idleTimeout() != null && messageStartedAt == 0
                && now - lastActivity > options.idleTimeout().toNanos() && !busy()) {
            close("idle for " + options.idleTimeout().toMillis() + " ms");
        }
    }

    /** @param reason why, logged; {@code null} for an ordinary close */
    void close(String reason) {
        close(reason, false);
    }

    /**
     * @param reason why, logged; {@code null} for an ordinary close
     * @param callbackLater whether the onClose callback runs later on the server's own thread: when another
     *     connection's thread closes this one while holding that connection's locks, a callback that pushes to
     *     clients must not run there
     */
    void close(String reason, boolean callbackLater) {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        server.closing(this);
        if (reason != null) {
            QServer.log().log(Level.WARNING, "disconnected " + this + ": " + reason);
            ServerDisconnectEvent.emit(id, peer(), authenticated ? user : "", authenticated, reason);
        }
        if (authenticated) {
            ServerConnectionClosedEvent.emit(id, peer(), user, reason != null ? reason : closedByClient
                    ? ServerConnectionClosedEvent.BY_CLIENT : ServerConnectionClosedEvent.BY_SERVER,
                    System.nanoTime() - connectedAt);
        }
        // let queued replies go first when the close is ordinary
        outbound.add(STOP);
        if (reason != null) {
            // cut off: at once, even when a write to it is blocked (a client that does not read)
            abortTransport();
            dropQueued();
        } else {
            Thread w = writer;
            if (w != null && w != Thread.currentThread()) {
                try {
                    w.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            // a write still in progress (a client that does not read) would hold a TLS close_notify back for ever:
            // with the write lock, none is and none can begin; without it, the transport is cut off under the write
            if (writeLock.tryLock()) {
                try {
                    QServer.closeQuietly(transport);
                } finally {
                    writeLock.unlock();
                }
            } else {
                abortTransport();
            }
            dropQueued();
        }
        server.removed(this);
        if (authenticated && options.onClose() != null) {
            if (callbackLater) {
                server.later(this::runOnClose);
            } else {
                runOnClose();
            }
        }
    }

    private void runOnClose() {
        try {
            options.onClose().accept(this);
        } catch (RuntimeException | Error e) {
            QServer.log().log(Level.WARNING, "onClose callback failed for " + this + ": " + e, e);
        }
    }

    private void abortTransport() {
        try {
            transport.abort();
        } catch (IOException ignored) {
            // closed either way
        }
    }

    void join() {
        for (Thread t : new Thread[] {reader, writer}) {
            if (t != null && t != Thread.currentThread()) {
                try {
                    t.join(2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /**
     * A user name as it may appear in a log: the client chose it, so control characters (a forged line break) are
     * escaped and the length is bounded.
     */
    static String printable(String text) {
        int n = Math.min(text.length(), 64);
        StringBuilder b = new StringBuilder(n + 8);
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (Character.isISOControl(ch) || ch == 0x2028 || ch == 0x2029) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return text.length() > n ? b.append("...").toString() : b.toString();
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isEmpty() ? e.getClass().getSimpleName() : m;
    }
}
