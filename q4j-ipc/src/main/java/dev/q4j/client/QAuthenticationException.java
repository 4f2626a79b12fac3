package dev.q4j.client;

/**
 * The server closed the connection during the handshake. kdb+ does so when {@code .z.pw} or {@code -u}/{@code -U}
 * refuse the credentials, but a server with no room for another client (a q4j server at its {@code
 * maxConnections}) closes the same way: the protocol cannot say which, so the message names both.
 *
 * <pre>{@code
 * QConnection.connect(options);   // QAuthenticationException: wrong credentials, or no capacity
 * }</pre>
 */
public class QAuthenticationException extends QConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened
     */
    public QAuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what happened
     * @param cause the underlying failure
     */
    public QAuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
