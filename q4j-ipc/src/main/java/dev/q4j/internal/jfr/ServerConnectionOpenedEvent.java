package dev.q4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Not API: a client of a {@code QServer} is in: authenticated and admitted.
 *
 * <pre>{@code
 * ServerConnectionOpenedEvent.emit(7, "/127.0.0.1:53412", "alice", 3, handshakeNanos);
 * }</pre>
 */
@Name("dev.q4j.ServerConnectionOpened")
@Label("Server Connection Opened")
@Category({"q4j", "Server"})
@Description("A client of a q4j server finished its handshake: authenticated and admitted")
@StackTrace(false)
public final class ServerConnectionOpenedEvent extends Event {
    private static final ServerConnectionOpenedEvent PROBE = new ServerConnectionOpenedEvent();

    /** The server's number for the connection, as in its log lines ({@code client 7 at ...}). */
    @Label("Connection Id")
    @Description("The server's number for this connection, as its log lines show it (client 7 at ...)")
    public long connectionId;

    /** The client's address. */
    @Label("Remote Address")
    @Description("The client's address and port (or socket path)")
    public String remoteAddress;

    /** The authenticated user. */
    @Label("User")
    @Description("The user the client authenticated as (empty for none)")
    public String user;

    /** The capability agreed in the handshake (0 .. 6). */
    @Label("Capability")
    @Description("The capability agreed in the handshake: 0 (v2.5) .. 6 (messages over 2 GB)")
    public int capability;

    /** From the accept to the handshake's answer, in nanoseconds. */
    @Label("Handshake Time")
    @Description("From the connection's accept to the server's answer to its handshake")
    @Timespan(Timespan.NANOSECONDS)
    public long handshakeTime;

    /** Made by {@link #emit} only. */
    private ServerConnectionOpenedEvent() {
    }

    /**
     * Records the event, when a recording wants it.
     *
     * @param connectionId the server's number for the connection
     * @param remoteAddress the client's address
     * @param user the authenticated user
     * @param capability the capability agreed
     * @param handshakeTime from the accept to the answer, in nanoseconds
     */
    public static void emit(long connectionId, String remoteAddress, String user, int capability,
            long handshakeTime) {
        if (!PROBE.isEnabled()) {
            return;
        }
        ServerConnectionOpenedEvent e = new ServerConnectionOpenedEvent();
        if (e.shouldCommit()) {
            e.connectionId = connectionId;
            e.remoteAddress = remoteAddress;
            e.user = user;
            e.capability = capability;
            e.handshakeTime = handshakeTime;
            e.commit();
        }
    }
}
