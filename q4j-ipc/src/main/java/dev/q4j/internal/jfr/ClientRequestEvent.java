package dev.q4j.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * Not API: one request of a {@code QConnection}, from its write to its outcome; the duration is the latency.
 *
 * <pre>{@code
 * ClientRequestEvent e = ClientRequestEvent.start(endpoint, "sync", bytes.length);   // null unless recorded
 * // ... the reply comes ...
 * if (e != null) e.finish(ClientRequestEvent.VALUE, reply.length, null);
 * }</pre>
 */
@Name("dev.q4j.ClientRequest")
@Label("Client Request")
@Category({"q4j", "Client"})
@Description("A q4j client's request to kdb+: a sync request from its write until its outcome (the duration is its "
        + "latency), or an async message (the duration is its write)")
@StackTrace(false)
public final class ClientRequestEvent extends Event {
    /** Outcome: the reply was a value. */
    public static final String VALUE = "value";
    /** Outcome: the reply was a q error. */
    public static final String Q_ERROR = "q error";
    /** Outcome: no reply within the request timeout. */
    public static final String TIMEOUT = "timeout";
    /** Outcome: the connection broke before the reply came. */
    public static final String CONNECTION_LOST = "connection lost";
    /** Outcome: the connection's user closed it before the reply came. */
    public static final String CLOSED = "closed";
    /** Outcome: the caller cancelled its future (the reply was read and dropped, or the connection ended). */
    public static final String CANCELLED = "cancelled";
    /** Outcome of an async message: written (to the connection's buffer, when it does not flush each one). */
    public static final String SENT = "sent";
    /** Message type of a request with a reply. */
    public static final String SYNC = "sync";
    /** Message type of a message without a reply. */
    public static final String ASYNC = "async";

    private static final ClientRequestEvent PROBE = new ClientRequestEvent();

    /** Where it was sent. */
    @Label("Endpoint")
    @Description("Where the request was sent: host:port, unix:///path or @name")
    public String endpoint;

    /** {@code sync} (a request with a reply) or {@code async} (a message without one). */
    @Label("Type")
    @Description("The kdb+ message type: sync (a request with a reply) or async (a message without one)")
    public String type;

    /** Bytes of the request on the wire, header included. */
    @Label("Bytes Sent")
    @Description("The request's size on the wire, header included (compressed, when it was)")
    @DataAmount(DataAmount.BYTES)
    public long bytesSent;

    /** Bytes of the reply on the wire, header included; 0 when none came. */
    @Label("Bytes Received")
    @Description("The reply's size on the wire, header included; 0 when none came in time")
    @DataAmount(DataAmount.BYTES)
    public long bytesReceived;

    /** What came of it: one of the outcome constants. */
    @Label("Outcome")
    @Description("value, q error, timeout, connection lost, closed (by its user), cancelled (by the caller); sent for "
            + "an async message")
    public String outcome;

    /** The q error's text, or why it failed; {@code null} for a value. */
    @Label("Error")
    @Description("The q error's text, or why the request failed; empty for a value")
    public String error;

    /** set by {@link #replied()}: the duration has ended (transient: JFR does not record it) */
    private transient boolean ended;

    /** Made by {@link #start} only. */
    private ClientRequestEvent() {
    }

    /**
     * {@return an event whose duration has begun, or {@code null} when no recording wants it}
     *
     * @param endpoint where the request goes
     * @param type {@link #SYNC} or {@link #ASYNC}
     * @param bytesSent the request's size on the wire
     */
    public static ClientRequestEvent start(String endpoint, String type, int bytesSent) {
        if (!PROBE.isEnabled()) {
            return null;
        }
        ClientRequestEvent e = new ClientRequestEvent();
        e.endpoint = endpoint;
        e.type = type;
        e.bytesSent = bytesSent;
        e.begin();
        return e;
    }

    /**
     * Ends the duration when the reply has been read, before the caller is woken: its latency is not the time the
     * caller takes to run.
     */
    public void replied() {
        end();
        ended = true;
    }

    /**
     * Ends (unless {@link #replied()} did) and records the event (when over the recording's threshold). Called once,
     * by whoever completed the request.
     *
     * @param outcome one of the outcome constants
     * @param bytesReceived the reply's size on the wire, or 0
     * @param error the q error's text or why it failed, or {@code null}
     */
    public void finish(String outcome, long bytesReceived, String error) {
        if (!ended) {
            end();
        }
        if (shouldCommit()) {
            this.outcome = outcome;
            this.bytesReceived = bytesReceived;
            this.error = error;
            commit();
        }
    }
}
