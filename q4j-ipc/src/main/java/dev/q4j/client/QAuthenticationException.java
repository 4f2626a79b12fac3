package dev.q4j.client;

/**
 * The server rejected the credentials: kdb+ closes the connection during the handshake when {@code .z.pw} or {@code -u}/{@code -U} refuse them.
 *
 * <pre>{@code
 * QConnection.connect(options);   // QAuthenticationException: wrong user or password
 * }</pre>
 */
public class QAuthenticationException extends QConnectionException {
    private static final long serialVersionUID = 1L;

    /** @param message what happened */
    public QAuthenticationException(String message) {
        super(message);
    }

    /**
     * @param message what happened
     * @param cause the underlying failure
     */
    public QAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
