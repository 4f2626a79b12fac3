package dev.q4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Not API: a {@code QConnection}'s connection ended, closed by its user or broken.
 *
 * <pre>{@code
 * ClientConnectionClosedEvent.emit(endpoint, "connection to localhost:5000 lost: reset", false, nanos);
 * }</pre>
 */
@Name("dev.q4j.ClientConnectionClosed")
@Label("Client Connection Closed")
@Category({"q4j", "Client"})
@Description("A q4j client's connection to kdb+ ended: closed by its user, or broken (lost, a protocol violation, "
        + "lost step under a request timeout), after which its reconnect policy applies")
@StackTrace(false)
public final class ClientConnectionClosedEvent extends Event {
    private static final ClientConnectionClosedEvent PROBE = new ClientConnectionClosedEvent();

    /** Where it was connected. */
    @Label("Endpoint")
    @Description("Where the client was connected: host:port, unix:///path or @name")
    public String endpoint;

    /** Why it ended: the message of the exception its pending requests failed with. */
    @Label("Reason")
    @Description("Why it ended: the message its pending requests failed with")
    public String reason;

    /** True when its user closed it, false when it broke. */
    @Label("Closed by User")
    @Description("True when its user closed it (QConnection.close), false when it broke")
    public boolean closedByUser;

    /** How long it had been open, in nanoseconds. */
    @Label("Connected For")
    @Description("How long this connection (this session, when it reconnects) had been open")
    @Timespan(Timespan.NANOSECONDS)
    public long connectedFor;

    /** Made by {@link #emit} only. */
    private ClientConnectionClosedEvent() {
    }

    /**
     * Records the event, when a recording wants it.
     *
     * @param endpoint where it was connected
     * @param reason why it ended
     * @param closedByUser whether its user closed it
     * @param connectedFor how long it was open, in nanoseconds
     */
    public static void emit(String endpoint, String reason, boolean closedByUser, long connectedFor) {
        if (!PROBE.isEnabled()) {
            return;
        }
        ClientConnectionClosedEvent e = new ClientConnectionClosedEvent();
        if (e.shouldCommit()) {
            e.endpoint = endpoint;
            e.reason = reason;
            e.closedByUser = closedByUser;
            e.connectedFor = connectedFor;
            e.commit();
        }
    }
}
