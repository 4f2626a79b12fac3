package dev.q4j.server;

import dev.q4j.value.QValue;
import java.util.Map;

/**
 * One client connected to a {@link QServer}: who it is, and a handle to push async messages to it (q's
 * {@code neg[h]}).
 *
 * <pre>{@code
 * server.clients().forEach(c -> c.send(QList.of(QSymbol.of("upd"), QSymbol.of("trade"), rows)));
 * }</pre>
 */
public interface ClientConnection {

    /** {@return a number unique within the server, like q's handle} */
    long id();

    /** {@return the user name from the handshake (empty when none)} */
    String user();

    /** {@return the client's address, for logs} */
    String peer();

    /** {@return the capability agreed in the handshake} */
    int capability();

    /**
     * Queues an async message to the client. Never blocks: a client that does not read is disconnected once its
     * queue passes {@link ServerOptions#maxQueuedBytes()}.
     *
     * @param message the value to send
     * @return false when the connection is closed
     */
    boolean send(QValue message);

    /**
     * Runs {@code action} when the reply to the request being handled is queued, with pushes to this client held
     * back until the reply is queued: whatever the action starts (a subscription, say) is in place before the client
     * has its answer, yet cannot deliver anything ahead of it. Called anywhere but inside a request handler, it runs
     * at once.
     *
     * @param action what to do
     */
    void afterReply(Runnable action);

    /** {@return true until the connection closes} */
    boolean isOpen();

    /** {@return a place for the application's own per-connection state (thread-safe)} */
    Map<String, Object> attributes();

    /** Closes the connection. */
    void close();
}
