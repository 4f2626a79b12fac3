package dev.q4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.StackTrace;

/**
 * Not API: what every event of a {@code QServer} holds, the client connection it is about, as the server's log lines
 * name it. Abstract, so JFR registers no event type for it; its fields come first in each event, and its category and
 * stack-trace setting are inherited.
 *
 * <pre>{@code
 * e.connection(7, "/127.0.0.1:53412", "alice");   // in a subclass's emit or start
 * }</pre>
 */
@Category({"q4j", "Server"})
@StackTrace(false)
public abstract class ServerConnectionEvent extends Event {
    /** The server's number for the connection, as in its log lines ({@code client 7 at ...}). */
    @Label("Connection Id")
    @Description("The server's number for this connection, as its log lines show it (client 7 at ...)")
    public long connectionId;

    /** The client's address. */
    @Label("Remote Address")
    @Description("The client's address and port (or socket path)")
    public String remoteAddress;

    /** The authenticated user, empty for none. */
    @Label("User")
    @Description("The user the client authenticated as (empty for none)")
    public String user;

    /** For the subclasses. */
    ServerConnectionEvent() {
    }

    /**
     * Sets the connection's fields.
     *
     * @param connectionId the server's number for the connection
     * @param remoteAddress the client's address
     * @param user the authenticated user, or empty
     */
    final void connection(long connectionId, String remoteAddress, String user) {
        this.connectionId = connectionId;
        this.remoteAddress = remoteAddress;
        this.user = user;
    }
}
