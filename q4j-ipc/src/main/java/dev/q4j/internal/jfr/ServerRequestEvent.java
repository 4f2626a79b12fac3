package dev.q4j.internal.jfr;

import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;

/**
 * Not API: a {@code QServer} handled a client's message; the duration is from the handler's start until the reply
 * was encoded (or, for an async message, until the handler returned).
 *
 * <pre>{@code
 * ServerRequestEvent e = ServerRequestEvent.start(7, "/127.0.0.1:53412", "alice", "sync", 30);   // null unless
 * // ... the handler's reply is encoded ...                                                     // recorded
 * if (e != null) e.finish(ServerRequestEvent.VALUE, reply.length, null);
 * }</pre>
 */
@Name("dev.q4j.ServerRequest")
@Label("Server Request")
@Description("A q4j server handled a client's message: a sync request from its handler's start until the reply was "
        + "encoded (the duration; a reply also waits for those of earlier requests), or an async message until its "
        + "handler returned")
public final class ServerRequestEvent extends ServerConnectionEvent {
    /** Outcome: the reply is a value (or an async handler returned). */
    public static final String VALUE = "value";
    /** Outcome: the reply is a q error (a {@code QError} value, or a {@code QErrorException} from the handler). */
    public static final String Q_ERROR = "q error";
    /** Outcome: the handler failed with another exception (the client gets its message as a q error). */
    public static final String HANDLER_EXCEPTION = "handler exception";
    /** Outcome: the reply could not be encoded (the client gets why as a q error). */
    public static final String ENCODING_FAILED = "encoding failed";
    /** Message type of a request with a reply. */
    public static final String SYNC = "sync";
    /** Message type of a message without a reply. */
    public static final String ASYNC = "async";

    private static final ServerRequestEvent PROBE = new ServerRequestEvent();

    /** {@code sync} (a request with a reply) or {@code async} (a message without one). */
    @Label("Type")
    @Description("The kdb+ message type: sync (a request with a reply) or async (a message without one)")
    public String type;

    /** Bytes of the message on the wire, header included. */
    @Label("Bytes In")
    @Description("The message's size on the wire, header included (compressed, when it was)")
    @DataAmount(DataAmount.BYTES)
    public long bytesIn;

    /** Bytes of the reply on the wire, header included; 0 for an async message. */
    @Label("Bytes Out")
    @Description("The reply's size on the wire, header included; 0 for an async message")
    @DataAmount(DataAmount.BYTES)
    public long bytesOut;

    /** What came of it: one of the outcome constants. */
    @Label("Outcome")
    @Description("value, q error, handler exception, encoding failed")
    public String outcome;

    /** The q error's text, or the handler's failure; {@code null} for a value. */
    @Label("Error")
    @Description("The q error's text, or the handler's exception; empty for a value")
    public String error;

    /** Made by {@link #start} only. */
    private ServerRequestEvent() {
    }

    /**
     * {@return an event whose duration has begun, or {@code null} when no recording wants it}
     *
     * @param connectionId the server's number for the connection
     * @param remoteAddress the client's address
     * @param user the authenticated user
     * @param type {@link #SYNC} or {@link #ASYNC}
     * @param bytesIn the message's size on the wire
     */
    public static ServerRequestEvent start(long connectionId, String remoteAddress, String user, String type,
            int bytesIn) {
        if (!PROBE.isEnabled()) {
            return null;
        }
        ServerRequestEvent e = new ServerRequestEvent();
        e.connection(connectionId, remoteAddress, user);
        e.type = type;
        e.bytesIn = bytesIn;
        e.begin();
        return e;
    }

    /**
     * Ends and records the event (when over the recording's threshold).
     *
     * @param outcome one of the outcome constants
     * @param bytesOut the reply's size on the wire, or 0
     * @param error the q error's text or the handler's failure, or {@code null}
     */
    public void finish(String outcome, long bytesOut, String error) {
        end();
        if (shouldCommit()) {
            this.outcome = outcome;
            this.bytesOut = bytesOut;
            this.error = error;
            commit();
        }
    }
}
