package dev.q4j.client;

import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.TlsOptions;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything about a connection, immutable, with safe defaults: capability 3, a 10 second connect timeout, no
 * request timeout, kdb+'s compression rules, {@link DecodeLimits#DEFAULT}, no reconnect.
 *
 * <pre>{@code
 * ConnectionOptions options = ConnectionOptions.builder("localhost", 5000)
 *         .credentials("user", "password")
 *         .requestTimeout(Duration.ofSeconds(30))
 *         .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(200), Duration.ofSeconds(10)))
 *         .build();
 * try (QConnection q = QConnection.connect(options)) {
 *     System.out.println(q.query("til 10"));
 * }
 * }</pre>
 */
public final class ConnectionOptions {
    private static final Duration DEFAULT_SPIN_WAIT = Duration.ofNanos(50_000);

    private final Endpoint endpoint;
    private final String user;
    private final String password;
    private final int capability;
    private final boolean retryWithoutCapability;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final TlsOptions tls;
    private final Compression compression;
    private final DecodeLimits limits;
    private final ReconnectPolicy reconnect;
    private final Consumer<QConnection> onReconnect;
    private final MessageListener listener;
    private final Consumer<Throwable> errorHandler;
    private final Function<QMessage, QValue> requestHandler;
    private final int messageBuffer;
    private final boolean autoFlush;
    private final Duration spinWait;
    private final boolean readerThread;
    private final boolean decodeInPlace;

    private ConnectionOptions(Builder b) {
        this.endpoint = b.endpoint;
        this.user = b.user;
        this.password = b.password;
        this.capability = b.capability;
        this.retryWithoutCapability = b.retryWithoutCapability;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.tls = b.tls;
        this.compression = b.compression;
        this.limits = b.limits;
        this.reconnect = b.reconnect;
        this.onReconnect = b.onReconnect;
        this.listener = b.listener;
        this.errorHandler = b.errorHandler;
        this.requestHandler = b.requestHandler;
        this.messageBuffer = b.messageBuffer;
        this.autoFlush = b.autoFlush;
        this.spinWait = b.spinWait;
        this.readerThread = b.readerThread;
        this.decodeInPlace = b.decodeInPlace;
    }

    /**
     * {@return a builder for a TCP connection}
     *
     * @param host host name or address
     * @param port port
     */
    public static Builder builder(String host, int port) {
        return new Builder(Endpoint.tcp(host, port));
    }

    /**
     * {@return a builder}
     *
     * @param endpoint where to connect
     */
    public static Builder builder(Endpoint endpoint) {
        return new Builder(endpoint);
    }

    /**
     * {@return options with every default}
     *
     * @param address {@code host:port}, {@code :port}, {@code unix:///path} or {@code @name}
     */
    public static ConnectionOptions of(String address) {
        return builder(Endpoint.parse(address)).build();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        Builder b = new Builder(endpoint);
        b.user = user;
        b.password = password;
        b.capability = capability;
        b.retryWithoutCapability = retryWithoutCapability;
        b.connectTimeout = connectTimeout;
        b.requestTimeout = requestTimeout;
        b.tls = tls;
        b.compression = compression;
        b.limits = limits;
        b.reconnect = reconnect;
        b.onReconnect = onReconnect;
        b.listener = listener;
        b.errorHandler = errorHandler;
        b.requestHandler = requestHandler;
        b.messageBuffer = messageBuffer;
        b.autoFlush = autoFlush;
        b.spinWait = spinWait;
        b.readerThread = readerThread;
        b.decodeInPlace = decodeInPlace;
        return b;
    }

    /** {@return where to connect} */
    public Endpoint endpoint() {
        return endpoint;
    }

    /** {@return the user name (empty when none)} */
    public String user() {
        return user;
    }

    /** {@return {@code user:password}, {@code user} or empty, as the handshake sends it} */
    String credentials() {
        return password.isEmpty() ? user : user + ":" + password;
    }

