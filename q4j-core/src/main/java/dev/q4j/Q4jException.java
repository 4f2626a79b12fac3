package dev.q4j;

/**
 * Root of every exception q4j throws. Unchecked, so that callers catch only what they can handle:
 * {@link QErrorException} (q said no), {@link QProtocolException} (the bytes are not valid kdb+ IPC).
 */
public class Q4jException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public Q4jException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public Q4jException(String message, Throwable cause) {
        super(message, cause);
    }
}
