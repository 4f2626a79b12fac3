package dev.q4j.client;

import dev.q4j.Q4jException;

/**
 * A request got no reply within its timeout. The connection stays usable: the late reply is read and dropped, and the
 * next caller gets its own reply.
 *
 * <pre>{@code
 * q.query("slowFunction[]");   // QTimeoutException after ConnectionOptions.requestTimeout
 * }</pre>
 */
public class QTimeoutException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened
     */
    public QTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what happened
     * @param cause the underlying failure
     */
    public QTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
