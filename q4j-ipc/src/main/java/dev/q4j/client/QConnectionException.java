package dev.q4j.client;

import dev.q4j.Q4jException;

/**
 * The connection failed: it could not be opened, it was lost, or it is closed. Pending requests fail with it.
 *
 * <pre>{@code
 * try { ... } catch (QConnectionException e) { reconnectLater(); }
 * }</pre>
 */
public class QConnectionException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened
     */
    public QConnectionException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what happened
     * @param cause the underlying failure
     */
    public QConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
