package dev.q4j.internal.jfr;

import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * Not API: a {@code QServer} disconnected (or refused) a client for a reason it logs: what a hostile or broken
 * client gets.
 *
 * <pre>{@code
 * ServerDisconnectEvent.emit(7, "/127.0.0.1:53412", "", false, "no handshake within 500 ms");
 * }</pre>
 */
@Name("dev.q4j.ServerDisconnect")
@Label("Client Disconnected by Server")
@Description("A q4j server disconnected or refused a client for the reason it logs: a bad or stalled handshake, "
        + "rejected credentials, no room, a message over the limit or not kdb+ IPC, a stalled message, a backlog "
        + "over the queue limits, idleness, a failed read or write, a shutdown's grace running out")
public final class ServerDisconnectEvent extends ServerConnectionEvent {
    private static final ServerDisconnectEvent PROBE = new ServerDisconnectEvent();

    /** Whether the client had finished its handshake; when it had not, {@link #user} is empty. */
    @Label("Authenticated")
    @Description("Whether the client had finished its handshake (authenticated and admitted); when it had not, the "
            + "user is empty")
    public boolean authenticated;

    /** The reason, as the server logs it. */
    @Label("Reason")
    @Description("Why, as the server's log line says it")
    public String reason;

    /** Made by {@link #emit} only. */
    private ServerDisconnectEvent() {
    }

    /**
     * Records the event, when a recording wants it.
     *
     * @param connectionId the server's number for the connection
     * @param remoteAddress the client's address
     * @param user the authenticated user, or empty
     * @param authenticated whether the client had finished its handshake
     * @param reason why, as logged
     */
    public static void emit(long connectionId, String remoteAddress, String user, boolean authenticated,
            String reason) {
        if (!PROBE.isEnabled()) {
            return;
        }
        ServerDisconnectEvent e = new ServerDisconnectEvent();
        if (e.shouldCommit()) {
            e.connection(connectionId, remoteAddress, user);
            e.authenticated = authenticated;
            e.reason = reason;
            e.commit();
        }
    }
}
