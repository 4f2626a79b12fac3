package dev.q4j.client;

import dev.q4j.codec.Capability;
import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
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
 * Everything about a connection, immutable, with safe defaults: {@link Capability#V3}, a 10 second connect timeout,
 * no request timeout, kdb+'s compression rules, {@link DecodeLimits#DEFAULT}, no reconnect, a
 * {@link ReadMode#READER_THREAD reader thread} and {@link Tuning#DEFAULT}.
 *
 * <p>The common settings are the builder's own: where, who ({@link Builder#credentials(String, String)}), how long
 * ({@link Builder#connectTimeout}, {@link Builder#requestTimeout}), TLS, reconnecting and the callbacks. The choices
 * are enums ({@link Capability}, {@link ReadMode}); the knobs that trade latency, throughput and memory are one
 * {@link Tuning} value. A setting that conflicts with one made before (a listener or a request timeout on a
 * connection that reads on the calling thread) is refused at the call that makes the conflict.
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
    private final Endpoint endpoint;
    private final String user;
    private final String password;
    private final Capability capability;
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
    private final ReadMode readMode;
    private final Tuning tuning;

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
        this.readMode = b.readMode;
        this.tuning = b.tuning;
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
        b.readMode = readMode;
        b.tuning = tuning;
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

    /**
     * {@return the capability asked for in the handshake (what the server agreed, which may be lower, is
     * {@link QConnection#capability()})}
     */
    public Capability capability() {
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

    /** {@return which thread reads what the server sends: a reader thread of its own (the default) or the caller's} */
    public ReadMode readMode() {
        return readMode;
    }

    /** {@return spinning, flushing, in-place decoding and the listener's buffer} */
    public Tuning tuning() {
        return tuning;
    }

    @Override
    public String toString() {
        return "ConnectionOptions[" + endpoint + (user.isEmpty() ? "" : ", user=" + user)
                + ", capability=" + capability + (tls != null ? ", tls" : "")
                + (readMode == ReadMode.READER_THREAD ? "" : ", " + readMode) + "]";
    }

    /** Builds {@link ConnectionOptions}; every setting has a safe default. */
    public static final class Builder {
        private final Endpoint endpoint;
        private String user = "";
        private String password = "";
        private Capability capability = Capability.V3;
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
        private ReadMode readMode = ReadMode.READER_THREAD;
        private Tuning tuning = Tuning.DEFAULT;

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
         * @param capability the capability to ask for: {@link Capability#V3} (the default),
         *     {@link Capability#LARGE_MESSAGES} for messages over 2 GB, or an older one for an old server
         *     ({@link Capability#V2_5} is asked for with no capability byte, as kdb+ 2.5 clients ask)
         */
        public Builder capability(Capability capability) {
            this.capability = Objects.requireNonNull(capability, "capability");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param retry whether to retry without a capability byte when the server closes the connection at once
         *     (very old servers do); true by default (no retry when {@link Capability#V2_5} sent none already)
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
         * <p>A request timeout needs the reader thread: {@link ReadMode#CALLING_THREAD} reads on the calling thread,
         * which cannot give up on a read.
         *
         * @param timeout how long a request may wait for its reply; {@code null} for no limit (the default)
         * @return this builder
         * @throws IllegalStateException when a timeout is given to a builder set to {@link ReadMode#CALLING_THREAD}
         */
        public Builder requestTimeout(Duration timeout) {
            if (timeout != null && readMode == ReadMode.CALLING_THREAD) {
                throw new IllegalStateException("requestTimeout(" + timeout + ") needs the reader thread, and "
                        + "readMode(CALLING_THREAD) was set: a calling thread cannot give up on a read (set "
                        + "readMode(READER_THREAD) first, or leave the timeout out)");
            }
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
         * @param listener receives the server's async messages (on a delivery thread of the connection's own), or
         *     {@code null} for none
         * @throws IllegalStateException when a listener is given to a builder set to {@link ReadMode#CALLING_THREAD}
         *     (pushes would be read only during blocking calls)
         */
        public Builder listener(MessageListener listener) {
            if (listener != null && readMode == ReadMode.CALLING_THREAD) {
                throw new IllegalStateException("a listener needs the reader thread, and readMode(CALLING_THREAD) "
                        + "was set: pushes would be read only during blocking calls (set readMode(READER_THREAD) "
                        + "first, or leave the listener out)");
            }
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
         * Which thread reads what the server sends: a thread of the connection's own ({@link ReadMode#READER_THREAD},
         * the default), or the threads of its blocking calls ({@link ReadMode#CALLING_THREAD}: no thread at all, the
         * lowest latency for a connection used only for blocking calls, as javakdb reads).
         *
         * <pre>{@code
         * QConnection c = QConnection.connect(ConnectionOptions.builder("localhost", 5000)
         *         .readMode(ReadMode.CALLING_THREAD)
         *         .build());
         * QValue v = c.query("select from trade where i<10");
         * }</pre>
         *
         * @param mode which thread reads
         * @return this builder
         * @throws IllegalStateException when {@link ReadMode#CALLING_THREAD} is chosen after a {@link #listener} or a
         *     {@link #requestTimeout}, which need the reader thread
         */
        public Builder readMode(ReadMode mode) {
            Objects.requireNonNull(mode, "mode");
            if (mode == ReadMode.CALLING_THREAD && listener != null) {
                throw new IllegalStateException("readMode(CALLING_THREAD) conflicts with the listener set before: a "
                        + "listener needs the reader thread, since pushes would be read only during blocking calls "
                        + "(set listener(null) first, or keep READER_THREAD)");
            }
            if (mode == ReadMode.CALLING_THREAD && requestTimeout != null) {
                throw new IllegalStateException("readMode(CALLING_THREAD) conflicts with the requestTimeout set "
                        + "before (" + requestTimeout + "): a calling thread cannot give up on a read (set "
                        + "requestTimeout(null) first, or keep READER_THREAD)");
            }
            this.readMode = mode;
            return this;
        }

        /**
         * Spinning, flushing, in-place decoding and the listener's buffer, as one value: start from
         * {@link Tuning#DEFAULT} or from the options being changed ({@code options.tuning()}), and change what
         * matters.
         *
         * <pre>{@code
         * QConnection c = QConnection.connect(ConnectionOptions.builder("localhost", 5000)
         *         .tuning(Tuning.DEFAULT.withDecodeInPlace(true))
         *         .build());
         * QTable day = (QTable) c.query("select from trade where date=2026.11.27");
         * }</pre>
         *
         * @param tuning the tuning knobs
         * @return this builder
         */
        public Builder tuning(Tuning tuning) {
            this.tuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        /**
         * Builds the options. Every setting was checked when it was made, conflicts included, so building cannot fail.
         *
         * @return the options
         */
        public ConnectionOptions build() {
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
