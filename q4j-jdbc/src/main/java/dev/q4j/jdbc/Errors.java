package dev.q4j.jdbc;

import dev.q4j.QErrorException;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.QTimeoutException;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;

/**
 * q4j's exceptions as {@link SQLException}s, the q4j exception as the cause. SQLStates:
 *
 * <table>
 * <caption>SQLStates</caption>
 * <tr><th>what</th><th>SQLState</th><th>class</th></tr>
 * <tr><td>a q error ({@code 'type}, a signal)</td><td>{@code HY000}</td><td>{@link SQLException}, the q
 *     error's text in the message</td></tr>
 * <tr><td>a login the server refused</td><td>{@code 28000}</td>
 *     <td>{@link SQLInvalidAuthorizationSpecException}</td></tr>
 * <tr><td>no connection could be made</td><td>{@code 08001}</td>
 *     <td>{@link SQLNonTransientConnectionException}</td></tr>
 * <tr><td>the connection was lost or closed</td><td>{@code 08006}</td>
 *     <td>{@link SQLNonTransientConnectionException}</td></tr>
 * <tr><td>no reply within the query timeout</td><td>{@code HYT00}</td><td>{@link SQLTimeoutException}</td></tr>
 * <tr><td>the statement was cancelled</td><td>{@code 57014}</td><td>{@link SQLException}</td></tr>
 * </table>
 */
final class Errors {
    static final String Q_ERROR = "HY000";
    static final String REFUSED_LOGIN = "28000";
    static final String CANNOT_CONNECT = "08001";
    static final String CONNECTION_LOST = "08006";
    static final String TIMEOUT = "HYT00";
    static final String CANCELLED = "57014";

    private Errors() {
    }

    /** {@return {@code e}, thrown by q4j while running a request or connecting, as an SQLException} */
    static SQLException of(RuntimeException e, boolean connecting) {
        if (e instanceof QErrorException q) {
            return new SQLException("q error: '" + q.qMessage(), Q_ERROR, e);
        }
        if (e instanceof QAuthenticationException) {
            return new SQLInvalidAuthorizationSpecException("login refused: " + e.getMessage(), REFUSED_LOGIN, e);
        }
        if (e instanceof QTimeoutException) {
            return new SQLTimeoutException(e.getMessage(), TIMEOUT, e);
        }
        if (e instanceof QConnectionException || e instanceof dev.q4j.Q4jException) {
            return new SQLNonTransientConnectionException(e.getMessage(), connecting ? CANNOT_CONNECT
                    : CONNECTION_LOST, e);
        }
        return new SQLException(String.valueOf(e.getMessage()), Q_ERROR, e);
    }
}
