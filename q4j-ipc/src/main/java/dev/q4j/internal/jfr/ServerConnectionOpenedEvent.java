package dev.q4j.internal.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
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
@Description("A client of a q4j server finished its handshake: authenticated and admitted")
public final class ServerConnectionOpenedEvent extends ServerConnectionEvent {
    private static final ServerConnectionOpenedEvent PROBE = new ServerConnectionOpenedEvent();

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
            e.connection(connectionId, remoteAddress, user);
            e.capability = capability;
            e.handshakeTime = handshakeTime;
            e.commit();
        }
    }
}