    /** {@return the capability asked for in the handshake} */
    public int capability() {
        return capability;
    }

    /** {@return whether to retry the handshake without a capability byte when the server closes the connection} */
    public boolean retryWithoutCapability() {
        return retryWithoutCapability;
    }

    /** {@return how long connecting and the handshake may take} */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** {@return how long a request may wait for its reply, or {@code null} for no limit} */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** {@return TLS settings, or {@code null} for a plain connection} */
    public TlsOptions tls() {
        return tls;
    }

    /** {@return when outgoing messages are compressed} */
    public Compression compression() {
        return compression;
    }

    /** {@return limits on incoming messages} */
    public DecodeLimits limits() {
        return limits;
    }

    /** {@return what to do when the connection is lost} */
    public ReconnectPolicy reconnect() {
        return reconnect;
    }

    /** {@return called after each successful reconnect (to subscribe again), or {@code null}} */
    public Consumer<QConnection> onReconnect() {
        return onReconnect;
    }

    /** {@return receives the server's async messages, or {@code null}} */
    public MessageListener listener() {
        return listener;
    }

    /** {@return receives listener failures and connection losses} */
    public Consumer<Throwable> errorHandler() {
        return errorHandler;
    }

    /** {@return answers sync requests the server sends to this client} */
    public Function<QMessage, QValue> requestHandler() {
        return requestHandler;
    }

    /** {@return how many pushed messages may wait for a slow listener before the reader waits too} */
    public int messageBuffer() {
        return messageBuffer;
    }

    /** {@return whether each async message is flushed at once (else on {@link QConnection#flush()} and requests)} */
    public boolean autoFlush() {
        return autoFlush;
    }

    /** {@return how long a blocking call busy-waits for its reply before it sleeps (zero: it sleeps at once)} */
    public Duration spinWait() {
        return spinWait;
    }

    /**
     * {@return whether the connection reads with a thread of its own (the default), or only on the threads of blocking
     * calls (see {@link Builder#readerThread(boolean)})}
     */
    public boolean readerThread() {
        return readerThread;
    }

    /**
     * {@return whether received messages are decoded in place (see {@link Builder#decodeInPlace(boolean)}); false by
     * default}
     */
    public boolean decodeInPlace() {
        return decodeInPlace;
    }

    @Override
    public String toString() {
        return "ConnectionOptions[" + endpoint + (user.isEmpty() ? "" : ", user=" + user)
                + ", capability=" + capability + (tls != null ? ", tls" : "") + "]";
    }

    /** Builds {@link ConnectionOptions}; every setting has a safe default. */
    public static final class Builder {
        private final Endpoint endpoint;
        private String user = "";
        private String password = "";
        private int capability = Handshake.CAPABILITY_V3;
        private boolean retryWithoutCapability = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout;
        private TlsOptions tls;
        private Compression compression = Compression.KDB;
        private DecodeLimits limits = DecodeLimits.DEFAULT;
        private ReconnectPolicy reconnect = ReconnectPolicy.NEVER;
        private Consumer<QConnection> onReconnect;
        private MessageListener listener;
        private Consumer<Throwable> errorHandler = ReconnectAttemptFailed::log;
        private Function<QMessage, QValue> requestHandler =
                m -> new QError("q4j client: this connection does not answer requests");
        private int messageBuffer = 1024;
        private boolean autoFlush = true;
        private Duration spinWait = DEFAULT_SPIN_WAIT;
        private boolean readerThread = true;
        private boolean decodeInPlace;

        private Builder(Endpoint endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        }

