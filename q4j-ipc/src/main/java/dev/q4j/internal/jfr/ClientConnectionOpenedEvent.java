package dev.q4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Not API: a {@code QConnection} connected and shook hands; its duration is the connect and the handshake.
 *
 * <pre>{@code
 * ClientConnectionOpenedEvent e = ClientConnectionOpenedEvent.start();   // null unless recorded
 * // ... connect and shake hands ...
 * if (e != null) e.commit(endpoint, "TCP", user, capability, false);
 * }</pre>
 */
@Name("dev.q4j.ClientConnectionOpened")
@Label("Client Connection Opened")
@Category({"q4j", "Client"})
@Description("A q4j client connected to kdb+ and shook hands (at first, or reconnecting); the duration is the connect "
        + "and the handshake")
@StackTrace(false)
public final class ClientConnectionOpenedEvent extends Event {
    private static final ClientConnectionOpenedEvent PROBE = new ClientConnectionOpenedEvent();

    /** Where it connected: {@code host:port}, {@code unix:///path} or {@code @name}. */
    @Label("Endpoint")
    @Description("Where the client connected: host:port, unix:///path or @name")
    public String endpoint;

    /** {@code TCP}, {@code TLS}, {@code unix} (a socket file) or {@code unix abstract} (Linux's namespace). */
    @Label("Transport")
    @Description("TCP, TLS, unix (a socket file) or unix abstract (Linux's abstract namespace)")
    public String transport;

    /** The user name sent in the handshake (empty for none). */
    @Label("User")
    @Description("The user name sent in the handshake (empty for none)")
    public String user;

    /** The capability agreed in the handshake (0 .. 6). */
    @Label("Capability")
    @Description("The capability agreed in the handshake: 0 (v2.5) .. 6 (messages over 2 GB)")
    public int capability;

    /** Whether the connection re-established itself after a loss. */
    @Label("Reconnect")
    @Description("Whether this is the connection re-establishing itself after a loss (its reconnect policy)")
    public boolean reconnect;

    /** Made by {@link #start()} only. */
    private ClientConnectionOpenedEvent() {
    }

    /** {@return an event whose duration has begun, or {@code null} when no recording wants it} */
    public static ClientConnectionOpenedEvent start() {
        if (!PROBE.isEnabled()) {
            return null;
        }
        ClientConnectionOpenedEvent e = new ClientConnectionOpenedEvent();
        e.begin();
        return e;
    }

    /**
     * Ends and records the event.
     *
     * @param endpoint where it connected
     * @param transport the transport's kind
     * @param user the user name sent
     * @param capability the capability agreed
     * @param reconnect whether it reconnected
     */
    public void commit(String endpoint, String transport, String user, int capability, boolean reconnect) {
        end();
        if (shouldCommit()) {
            this.endpoint = endpoint;
            this.transport = transport;
            this.user = user;
            this.capability = capability;
            this.reconnect = reconnect;
            commit();
        }
    }
}
