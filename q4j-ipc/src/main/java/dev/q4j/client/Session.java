package dev.q4j.client;

import dev.q4j.QErrorException;
import dev.q4j.QProtocolException;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.QMessage;
import dev.q4j.internal.jfr.ClientConnectionClosedEvent;
import dev.q4j.internal.jfr.ClientConnectionOpenedEvent;
import dev.q4j.internal.jfr.ClientRequestEvent;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.Frames;
import dev.q4j.ipc.Transport;
import dev.q4j.ipc.Transports;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One open transport of a {@link QConnection}: the handshake, the reader thread, and the queue of requests waiting
 * for replies (kdb+ answers in order, so the head of the queue owns the next response). A reconnect makes a new
 * session; a dead session fails everything it still holds.
 *
 * <p>Flushing: a request made while no other is waiting for its reply is flushed at once by the caller, so a lone
 * sync query costs one write. A request made while others are still in flight (pipelining) only goes into the
 * buffer, and a flusher thread (started on first need) writes out whatever has collected when it gets to run: a
 * burst of requests leaves in a few large writes instead of one system call each. Its reply cannot come before
 * those of the requests ahead of it anyway, so it waits for no more than they do. The flusher, not the reader,
 * does these writes: the reader never writes, so it never stops reading, and a server blocked on a full socket
 * towards us can always make progress.
 */
final class Session {
    /** the handshake watchdogs and the request timeouts: cancelled tasks leave its queue at once */
    static final ScheduledThreadPoolExecutor TIMER = timer();

    final Transport transport;
    final int capability;
    volatile boolean dead;
    /** the endpoint as the recorded events name it */
    private final String endpoint;
    /** System.nanoTime() when it opened */
    private final long openedAt = System.nanoTime();
    private final QConnection connection;
    private final OutputStream out;
    /** buffered: one system call brings in many small replies (large ones bypass the buffer) */
    private final InputStream in;
    /** held by whoever reads: the reader thread (for good), or a blocking call without one */
    private final ReentrantLock readLock = new ReentrantLock();
    /** without a reader thread, several callers may see the loss: one of them hands it to the connection */
    private final AtomicBoolean lossHandled = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Request> pending = new ConcurrentLinkedQueue<>();
    private volatile QConnectionException deathCause;
    /** set with {@link #deathCause}: whether the user closed the connection */
    private volatile boolean closedByUser;
    private Thread reader;
    /** set under the write lock when the buffer holds requests that only the flusher will write out */
    private volatile boolean flushWanted;
    private volatile Thread flusher;