        /**
         * {@return this builder}
         *
         * @param user user name
         * @param password password
         */
        public Builder credentials(String user, String password) {
            this.user = Objects.requireNonNull(user, "user");
            this.password = Objects.requireNonNull(password, "password");
            if (user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("a kdb+ user name cannot contain ':'");
            }
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param userColonPassword {@code user:password} (or just {@code user}), as q's {@code hopen} takes it
         */
        public Builder credentials(String userColonPassword) {
            int colon = userColonPassword.indexOf(':');
            return colon < 0 ? credentials(userColonPassword, "")
                    : credentials(userColonPassword.substring(0, colon), userColonPassword.substring(colon + 1));
        }

        /**
         * {@return this builder}
         *
         * @param capability the capability to ask for: 3 (default) or 6 for messages over 2 GB
         */
        public Builder capability(int capability) {
            if (capability < 0 || capability > 6) {
                throw new IllegalArgumentException("capability must be 0 .. 6, not " + capability);
            }
            this.capability = capability;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param large true to ask for capability 6 (messages over 2 GB, kdb+ 3.4+)
         */
        public Builder largeMessages(boolean large) {
            return capability(large ? Handshake.CAPABILITY_LARGE : Handshake.CAPABILITY_V3);
        }

        /**
         * {@return this builder}
         *
         * @param retry whether to retry without a capability byte when the server closes the connection at once
         *     (very old servers do); true by default
         */
        public Builder retryWithoutCapability(boolean retry) {
            this.retryWithoutCapability = retry;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long connecting and the handshake may take
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * How long a request may wait for its reply. A request that times out fails with a {@link QTimeoutException}
         * but stays queued: its late reply is read and dropped, so later replies still reach their own callers.
         * kdb+ replies carry no request id, so a reply that never comes would make every later request time out
         * too: when a request sent <em>after</em> an earlier one timed out times out as well while that earlier
         * reply is still owed, the connection has lost step and is closed as broken (pending requests fail with a
         * {@link QConnectionException} saying "lost step"; the {@link #reconnect reconnect policy} then applies).
         * Requests pipelined together that time out together do not count: that is one slow answer, not a lost one.
         * A finished request costs nothing however long the timeout: its timer is cancelled with it.
         *
         * @param timeout how long a request may wait for its reply; {@code null} for no limit (the default)
         * @return this builder
         */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout == null ? null : positive(timeout, "requestTimeout");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param tls TLS settings, or {@code null} for a plain connection
         */
        public Builder tls(TlsOptions tls) {
            this.tls = tls;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param compression {@link Compression#KDB} (default: as kdb+ does, never to local peers),
         *     {@link Compression#ALWAYS} (local peers too, any size) or {@link Compression#NEVER}
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param limits limits on incoming messages
         */
        public Builder limits(DecodeLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param policy what to do when the connection is lost
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param hook called (on the delivery thread) after each successful reconnect, e.g. to subscribe again
         */
        public Builder onReconnect(Consumer<QConnection> hook) {
            this.onReconnect = hook;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param listener receives the server's async messages
         */
        public Builder listener(MessageListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param handler receives listener exceptions, connection losses and failed reconnect attempts (default:
         *     logged as warnings on the {@code dev.q4j.client} System.Logger, with stack traces, but one line for
         *     each reconnect attempt after the first of a run)
         */
        public Builder errorHandler(Consumer<Throwable> handler) {
            this.errorHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param handler answers sync requests the server sends (default: a q error)
         */
        public Builder requestHandler(Function<QMessage, QValue> handler) {
            this.requestHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param messages how many pushed messages may queue for a slow listener (default 1024); beyond that the
         *     connection stops reading until the listener catches up
         */
        public Builder messageBuffer(int messages) {
            if (messages < 1) {
                throw new IllegalArgumentException("messageBuffer must be at least 1");
            }
            this.messageBuffer = messages;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param autoFlush false to let async messages collect in the buffer until {@link QConnection#flush()} or
         *     the next request (faster publishing); true by default
         */
        public Builder autoFlush(boolean autoFlush) {
            this.autoFlush = autoFlush;
            return this;
        }

        /**
         * How long a blocking call ({@link QConnection#query}, {@link QConnection#call} and the like) keeps its
         * thread spinning on a core, watching for the reply, before it goes to sleep. Without a reader thread it
         * watches for the reply's bytes on the socket, where the transport can see them arrive (plain TCP and
         * abstract Unix sockets; not TLS or socket files, which it then does not spin for). A reply that comes
         * within that time is seen at once instead of after a thread wake-up, which is most of the latency of a
         * fast query on a local or nearby server. Default 50 microseconds, and only while the machine has more than one
         * core and fewer spinning threads than cores; zero turns it off (for machines where every core counts).
         *
         * @param spin how long to spin, at most one second; zero for never
         * @return this builder
         */
        public Builder spinWait(Duration spin) {
            Objects.requireNonNull(spin, "spin");
            if (spin.isNegative() || spin.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("spinWait must be 0 .. 1 s, not " + spin);
            }
            this.spinWait = spin;
            return this;
        }

        /**
         * Whether the connection reads what the server sends with a thread of its own (true, the default) or only
         * on the threads of its blocking calls (false), as javakdb does.
         *
         * <p>With its own reader thread a connection takes pipelined requests ({@link QConnection#queryAsync} and
         * the like), delivers the server's pushes as they come, times requests out and notices a lost connection
         * at once. Without it a connection starts no thread at all, and a blocking call ({@link QConnection#query},
         * {@link QConnection#call}, {@link QConnection#execute}) writes its request and reads the reply itself,
         * which saves handing the reply from one thread to another: the lowest latency for a connection used only
         * for blocking calls. Pushes and requests from the server that come meanwhile are handled as they are read;
         * between calls nothing is read. Such a connection refuses the async request methods, and cannot be built
         * with a {@link #listener} or a {@link #requestTimeout}.
         *
         * <pre>{@code
         * QConnection c = QConnection.connect(
         *         ConnectionOptions.builder("localhost", 5000).readerThread(false).build());
         * QValue v = c.query("select from trade where i<10");
         * }</pre>
         *
         * @param readerThread false for no reader thread
         * @return this builder
         */
        public Builder readerThread(boolean readerThread) {
            this.readerThread = readerThread;
            return this;
        }

        /**
         * Whether received messages are decoded in place ({@link dev.q4j.codec.Decoder#decodeInPlace}): vectors of
         * 4- and 8-byte items (int, long, float and the temporal types stored as such) then read their items from
         * the received bytes instead of copies. Each message arrives in an array of its own, so nothing else
         * touches those bytes. A large table then decodes 3 to 4 times faster and allocates a small part of its
         * size, but each of those vectors keeps the whole message in memory (keep one small column of a large
         * reply, and all of the reply stays); reading an item through {@code get(i)} costs a little more than from
         * an array, and a vector's {@code array()} copies its items at its first call. Off by default.
         *
         * <pre>{@code
         * QConnection c = QConnection.connect(
         *         ConnectionOptions.builder("localhost", 5000).decodeInPlace(true).build());
         * QTable day = (QTable) c.query("select from trade where date=2026.11.27");
         * }</pre>
         *
         * @param inPlace true to decode in place
         * @return this builder
         */
        public Builder decodeInPlace(boolean inPlace) {
            this.decodeInPlace = inPlace;
            return this;
        }

        /**
         * {@return the options}
         *
         * @throws IllegalArgumentException when a connection without a reader thread is given a listener or a
         *     request timeout, which need one
         */
        public ConnectionOptions build() {
            if (!readerThread && listener != null) {
                throw new IllegalArgumentException("a listener needs the reader thread: pushes would only be read "
                        + "during blocking calls (readerThread(false))");
            }
            if (!readerThread && requestTimeout != null) {
                throw new IllegalArgumentException("a requestTimeout needs the reader thread (readerThread(false) "
                        + "reads on the calling thread, which cannot give up on a read)");
            }
            return new ConnectionOptions(this);
        }

        private static Duration positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return d;
        }
    }
}
