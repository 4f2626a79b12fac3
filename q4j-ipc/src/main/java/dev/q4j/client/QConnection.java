package dev.q4j.client;

import dev.q4j.Q4jException;
import dev.q4j.QErrorException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QList;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A connection to a kdb+ process: sync, async and pipelined requests, and the messages the server pushes. Safe to
 * share between threads: requests are written whole and in order, and kdb+ answers in order, so each reply reaches
 * its own caller.
 *
 * <pre>{@code
 * try (QConnection q = QConnection.connect(ConnectionOptions.of("localhost:5000"))) {
 *     QValue ten = q.query("til 10");                          // sync: 0 1 2 3 4 5 6 7 8 9
 *     QValue sum = q.call("{x+y}", 1L, 2L);                    // f[x;y] sent as (f;x;y)
 *     CompletableFuture<QValue> later = q.queryAsync("2+2");   // pipelined
 *     q.send(".u.upd", "trade", table);                        // async: fire and forget
 *     q.sync();                                                // wait until the server has processed it
 * }
 * }</pre>
 *
 * <p>A q error reply throws (or completes the future with) a {@link QErrorException} carrying q's text. A lost
 * connection fails every pending request with a {@link QConnectionException}; with a {@link ReconnectPolicy} the
 * connection then re-establishes itself and calls {@link ConnectionOptions#onReconnect()}.
 *
 * <p>Protocol violations close the connection as broken (and the reconnect policy applies): a response when no
 * request is waiting, which is how a second reply to one request shows (kdb+ replies carry no request id, so a
 * second reply that arrives while another request waits is taken as that request's reply: no client can tell), and
 * a connection that has lost step under a {@link ConnectionOptions.Builder#requestTimeout request timeout}.
 *
 * <p>Futures complete on the thread that reads the socket: keep their callbacks short, and make further requests
 * from them with the async methods (or {@code thenApplyAsync} and the like). The blocking methods refuse to run on
 * that thread with an {@link IllegalStateException}, since they would wait for a reply only it can read.
 *
 * <p>A connection built with {@link ConnectionOptions.Builder#readerThread(boolean) readerThread(false)} has no
 * thread of its own: each blocking call reads its own reply, as javakdb does (the lowest latency for sync calls),
 * and the async request methods are refused.
 */
public final class QConnection implements AutoCloseable {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** threads busy-waiting for a reply, across all connections */
    private static final AtomicInteger SPINNERS = new AtomicInteger();

    private final ConnectionOptions options;
    private final long spinNanos;
    private final Decoder decoder;
    private final Encoder encoder = new Encoder();
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ExecutorService delivery;
    private final SubmissionPublisher<QMessage> publisher;
    private volatile Session session;
    private volatile boolean closed;
    private volatile boolean reconnecting;

    private QConnection(ConnectionOptions options) {
        this.options = options;
        this.spinNanos = options.spinWait().toNanos();
        this.decoder = new Decoder(options.limits());
        String name = "q4j-delivery-" + options.endpoint();
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        this.publisher = new SubmissionPublisher<>(delivery, options.messageBuffer());
        if (options.listener() != null) {
            publisher.subscribe(new ListenerSubscriber(options.listener(), options.errorHandler()));
        }
    }

    /**
     * Connects and performs the handshake.
     *
     * @param options where and how
     * @return the open connection
     * @throws QAuthenticationException when the server rejects the credentials
     * @throws QConnectionException when it cannot connect
     */
    public static QConnection connect(ConnectionOptions options) {
        Objects.requireNonNull(options, "options");
        QConnection c = new QConnection(options);
        try {
            c.session = Session.open(options, c, false);
        } catch (RuntimeException e) {
            c.shutdownDelivery();
            throw e;
        }
        if (options.readerThread()) {
            c.session.startReading();
        }
        return c;
    }

    /**
     * {@return the open connection, with default options}
     *
     * @param address {@code host:port}, {@code :port}, {@code unix:///path} or {@code @name}
     */
    public static QConnection connect(String address) {
        return connect(ConnectionOptions.of(address));
    }

    // ---------------------------------------------------------------- sync

    /**
     * {@return the result}
     *
     * @param expression q code, evaluated by the server
     * @throws QErrorException when q signals an error
     * @throws QTimeoutException when the reply takes longer than the request timeout
     * @throws QConnectionException when the connection fails
     */
    public QValue query(String expression) {
        return blocking(QCharVector.of(expression));
    }

    /**
     * Calls a function with arguments, as q's {@code h(f;x;y)}: {@code f[x;y]}.
     *
     * @param function the function's name or q text ({@code "f"}, {@code ".u.upd"}, {@code "{x+y}"})
     * @param args arguments: q values, or Java values converted by {@link Q#of(Object)} (a String is a symbol)
     * @return the result
     * @throws QErrorException when q signals an error
     */
    public QValue call(String function, Object... args) {
        return blocking(callMessage(function, args));
    }

    /**
     * {@return the result}
     *
     * @param message any value to send as a sync request (a char vector is evaluated; a list is applied)
     * @throws QErrorException when q signals an error
     */
    public QValue execute(QValue message) {
        return blocking(message);
    }

    /** A sync request and its reply: read by the reader thread, or here when there is none. */
    private QValue blocking(QValue message) {
        checkNotReaderThread();
        if (options.readerThread()) {
            return await(executeAsync(message));
        }
        Objects.requireNonNull(message, "message");
        Session s = liveSession();
        CompletableFuture<QValue> reply = s.request(encode(MessageType.SYNC, message, s), null);
        s.readUntil(reply);
        return await(reply);
    }

    /**
     * Waits until the server has processed everything sent before, by a sync round trip of an empty string (q's
     * {@code h""} idiom).
     */
    public void sync() {
        query("");
    }

    // ---------------------------------------------------------------- pipelined

    /**
     * {@return the result, when it comes; many requests may be in flight on one connection}
     *
     * @param expression q code
     * @throws IllegalStateException on a connection without a reader thread ({@link
     *     ConnectionOptions.Builder#readerThread(boolean)})
     */
    public CompletableFuture<QValue> queryAsync(String expression) {
        return executeAsync(QCharVector.of(expression));
    }

    /**
     * {@return the result, when it comes}
     *
     * @param function the function's name or q text
     * @param args arguments
     * @throws IllegalStateException on a connection without a reader thread
     */
    public CompletableFuture<QValue> callAsync(String function, Object... args) {
        return executeAsync(callMessage(function, args));
    }

    /**
     * {@return the result, when it comes}
     *
     * @param message the value to send as a sync request
     * @throws IllegalStateException on a connection without a reader thread
     */
    public CompletableFuture<QValue> executeAsync(QValue message) {
        Objects.requireNonNull(message, "message");
        if (!options.readerThread()) {
            throw new IllegalStateException("this connection has no reader thread (readerThread(false)): its "
                    + "replies are read only by blocking calls; use query, call or execute");
        }
        Session s = liveSession();
        byte[] bytes = encode(MessageType.SYNC, message, s);
        return s.request(bytes, options.requestTimeout());
    }

    // ---------------------------------------------------------------- async

    /**
     * Sends q code to evaluate without waiting for (or getting) a result.
     *
     * @param expression q code
     */
    public void send(String expression) {
        sendValue(QCharVector.of(expression));
    }

    /**
     * Calls a function without waiting, e.g. publishing: {@code send(".u.upd", "trade", rows)}.
     *
     * @param function the function's name or q text
     * @param args arguments: q values or Java values for {@link Q#of(Object)}
     */
    public void send(String function, Object... args) {
        sendValue(callMessage(function, args));
    }

    /**
     * Sends any value as an async message, without waiting for a reply.
     *
     * @param message any value, sent as an async message
     */
    public void sendValue(QValue message) {
        Objects.requireNonNull(message, "message");
        Session s = liveSession();
        s.sendAsync(encode(MessageType.ASYNC, message, s), options.autoFlush());
    }

    /** Writes out async messages that {@link ConnectionOptions#autoFlush()} false left in the buffer. */
    public void flush() {
        liveSession().flush();
    }

    // ---------------------------------------------------------------- receiving

    /**
     * {@return the server's async messages, for any number of {@link Flow.Subscriber}s; delivered on this connection's
     * delivery thread, in order; a slow subscriber makes the connection stop reading rather than buffer without bound}
     */
    public Flow.Publisher<QMessage> messages() {
        return publisher;
    }

    // ---------------------------------------------------------------- state

    /** {@return the capability agreed in the handshake} */
    public int capability() {
        return liveSession().capability;
    }

    /** {@return true while the connection can be used (false while reconnecting and after close)} */
    public boolean isOpen() {
        Session s = session;
        return !closed && s != null && !s.dead;
    }

    /** {@return the options it was opened with} */
    public ConnectionOptions options() {
        return options;
    }

    /**
     * Closes the connection: async messages still buffered (see {@link ConnectionOptions#autoFlush()}) are written
     * out first, for at most the connect timeout; then pending requests fail and the reader and delivery threads
     * end. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Session s = session;
        if (s != null) {
            s.flushForClose(options.connectTimeout().toMillis());
            s.kill(new QConnectionException("connection to " + options.endpoint() + " closed"), true);
            s.joinReader();
        }
        publisher.close();
        shutdownDelivery();
    }

    @Override
    public String toString() {
        return "QConnection[" + options.endpoint() + (isOpen() ? "" : ", closed") + "]";
    }

    // ---------------------------------------------------------------- internals

    private void shutdownDelivery() {
        delivery.shutdown();
    }

    /** A blocking call on the reader thread would wait for a reply that only that thread can read. */
    private void checkNotReaderThread() {
        Session s = session;
        if (s != null && s.isReaderThread()) {
            throw new IllegalStateException("a blocking request on " + Thread.currentThread().getName()
                    + " would wait forever: that thread reads the replies; from future callbacks and request "
                    + "handlers use the async methods (queryAsync, callAsync, executeAsync)");
        }
    }

    private QValue await(CompletableFuture<QValue> reply) {
        spin(reply);
        try {
            return reply.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the request stays in the queue: its reply will be read and dropped
            throw new QConnectionException("interrupted while waiting for a reply from " + options.endpoint(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QTimeoutException || cause instanceof TimeoutException) {
                throw new QTimeoutException("no reply from " + options.endpoint() + " within "
                        + options.requestTimeout().toMillis() + " ms");
            }
            if (cause instanceof QErrorException q) {
                // a fresh exception, so that the stack trace shows the caller
                QErrorException thrown = new QErrorException(q.qMessage());
                thrown.initCause(q);
                throw thrown;
            }
            if (cause instanceof Q4jException q) {
                throw q;
            }
            throw new QConnectionException(String.valueOf(cause), cause);
        }
    }

    /**
     * Busy-waits a little for the reply before {@code get()} parks the thread: a reply that comes within
     * {@link ConnectionOptions#spinWait()} is then seen without a thread wake-up (the reader thread completing the
     * future would otherwise have to wake this one). At most one spinning thread per core but one, in this JVM.
     */
    private void spin(CompletableFuture<QValue> reply) {
        spinUntil(reply::isDone);
    }

    /**
     * Busy-waits for up to {@link ConnectionOptions#spinWait()} until {@code done}, under the same limit of
     * spinning threads: for the reply itself, or, on a connection without a reader thread, for its first bytes.
     */
    void spinUntil(BooleanSupplier done) {
        long nanos = spinNanos;
        if (nanos == 0 || done.getAsBoolean()) {
            return;
        }
        try {
            if (SPINNERS.incrementAndGet() < CORES) {
                long deadline = System.nanoTime() + nanos;
                while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
                    Thread.onSpinWait();
                }
            }
        } finally {
            SPINNERS.decrementAndGet();
        }
    }

    private static QValue callMessage(String function, Object... args) {
        List<QValue> items = new ArrayList<>(args.length + 1);
        items.add(QCharVector.of(function));
        for (Object a : args) {
            items.add(Q.of(a));
        }
        return QList.of(items);
    }

    private byte[] encode(MessageType type, QValue value, Session s) {
        Compression c = options.compression();
        if (s.capability < 1 || (c == Compression.KDB && s.transport.isLocal())) {
            c = Compression.NEVER;
        }
        return encoder.encode(type, value, c);
    }

    private Session liveSession() {
        Session s = session;
        if (closed) {
            throw new QConnectionException("connection to " + options.endpoint() + " is closed");
        }
        if (s == null || s.dead) {
            // between the loss and the reconnect (or close) that follows it, say why
            QConnectionException why = s == null ? null : s.deathCause();
            throw new QConnectionException("not connected to " + options.endpoint()
                    + (reconnecting ? ": reconnecting" : why != null ? ": " + why.getMessage() : ""), why);
        }
        return s;
    }

    // ---------------------------------------------------------------- called by the session

    ReentrantLock writeLock() {
        return writeLock;
    }

    Decoder decoder() {
        return decoder;
    }

    /** The reader got an async message: hand it to the subscribers (waits while their buffers are full). */
    void deliver(QMessage message) {
        if (!publisher.isClosed()) {
            publisher.submit(message);
        }
    }

    /** The server sent a sync request: answer it. */
    void answer(Session s, QMessage request) {
        QValue reply;
        try {
            reply = options.requestHandler().apply(request);
        } catch (RuntimeException e) {
            reply = new QError(String.valueOf(e.getMessage()));
        }
        s.send(encode(MessageType.RESPONSE, reply == null ? Q.NIL : reply, s), true);
    }

    void report(Throwable t) {
        try {
            options.errorHandler().accept(t);
        } catch (RuntimeException ignored) {
            // an error handler that throws has nowhere left to report to
        }
    }

    /** The session died (not by close): reconnect or close. Runs on the dead session's reader thread. */
    void lost(Session dead, QConnectionException cause) {
        if (closed || session != dead) {
            return;
        }
        report(cause);
        ReconnectPolicy policy = options.reconnect();
        if (!policy.enabled()) {
            closed = true;
            publisher.closeExceptionally(cause);
            shutdownDelivery();
            return;
        }
        reconnecting = true;
        for (int attempt = 1; attempt <= policy.maxAttempts() && !closed; attempt++) {
            try {
                Thread.sleep(policy.delayBefore(attempt).toMillis());
                if (closed) {
                    return;
                }
                Session fresh = Session.open(options, this, true);
                session = fresh;
                reconnecting = false;
                if (closed) {
                    fresh.kill(new QConnectionException("connection to " + options.endpoint() + " closed"), true);
                    return;
                }
                if (options.readerThread()) {
                    fresh.startReading();
                }
                if (options.onReconnect() != null) {
                    delivery.execute(() -> {
                        try {
                            options.onReconnect().accept(this);
                        } catch (RuntimeException e) {
                            report(e);
                        }
                    });
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (QConnectionException e) {
                report(new ReconnectAttemptFailed("reconnect attempt " + attempt + " to " + options.endpoint()
                        + " failed: " + e.getMessage(), attempt, e));
            }
        }
        reconnecting = false;
        closed = true;
        publisher.closeExceptionally(cause);
        shutdownDelivery();
    }

    /** Calls the listener, sending its exceptions to the error handler instead of cancelling delivery. */
    private static final class ListenerSubscriber implements Flow.Subscriber<QMessage> {
        private final MessageListener listener;
        private final java.util.function.Consumer<Throwable> errors;

        ListenerSubscriber(MessageListener listener, java.util.function.Consumer<Throwable> errors) {
            this.listener = listener;
            this.errors = errors;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(QMessage item) {
            try {
                listener.onMessage(item);
            } catch (RuntimeException e) {
                try {
                    errors.accept(e);
                } catch (RuntimeException ignored) {
                    // nowhere left to report
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the loss was reported through the error handler already
        }

        @Override
        public void onComplete() {
            // closed
        }
    }

    static IOException asIo(Throwable t) {
        return t instanceof IOException io ? io : new IOException(t);
    }
}
