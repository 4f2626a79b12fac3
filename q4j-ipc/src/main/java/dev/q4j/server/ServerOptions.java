package dev.q4j.server;

import dev.q4j.QErrorException;
import dev.q4j.codec.Capability;
import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.ipc.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Everything about a {@link QServer}, immutable, with safe defaults: 1 GiB messages at most, 1000 clients, 256
 * connections still in their handshake (64 from one address), a handshake must finish within 10 seconds and a
 * started message within 60, 64 MiB queued per slow client and a quarter of the heap for all clients together, and
 * a handler that answers every request with {@code 'nyi}.
 *
 * <pre>{@code
 * ServerOptions options = ServerOptions.builder(5000)
 *         .authenticator(Authenticator.single("user", "secret"))
 *         .requestHandler(RequestHandler.sync((client, request) -> request))   // echo
 *         .build();
 * }</pre>
 */
public final class ServerOptions {
    private final List<Endpoint> endpoints;
    private final SSLContext tls;
    private final Authenticator authenticator;
    private final RequestHandler requestHandler;
    private final AsyncHandler asyncHandler;
    private final Consumer<ClientConnection> onOpen;
    private final Consumer<ClientConnection> onClose;
    private final DecodeLimits limits;
    private final int maxConnections;
    private final int maxPendingHandshakes;
    private final int maxPendingHandshakesPerAddress;
    private final Duration handshakeTimeout;
    private final Duration messageTimeout;
    private final Duration idleTimeout;
    private final long maxQueuedBytes;
    private final long maxTotalQueuedBytes;
    private final Capability maxCapability;
    private final Compression compression;

    private ServerOptions(Builder b) {
        this.endpoints = List.copyOf(b.endpoints);
        this.tls = b.tls;
        this.authenticator = b.authenticator;
        this.requestHandler = b.requestHandler;
        this.asyncHandler = b.asyncHandler;
        this.onOpen = b.onOpen;
        this.onClose = b.onClose;
        this.limits = b.limits;
        this.maxConnections = b.maxConnections;
        this.maxPendingHandshakes = b.maxPendingHandshakes;
        this.maxPendingHandshakesPerAddress = b.maxPendingHandshakesPerAddress;
        this.handshakeTimeout = b.handshakeTimeout;
        this.messageTimeout = b.messageTimeout;
        this.idleTimeout = b.idleTimeout;
        this.maxQueuedBytes = b.maxQueuedBytes;
        this.maxTotalQueuedBytes = b.maxTotalQueuedBytes;
        this.maxCapability = b.maxCapability;
        this.compression = b.compression;
    }

    /**
     * {@return a builder}
     *
     * @param port TCP port on every interface, as q's {@code -p} (0 picks a free one)
     */
    public static Builder builder(int port) {
        return new Builder().listen(Endpoint.tcp("0.0.0.0", port));
    }

    /**
     * {@return a builder}
     *
     * @param endpoint where to listen (more with {@link Builder#listen(Endpoint)})
     */
    public static Builder builder(Endpoint endpoint) {
        return new Builder().listen(endpoint);
    }

    /** {@return where to listen} */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** {@return the TLS context for TCP listeners, or {@code null}} */
    public SSLContext tls() {
        return tls;
    }

    /** {@return checks credentials} */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** {@return answers sync requests} */
    public RequestHandler requestHandler() {
        return requestHandler;
    }

    /** {@return receives async messages} */
    public AsyncHandler asyncHandler() {
        return asyncHandler;
    }

    /** {@return called when a client has connected (like {@code .z.po}), or {@code null}} */
    public Consumer<ClientConnection> onOpen() {
        return onOpen;
    }

    /** {@return called when a client's connection has closed (like {@code .z.pc}), or {@code null}} */
    public Consumer<ClientConnection> onClose() {
        return onClose;
    }

    /** {@return limits on incoming messages} */
    public DecodeLimits limits() {
        return limits;
    }

    /**
     * {@return clients (connections past the handshake) at once: while this many are in, new connections are closed at
     * once, and a handshake that completes finds no room and is closed unanswered; connections still in their handshake
     * do not count (see {@link #maxPendingHandshakes()})}
     */
    public int maxConnections() {
        return maxConnections;
    }

    /**
     * {@return connections that may be in their handshake at once, apart from {@link #maxConnections()}: when one more
     * arrives, the one that has waited longest is closed to make room (one whose client has sent nothing the server
     * has not read, if there is one), so that connections which never finish their handshake cannot keep a client
     * with valid credentials out}
     */
    public int maxPendingHandshakes() {
        return maxPendingHandshakes;
    }

    /**
     * {@return connections from one address (TCP: the peer's IP address; all Unix-socket clients count as one) that may
     * be in their handshake at once: when one more arrives from it, that address's longest-waiting connection whose
     * client has sent nothing the server has not read (it never began, or stalled) is closed to make room; clients
     * whose bytes wait unread (a burst the server has not got round to) are not closed, and the newcomer then counts
     * beyond this bound, within {@link #maxPendingHandshakes()}}
     */
    public int maxPendingHandshakesPerAddress() {
        return maxPendingHandshakesPerAddress;
    }

    /** {@return how long a client may take over its handshake} */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /**
     * {@return how long a client may take to finish a message it has started, and to take in full a message sent to
     * it (a client that does not read is closed then, which frees the thread blocked writing to it)}
     */
    public Duration messageTimeout() {
        return messageTimeout;
    }

    /** {@return how long a connection may stay silent, or {@code null} for ever} */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** {@return bytes that may wait to be sent to one client before it is disconnected as too slow} */
    public long maxQueuedBytes() {
        return maxQueuedBytes;
    }

    /**
     * {@return bytes that may wait to be sent to all clients together: past it, the clients whose backlog is over their
     * share (this bound divided among the clients that have a backlog) are disconnected as too slow, largest backlog
     * first, with a logged reason, before the heap is at risk; by default a quarter of the heap's maximum ({@code
     * -Xmx}), at least 64 MiB}
     */
    public long maxTotalQueuedBytes() {
        return maxTotalQueuedBytes;
    }

    /**
     * {@return the highest capability answered in the handshake (a client that asks for less gets what it asked
     * for, as kdb+ answers)}
     */
    public Capability maxCapability() {
        return maxCapability;
    }

    /** {@return when replies and pushes are compressed (never to local clients under {@link Compression#KDB})} */
    public Compression compression() {
        return compression;
    }

    /** Builds {@link ServerOptions}. */
    public static final class Builder {
        private final List<Endpoint> endpoints = new ArrayList<>();
        private SSLContext tls;
        private Authenticator authenticator = Authenticator.ALLOW_ALL;
        private RequestHandler requestHandler = (client, request) -> {
            throw new QErrorException("nyi");
        };
        private AsyncHandler asyncHandler = (client, message) -> { };
        private Consumer<ClientConnection> onOpen;
        private Consumer<ClientConnection> onClose;
        private DecodeLimits limits = DecodeLimits.DEFAULT;
        private int maxConnections = 1000;
        private int maxPendingHandshakes = 256;
        private int maxPendingHandshakesPerAddress = 64;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration messageTimeout = Duration.ofSeconds(60);
        private Duration idleTimeout;
        private long maxQueuedBytes = 64L << 20;
        private long maxTotalQueuedBytes = Math.max(64L << 20, Runtime.getRuntime().maxMemory() / 4);
        private Capability maxCapability = Capability.V3;
        private Compression compression = Compression.KDB;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param endpoint another place to listen: TCP ({@code Endpoint.tcp("127.0.0.1", 5000)}), a Unix socket
         *     file, or the abstract namespace (with q4j-unix)
         */
        public Builder listen(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param host address to bind TCP listeners to instead of every interface ({@code "127.0.0.1"})
         */
        public Builder bind(String host) {
            for (int i = 0; i < endpoints.size(); i++) {
                Endpoint e = endpoints.get(i);
                if (e instanceof Endpoint.Tcp t) {
                    endpoints.set(i, Endpoint.tcp(host, t.port()));
                }
            }
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param context key and certificate for TLS on the TCP listeners
         */
        public Builder tls(SSLContext context) {
            this.tls = context;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param authenticator checks credentials
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param handler answers sync requests
         */
        public Builder requestHandler(RequestHandler handler) {
            this.requestHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param handler receives async messages
         */
        public Builder asyncHandler(AsyncHandler handler) {
            this.asyncHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param callback called when a client has connected
         */
        public Builder onOpen(Consumer<ClientConnection> callback) {
            this.onOpen = callback;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param callback called when a client's connection has closed
         */
        public Builder onClose(Consumer<ClientConnection> callback) {
            this.onClose = callback;
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
         * @param max clients (past the handshake) at once
         */
        public Builder maxConnections(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1");
            }
            this.maxConnections = max;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param max connections in their handshake at once (the longest-waiting one, a silent one first, makes room
         *     for a new one)
         */
        public Builder maxPendingHandshakes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingHandshakes must be at least 1, not " + max);
            }
            this.maxPendingHandshakes = max;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param max connections from one address in their handshake at once (that address's longest-waiting silent
         *     one makes room for a new one)
         */
        public Builder maxPendingHandshakesPerAddress(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxPendingHandshakesPerAddress must be at least 1, not " + max);
            }
            this.maxPendingHandshakesPerAddress = max;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long a handshake may take
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long a started message may take to arrive in full, and how long a message sent to the
         *     client may take to be taken in full (default 60 seconds)
         */
        public Builder messageTimeout(Duration timeout) {
            this.messageTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param timeout how long a connection may stay silent; {@code null} (the default) for ever
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param bytes bytes that may wait for one slow client before it is disconnected
         */
        public Builder maxQueuedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxQueuedBytes must be positive");
            }
            this.maxQueuedBytes = bytes;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param bytes bytes that may wait to be sent to all clients together before those over their share are
         *     disconnected
         */
        public Builder maxTotalQueuedBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxTotalQueuedBytes must be positive, not " + bytes);
            }
            this.maxTotalQueuedBytes = bytes;
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param capability the highest capability to agree to: {@link Capability#V3} (the default) or
         *     {@link Capability#LARGE_MESSAGES}; an older one to serve as an old kdb+ would
         */
        public Builder maxCapability(Capability capability) {
            this.maxCapability = Objects.requireNonNull(capability, "capability");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param compression when to compress what the server sends
         */
        public Builder compression(Compression compression) {
            this.compression = Objects.requireNonNull(compression, "compression");
            return this;
        }

        /** {@return the options} */
        public ServerOptions build() {
            if (endpoints.isEmpty()) {
                throw new IllegalStateException("a server needs at least one endpoint to listen on");
            }
            return new ServerOptions(this);
        }
    }
}