    private Session(QConnection connection, Transport transport, int capability) {
        this.connection = connection;
        this.transport = transport;
        this.capability = capability;
        this.endpoint = connection.options().endpoint().toString();
        this.out = new BufferedOutputStream(transport.output(), 1 << 16);
        this.in = new BufferedInputStream(transport.input(), 1 << 16);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "q4j-client-timer");
            th.setDaemon(true);
            return th;
        });
        t.setKeepAliveTime(1, TimeUnit.SECONDS);
        t.allowCoreThreadTimeOut(true);
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /**
     * Connects and shakes hands, retrying without a capability byte when the server hangs up at once.
     *
     * @param reconnect whether the connection is re-establishing itself (for the recorded event)
     */
    static Session open(ConnectionOptions o, QConnection connection, boolean reconnect) {
        ClientConnectionOpenedEvent event = ClientConnectionOpenedEvent.start();
        Transport t = connectTransport(o);
        int agreed = handshake(t, o, Handshake.request(o.credentials(), o.capability()));
        if (agreed < 0 && o.retryWithoutCapability()) {
            // a very old server hangs up on a capability byte; anything else that hangs up has refused us
            try {
                t = connectTransport(o);
                agreed = handshake(t, o, Handshake.requestWithoutCapability(o.credentials()));
            } catch (QConnectionException retryFailed) {
                agreed = -1;
            }
        }
        if (agreed < 0) {
            // the protocol has no way to say why: kdb+ closes on wrong credentials, and a server with no room for
            // another client (q4j's maxConnections, kdb+'s .z.pw refusing for its own reasons) closes the same way
            throw new QAuthenticationException("kdb+ at " + o.endpoint() + " closed the connection during the "
                    + "handshake: wrong credentials" + (o.user().isEmpty() ? " (none were given)"
                    : " for user '" + o.user() + "'") + ", or no capacity for another client (the protocol does "
                    + "not say which)");
        }
        if (agreed > Math.max(o.capability(), Handshake.CAPABILITY_LARGE)) {
            // kdb+ answers a capability 0 .. 6 (the lower of the two sides'); a bigger byte is not kdb+ speaking
            closeQuietly(t);
            throw new QConnectionException(o.endpoint() + " answered the handshake with byte " + agreed
                    + ", which no kdb+ capability is: not a kdb+ server"
                    + (agreed == 0x15 || agreed == 0x16 ? " (it answered with a TLS record: a TLS port, connect with "
                    + "TLS)" : ""));
        }
        Session s = new Session(connection, t, Math.min(agreed, o.capability()));
        if (event != null) {
            event.commit(s.endpoint, transportKind(o), o.user(), s.capability, reconnect);
        }
        return s;
    }

    /** {@return the transport's kind, as the recorded events name it} */
    private static String transportKind(ConnectionOptions o) {
        Endpoint e = o.endpoint();
        if (e instanceof Endpoint.Tcp) {
            return o.tls() == null ? "TCP" : "TLS";
        }
        return e instanceof Endpoint.UnixPath ? "unix" : "unix abstract";
    }

    private static Transport connectTransport(ConnectionOptions o) {
        try {
            return Transports.connect(o.endpoint(), o.connectTimeout(), o.tls());
        } catch (IOException e) {
            throw new QConnectionException("cannot connect to " + o.endpoint() + ": " + describe(e), e);
        }
    }

    /** {@return the agreed capability, or -1 when the server closed the connection (a rejection)} */
    private static int handshake(Transport t, ConnectionOptions o, byte[] hello) {
        // 0 waiting for the answer, 1 answered (or failed) in time, 2 timed out: whichever of the watchdog and the
        // reading thread moves it from 0 decides. Closing the socket sends a FIN, and a server that answers as it
        // sees the FIN (a TLS port's alert) can slip a byte into the read that the close was meant to end.
        AtomicInteger state = new AtomicInteger();
        ScheduledFuture<?> watchdog = TIMER.schedule(() -> {
            if (state.compareAndSet(0, 2)) {
                closeQuietly(t);
            }
        }, o.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        int answer;
        IOException failure = null;
        try {
            OutputStream os = t.output();
            os.write(hello);
            os.flush();
            InputStream in = t.input();
            answer = in.read();
        } catch (IOException e) {
            failure = e;
            answer = -1;
        } finally {
            watchdog.cancel(false);
        }
        if (!state.compareAndSet(0, 1)) {
            closeQuietly(t);
            throw new QConnectionException("handshake with " + o.endpoint() + " timed out after "
                    + o.connectTimeout().toMillis() + " ms" + (o.tls() == null ? " (no answer to the kdb+ hello: a TLS "
                    + "port may wait for a TLS hello instead; if the server uses TLS, connect with TLS)" : ""),
                    failure);
        }
        if (answer < 0) {
            // closed, or reset: kdb+ may reset rather than close when it refuses credentials
            closeQuietly(t);
            return -1;
        }
        return answer;
    }

    void startReading() {
        reader = new Thread(this::readLoop, "q4j-reader-" + transport.peer());
        reader.setDaemon(true);
        reader.start();
    }

    /** {@return true on this session's reader thread} */
    boolean isReaderThread() {
        return Thread.currentThread() == reader;
    }

    void joinReader() {
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            // wakes it if it is waiting to reconnect
            r.interrupt();
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readLoop() {
        Throwable failure;
        readLock.lock();
        try {
            while (true) {
                readOne();
            }
        } catch (Throwable t) {
            failure = t;
        }
        // the lock stays held: nobody reads a dead session
        connection.lost(this, failed(failure));
    }

    /**
     * Without a reader thread: reads on the calling thread until {@code reply} is complete, handling whatever
     * comes before it (replies of other threads' calls, pushes, the server's requests) as the reader thread would.
     * A failure kills the session (failing every pending request, {@code reply} too) and, off this thread, hands
     * the loss to the connection, which may reconnect.
     */
    void readUntil(CompletableFuture<QValue> reply) {
        readLock.lock();
        try {
            while (!reply.isDone()) {
                awaitBytes();
                readOne();
            }
        } catch (Throwable t) {
            QConnectionException cause = failed(t);
            if (lossHandled.compareAndSet(false, true)) {
                // the connection may reconnect, which takes time: not on this caller's thread
                Thread lost = new Thread(() -> connection.lost(this, cause), "q4j-lost-" + transport.peer());
                lost.setDaemon(true);
                lost.start();
            }
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Spins for up to {@link ConnectionOptions#spinWait()} until bytes have arrived, so that a reply that comes
     * within it is read without the calling thread first going to sleep in the kernel and being woken.
     */
    private void awaitBytes() {
        // only where available() sees arriving bytes: elsewhere (TLS, socket files) spinning would wait in vain
        if (transport.seesArrivingBytes()) {
            connection.spinUntil(this::bytesArrived);
        }
    }

    private boolean bytesArrived() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            return true;   // stop spinning: the read that follows meets the failure and reports it
        }
    }

    /** Reads one message and acts on it. */
    private void readOne() throws IOException {
        if (dead) {
            throw deathCause;
        }
        byte[] bytes = Frames.read(in, connection.options().limits());
        if (bytes == null) {
            throw new EOFException("the server closed the connection");
        }
        // the array is this message's own: nothing reads into it again, so its vectors may stay in it
        QMessage m = connection.options().decodeInPlace() ? connection.decoder().decodeInPlace(bytes)
                : connection.decoder().decode(bytes);
        switch (m.type()) {
            case RESPONSE:
                Request waiting = pending.poll();
                if (waiting == null) {
                    // kdb+ answers each request once: with nothing waiting (not even a request that timed out
                    // and still owes its reply), this is a second reply, or one to nothing
                    throw new QProtocolException("a response arrived when no request was waiting (a second reply "
                            + "to one request?): the server broke the protocol");
                }
                complete(waiting, m.value(), bytes.length);
                break;
            case ASYNC:
                connection.deliver(m);
                break;
            default:
                connection.answer(this, m);
                break;
        }
    }

    /** Reading failed: kills the session, unless it is dead already. @return why it died */
    private QConnectionException failed(Throwable failure) {
        QConnectionException cause = deathCause;
        if (cause == null) {
            cause = new QConnectionException("connection to " + transport.peer() + " lost: " + describe(failure),
                    failure);
            kill(cause);
            cause = deathCause;
        }
        return cause;
    }

    private static void complete(Request r, QValue v, int bytes) {
        ClientRequestEvent event = r.event();
        if (event != null) {
            event.replied();
        }
        boolean completed;
        if (v instanceof QError e) {
            completed = r.reply.completeExceptionally(new QErrorException(e.message()));
        } else {
            // a request that timed out is already complete: its late reply is dropped here
            completed = r.reply.complete(v);
        }
        if (event != null) {
            if (completed) {
                event.finish(v instanceof QError ? ClientRequestEvent.Q_ERROR : ClientRequestEvent.VALUE, bytes,
                        v instanceof QError e ? e.message() : null);
            } else if (r.reply.isCancelled()) {
                // a timed-out request was recorded when it timed out; a cancelled one is recorded now
                event.finish(ClientRequestEvent.CANCELLED, bytes, null);
            }
        }
    }

    /**
     * Writes a sync request and queues its reply's future, in one step, so replies match requests.
     *
     * @param timeout how long the reply may take, or {@code null} for ever
     */
    CompletableFuture<QValue> request(byte[] bytes, java.time.Duration timeout) {
        CompletableFuture<QValue> reply = new CompletableFuture<>();
        Request request = null;
        connection.writeLock().lock();
        try {
            if (dead) {
                reply.completeExceptionally(deathCause);
                return reply;
            }
            boolean alone = pending.isEmpty();
            request = Request.of(reply, System.nanoTime(), endpoint, bytes.length);
            pending.add(request);
            if (timeout != null) {
                scheduleTimeout(request, timeout.toMillis());
            }
            out.write(bytes);
            if (alone || !connection.options().readerThread()) {
                out.flush();
            } else {
                flushSoon();
            }
        } catch (IOException e) {
            kill(new QConnectionException("writing to " + transport.peer() + " failed: " + describe(e), e));
        } finally {
            connection.writeLock().unlock();
        }
        if (dead) {
            // killed while we wrote: the drain may have missed us
            QConnectionException cause = deathCause;
            if (reply.completeExceptionally(cause) && request != null && request.event() != null) {
                request.event().finish(outcome(), 0, cause.getMessage());
            }
        }
        return reply;
    }

    /** Writes an async message of the connection's user, flushing when asked (recorded as a request). */
    void sendAsync(byte[] bytes, boolean flush) {
        ClientRequestEvent event = ClientRequestEvent.start(endpoint, ClientRequestEvent.ASYNC, bytes.length);
        if (event == null) {
            send(bytes, flush);
            return;
        }
        try {
            send(bytes, flush);
        } catch (QConnectionException e) {
            event.finish(outcome(), 0, e.getMessage());
            throw e;
        }
        event.finish(ClientRequestEvent.SENT, 0, null);
    }

    /** Writes an async message (or a response), flushing when asked. */
    void send(byte[] bytes, boolean flush) {
        connection.writeLock().lock();
        try {
            if (dead) {
                throw deathCause;
            }
            out.write(bytes);
            if (flush) {
                out.flush();
            }
        } catch (IOException e) {
            QConnectionException cause = new QConnectionException("writing to " + transport.peer() + " failed: "
                    + describe(e), e);
            kill(cause);
            throw cause;
        } finally {
            connection.writeLock().unlock();
        }
    }

    void flush() {
        send(new byte[0], true);
    }

    /** Under the write lock: has the flusher write out the buffer. */
    private void flushSoon() {
        if (flushWanted) {
            return;   // the flusher has not run since it was last asked: it will take these bytes too
        }
        flushWanted = true;
        if (flusher == null) {
            flusher = new Thread(this::flushLoop, "q4j-flusher-" + transport.peer());
            flusher.setDaemon(true);
            flusher.start();
        } else {
            LockSupport.unpark(flusher);
        }
    }

    private void flushLoop() {
        while (!dead) {
            if (!flushWanted) {
                // a permit from an unpark that came before this park makes it return at once: no lost wake-up
                LockSupport.park(this);
                continue;
            }
            connection.writeLock().lock();
            try {
                flushWanted = false;
                if (!dead) {
                    out.flush();
                }
            } catch (IOException e) {
                kill(new QConnectionException("writing to " + transport.peer() + " failed: " + describe(e), e));
            } finally {
                connection.writeLock().unlock();
            }
        }
    }

    /**
     * Before a close: writes out the async messages still in the buffer (with autoFlush off, the caller has handed
     * them over and expects them sent), giving up after {@code limit} so that a server that stopped reading cannot
     * hold the close.
     */
    void flushForClose(long limitMillis) {
        if (dead) {
            return;
        }
        ScheduledFuture<?> watchdog = TIMER.schedule(() -> closeQuietly(transport), limitMillis,
                TimeUnit.MILLISECONDS);
        try {
            flush();
        } catch (QConnectionException ignored) {
            // closing anyway
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * Marks the session dead, closes its transport (which unblocks the reader and any writer) and fails every
     * pending request. Never takes the write lock: a writer may be stuck on a full socket until the close.
     */
    void kill(QConnectionException cause) {
        kill(cause, false);
    }

    /**
     * As {@link #kill(QConnectionException)}.
     *
     * @param byUser true when the connection's user closes it, false when it broke
     */
    void kill(QConnectionException cause, boolean byUser) {
        if (dead) {
            return;
        }
        deathCause = cause;
        closedByUser = byUser;
        dead = true;
        closeQuietly(transport);
        ClientConnectionClosedEvent.emit(endpoint, cause.getMessage(), byUser, System.nanoTime() - openedAt);
        Thread waitingFlusher = flusher;
        if (waitingFlusher != null) {
            LockSupport.unpark(waitingFlusher);
        }
        for (Request r; (r = pending.poll()) != null; ) {
            boolean failed = r.reply.completeExceptionally(cause);
            ClientRequestEvent event = r.event();
            if (event != null && (failed || r.reply.isCancelled())) {
                event.finish(failed ? outcome() : ClientRequestEvent.CANCELLED, 0, failed ? cause.getMessage() : null);
            }
        }
    }

    /** {@return the recorded outcome of a request that the session's death failed} */
    private String outcome() {
        return closedByUser ? ClientRequestEvent.CLOSED : ClientRequestEvent.CONNECTION_LOST;
    }

    /** A request waiting for its reply: kdb+ answers in order, so the queue's head owns the next response. */
    private static class Request {
        final CompletableFuture<QValue> reply;
        /** when it was written, System.nanoTime() */
        final long sentAt;
        /** when it timed out (its reply is still owed while it is queued), or 0 */
        volatile long timedOutAt;

        Request(CompletableFuture<QValue> reply, long sentAt) {
            this.reply = reply;
            this.sentAt = sentAt;
        }

        /**
         * {@return a request, with its JFR event when a recording wants one (a plain request has no field for it: a
         * request costs no more while nothing is recorded)}
         */
        static Request of(CompletableFuture<QValue> reply, long sentAt, String endpoint, int bytes) {
            ClientRequestEvent event = ClientRequestEvent.start(endpoint, ClientRequestEvent.SYNC, bytes);
            return event == null ? new Request(reply, sentAt) : new Recorded(reply, sentAt, event);
        }

        /** {@return its recorded event, or {@code null} when no recording wanted one} */
        ClientRequestEvent event() {
            return null;
        }
    }

    /** A request whose JFR event is recorded. */
    private static final class Recorded extends Request {
        private final ClientRequestEvent event;

        Recorded(CompletableFuture<QValue> reply, long sentAt, ClientRequestEvent event) {
            super(reply, sentAt);
            this.event = event;
        }

        @Override
        ClientRequestEvent event() {
            return event;
        }
    }

    /**
     * Fails {@code request} with a {@link QTimeoutException} after {@code ms}, unless its reply comes first: the
     * task is cancelled then, and leaves the timer's queue (nothing keeps the reply alive for the whole timeout).
     */
    private void scheduleTimeout(Request request, long ms) {
        ScheduledFuture<?> task = TIMER.schedule(() -> timedOut(request, ms), ms, TimeUnit.MILLISECONDS);
        request.reply.whenComplete((v, e) -> task.cancel(false));
    }

    /**
     * The request stays queued: its late reply is read and dropped, so the stream stays in step. But when a request
     * written after an earlier one had timed out times out too while that earlier reply is still owed, the server
     * has lost step (kdb+ replies carry no request id, so every later request would time out the same way): the
     * session is killed as broken, and the connection's reconnect policy applies.
     */
    private void timedOut(Request request, long ms) {
        long now = System.nanoTime();
        request.timedOutAt = now;
        QTimeoutException timeout = new QTimeoutException("no reply from " + connection.options().endpoint()
                + " within " + ms + " ms");
        if (!request.reply.completeExceptionally(timeout)) {
            request.timedOutAt = 0;   // answered (or cancelled by its caller) in the meantime
            return;
        }
        if (request.event() != null) {
            request.event().finish(ClientRequestEvent.TIMEOUT, 0, timeout.getMessage());
        }
        for (Request earlier : pending) {
            if (earlier == request) {
                break;
            }
            long t = earlier.timedOutAt;
            if (t != 0 && t - request.sentAt <= 0) {
                kill(new QConnectionException("connection to " + transport.peer() + " lost step: the reply to a "
                        + "request that timed out " + TimeUnit.NANOSECONDS.toMillis(now - t) + " ms ago has still "
                        + "not come, and a request sent since has timed out too (" + ms + " ms): closed as broken, "
                        + "since kdb+ replies carry no request id"));
                return;
            }
        }
    }

    /** {@return why the session died, or {@code null} while it lives} */
    QConnectionException deathCause() {
        return deathCause;
    }

    private static void closeQuietly(Transport t) {
        try {
            t.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getSimpleName() : m;
    }
}
