package dev.q4j.jdbc;

import dev.q4j.client.QConnection;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JDBC connection over one {@link QConnection} (which {@code unwrap(QConnection.class)} returns). kdb+ has no
 * transactions: auto-commit is always on, {@link #commit()} and {@link #rollback()} do nothing (every statement took
 * effect when it ran), {@code setAutoCommit(false)} and savepoints throw {@link SQLFeatureNotSupportedException}.
 */
final class QJdbcConnection implements Connection {
    private final QConnection q;
    private final String url;
    private final int defaultQueryTimeout;
    private final int defaultFetchSize;
    private final boolean sqlByDefault;
    private final Set<QStatement> statements = ConcurrentHashMap.newKeySet();
    private final Properties clientInfo = new Properties();
    private volatile boolean closed;
    private volatile int networkTimeoutMillis;
    private boolean readOnly;
    private QDatabaseMetaData metaData;

    QJdbcConnection(QConnection q, String url, int defaultQueryTimeout, int defaultFetchSize, boolean sqlByDefault) {
        this.q = q;
        this.url = url;
        this.defaultQueryTimeout = defaultQueryTimeout;
        this.defaultFetchSize = defaultFetchSize;
        this.sqlByDefault = sqlByDefault;
    }

    /** {@return whether text without a prefix is kdb+'s SQL (the URL's {@code language=sql}) rather than q} */
    boolean sqlByDefault() {
        return sqlByDefault;
    }

    String url() {
        return url;
    }

    QConnection q() {
        return q;
    }

    int defaultQueryTimeout() {
        return defaultQueryTimeout;
    }

