package dev.q4j.duckdb;

import dev.q4j.Q4jException;

/**
 * DuckDB refused a statement, or could not be started (its native library is not available on this platform). The
 * message names the statement or the platform.
 *
 * <pre>{@code
 * try (QDuckDB db = QDuckDB.inMemory()) {
 *     db.query("SELECT nope FROM t");
 * } catch (QDuckDBException e) {
 *     System.err.println(e.getMessage());   // Binder Error: ... in: SELECT nope FROM t
 * }
 * }</pre>
 */
public class QDuckDBException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong
     */
    public QDuckDBException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the failure that caused it.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public QDuckDBException(String message, Throwable cause) {
        super(message, cause);
    }
}
