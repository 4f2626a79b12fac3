package dev.q4j.internal.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Timespan;

/**
 * Not API: the connection of a client of a {@code QServer} (one that had finished its handshake) ended.
 *
 * <pre>{@code
 * ServerConnectionClosedEvent.emit(7, "/127.0.0.1:53412", "alice", "closed by the client", connectedNanos);
 * }</pre>
 */
@Name("dev.q4j.ServerConnectionClosed")
@Label("Server Connection Closed")
@Description("The connection of a client of a q4j server (one that had finished its handshake) ended: closed by the "
        + "client, by the server (shutdown, the service), or disconnected for a reason the server logged")
public final class ServerConnectionClosedEvent extends ServerConnectionEvent {
    /** Reason of an ordinary close by the client. */
    public static final String BY_CLIENT = "closed by the client";
    /** Reason of an ordinary close by the server (its shutdown, or the service closing the connection). */
    public static final String BY_SERVER = "closed by the server";

    private static final ServerConnectionClosedEvent PROBE = new ServerConnectionClosedEvent();

    /** Why: {@link #BY_CLIENT}, {@link #BY_SERVER}, or the reason the server logged. */
    @Label("Reason")
    @Description("closed by the client, closed by the server, or the reason the server logged when it disconnected "
            + "the client")
    public String reason;

    /** How long the connection had been open, in nanoseconds. */
    @Label("Connected For")
    @Description("How long the connection had been open, from its accept")
    @Timespan(Timespan.NANOSECONDS)
    public long connectedFor;

    /** Made by {@link #emit} only. */
    private ServerConnectionClosedEvent() {
    }

    /**
     * Records the event, when a recording wants it.
     *
     * @param connectionId the server's number for the connection
     * @param remoteAddress the client's address
     * @param user the authenticated user
     * @param reason why it ended
     * @param connectedFor how long it was open, in nanoseconds
     */
    public static void emit(long connectionId, String remoteAddress, String user, String reason,
            long connectedFor) {
        if (!PROBE.isEnabled()) {
            return;
        }
        ServerConnectionClosedEvent e = new ServerConnectionClosedEvent();
        if (e.shouldCommit()) {
            e.connection(connectionId, remoteAddress, user);
            e.reason = reason;
            e.connectedFor = connectedFor;
            e.commit();
        }
    }
}