    int defaultFetchSize() {
        return defaultFetchSize;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLNonTransientConnectionException("the connection is closed", "08003");
        }
        if (!q.isOpen()) {
            throw new SQLNonTransientConnectionException("the connection to " + q.options().endpoint()
                    + " was lost", Errors.CONNECTION_LOST);
        }
    }

    /**
     * Sends {@code message} as a sync request and waits for its reply, at most {@code timeoutSeconds} (0: no
     * limit) and the network timeout. {@code running} receives the reply's future while it is awaited, for
     * {@link Statement#cancel()}.
     */
    QValue run(QValue message, int timeoutSeconds, java.util.function.Consumer<CompletableFuture<QValue>> running)
            throws SQLException {
        checkOpen();
        CompletableFuture<QValue> reply;
        try {
            reply = q.executeAsync(message);
        } catch (RuntimeException e) {
            throw Errors.of(e, false);
        }
        running.accept(reply);
        long queryMs = timeoutSeconds * 1000L;
        long networkMs = networkTimeoutMillis;
        long ms = queryMs == 0 ? networkMs : networkMs == 0 ? queryMs : Math.min(queryMs, networkMs);
        try {
            return ms > 0 ? reply.get(ms, TimeUnit.MILLISECONDS) : reply.get();
        } catch (TimeoutException e) {
            // the request stays queued on the q4j connection: its late reply is read and dropped, in step
            reply.cancel(false);
            if (queryMs == 0 || networkMs != 0 && networkMs < queryMs) {
                close();
                throw new SQLNonTransientConnectionException("no reply within the network timeout (" + networkMs
                        + " ms): the connection is closed", Errors.CONNECTION_LOST, e);
            }
            throw new SQLTimeoutException("no reply within the query timeout (" + timeoutSeconds + " s)",
                    Errors.TIMEOUT, e);
        } catch (CancellationException e) {
            throw new SQLException("the statement was cancelled (kdb+ still runs it; its reply is dropped)",
                    Errors.CANCELLED, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply.cancel(false);
            throw new SQLException("interrupted while waiting for the reply", Errors.CANCELLED, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw Errors.of(r, false);
            }
            throw new SQLException(String.valueOf(cause), Errors.Q_ERROR, cause);
        } finally {
            running.accept(null);
        }
    }

    void forget(QStatement s) {
        statements.remove(s);
    }

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        checkResultSetKind(type, concurrency);
        QStatement s = new QStatement(this);
        statements.add(s);
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String text) throws SQLException {
        return prepareStatement(text, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public PreparedStatement prepareStatement(String text, int type, int concurrency) throws SQLException {
        return prepareStatement(text, type, concurrency, ResultSet.HOLD_CURSORS_OVER_COMMIT);
    }

    @Override
    public PreparedStatement prepareStatement(String text, int type, int concurrency, int holdability)
            throws SQLException {
        checkOpen();
        checkResultSetKind(type, concurrency);
        if (text == null || text.isBlank()) {
            throw new SQLException("the prepared statement's text is empty: it should be a q function, a lambda "
                    + "or a name", "42000");
        }
        QPreparedStatement s = new QPreparedStatement(this, text);
        statements.add(s);
        return s;
    }

    @Override
    public PreparedStatement prepareStatement(String text, int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
            throw Column.unsupported("generated keys");
        }
        return prepareStatement(text);
    }

    @Override
    public PreparedStatement prepareStatement(String text, int[] columnIndexes) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    @Override
    public PreparedStatement prepareStatement(String text, String[] columnNames) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    /** Every result is held whole in memory, so scrolling costs nothing; updating is not possible. */
    private static void checkResultSetKind(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLException("not a result set type: " + type, "HY024");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw Column.unsupported("updatable result sets (CONCUR_UPDATABLE)");
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw Column.unsupported("CallableStatement (use a PreparedStatement whose text is the q function)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (!autoCommit) {
            throw new SQLFeatureNotSupportedException("kdb+ has no transactions: auto-commit is always on",
                    "0A000");
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return true;
    }

    /** Does nothing: every statement took effect when it ran. */
    @Override
    public void commit() throws SQLException {
        checkOpen();
    }

    /** Does nothing: there is nothing to undo, every statement took effect when it ran. */
    @Override
    public void rollback() throws SQLException {
        checkOpen();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        release();
    }

    private void release() {
        for (QStatement s : statements.toArray(QStatement[]::new)) {
            s.close();
        }
        q.close();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        if (metaData == null) {
            metaData = new QDatabaseMetaData(this);
        }
        return metaData;
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        this.readOnly = readOnly;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level != TRANSACTION_NONE) {
            throw new SQLFeatureNotSupportedException("kdb+ has no transactions: the isolation level is "
                    + "TRANSACTION_NONE", "0A000");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_NONE;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        throw Column.unsupported("type maps");
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw Column.unsupported("holdability other than HOLD_CURSORS_OVER_COMMIT");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw Column.unsupported("savepoints (kdb+ has no transactions)");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return setSavepoint();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        setSavepoint();
    }

    @Override
    public Clob createClob() throws SQLException {
        throw Column.unsupported("Clob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw Column.unsupported("Blob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw Column.unsupported("NClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw Column.unsupported("SQLXML");
    }

    /** {@return whether a round trip (q's {@code h""}, evaluating an empty string) succeeds within the time} */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw new SQLException("the timeout must be 0 or more seconds: " + timeout, "HY024");
        }
        if (closed || !q.isOpen()) {
            return false;
        }
        try {
            CompletableFuture<QValue> reply = q.executeAsync(QCharVector.of(""));
            try {
                if (timeout == 0) {
                    reply.get();
                } else {
                    reply.get(timeout, TimeUnit.SECONDS);
                }
                return true;
            } catch (TimeoutException e) {
                reply.cancel(false);
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    /** {@return a q vector of the elements (same-typed: {@code Long}s make a long vector), as a parameter} */
    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        QValue v;
        try {
            v = Q.of(Arrays.asList(elements));
        } catch (RuntimeException e) {
            throw new SQLException("cannot make a q vector of " + Arrays.toString(elements) + ": " + e.getMessage(),
                    "22023", e);
        }
        if (!(v instanceof QVector vector)) {
            throw new SQLException("the elements are not all of one type, so they make no q vector: "
                    + Arrays.toString(elements), "22023");
        }
        return new QArray(vector);
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw Column.unsupported("Struct");
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("abort: the executor is null", "HY009");
        }
        if (!closed) {
            closed = true;
            executor.execute(this::release);
        }
    }

    /**
     * A reply that takes longer than {@code milliseconds} closes the connection (0: no limit). The executor is not
     * needed: the waiting thread notices.
     */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (milliseconds < 0) {
            throw new SQLException("the network timeout must be 0 or more milliseconds: " + milliseconds, "HY024");
        }
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(q)) {
            return iface.cast(q);
        }
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("a q4j connection is not a " + iface.getName() + " (it unwraps to "
                + QConnection.class.getName() + ")", "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(q) || iface.isInstance(this);
    }

    @Override
    public String toString() {
        return "QJdbcConnection[" + JdbcUrl.redact(url) + (closed ? ", closed" : "") + "]";
    }
}
