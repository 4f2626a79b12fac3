package dev.q4j.jdbc;

import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A statement: its text is q, sent as a string for kdb+ to evaluate; {@code q)} before it says so explicitly, and
 * {@code s)} sends the rest to kdb+'s SQL, as {@code .s.e["..."]} (which needs kdb+'s SQL support, {@code s.k},
 * loaded on the server). Every result is read whole; {@link #setMaxRows} also cuts it on the server.
 */
class QStatement extends JdbcWrapper implements Statement {
    /**
     * What {@link #setMaxRows} sends around a request {@code m} (a string to evaluate, or a list to apply): the
     * first {@code n} rows of a table, keyed table, dictionary or list; anything else (an atom, a string) whole.
     */
    static final String MAX_ROWS = "{[n;m] r:value m; t:type r; $[(t in 98 99h)|(t within 0 19h)&t<>10h; "
            + "n sublist r; r]}";

    final QJdbcConnection connection;
    private volatile CompletableFuture<QValue> running;
    /** a statement is between sending its request and its reply (or failure) */
    private volatile boolean executing;
    /** {@link #cancel()} was called while {@link #executing} */
    private volatile boolean cancelRequested;
    private volatile boolean closed;
    private QResultSet resultSet;
    private int updateCount = -1;
    private int maxRows;
    private int fetchSize;
    private int queryTimeout;
    private int maxFieldSize;
    private boolean poolable;
    private boolean closeOnCompletion;
    private final List<String> batch = new ArrayList<>();

    QStatement(QJdbcConnection connection) {
        super("a q4j statement");
        this.connection = connection;
        this.queryTimeout = connection.defaultQueryTimeout();
        this.fetchSize = connection.defaultFetchSize();
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the statement is closed", "HY010");
        }
        connection.checkOpen();
    }

    /**
     * {@return the request that runs {@code text}: a string, or {@code (".s.e"; sql)} for {@code s)} and, on a
     * connection whose {@code language} is {@code sql}, for text without a prefix}
     */
    final QValue message(String text) throws SQLException {
        if (text == null) {
            throw new SQLException("the statement's text is null", "42000");
        }
        String t = text.stripLeading();
        if (t.startsWith("s)")) {
            return sql(t.substring(2));
        }
        if (t.startsWith("q)")) {
            return QCharVector.of(t.substring(2));
        }
        return connection.sqlByDefault() ? sql(text) : QCharVector.of(text);
    }

    private static QValue sql(String text) {
        return QList.of(QCharVector.of(".s.e"), QCharVector.of(text));
    }

    /** {@return the reply to {@code message}, the result set of the statement closed first} */
    final QValue run(QValue message) throws SQLException {
        checkOpen();
        closeResultSet();
        updateCount = -1;
        QValue request = maxRows > 0 ? QList.of(QCharVector.of(MAX_ROWS), QLong.of(maxRows), message) : message;
        cancelRequested = false;
        executing = true;
        try {
            return connection.run(request, queryTimeout, this::running);
        } finally {
            executing = false;
        }
    }

    /**
     * Keeps the reply being waited for, for {@link #cancel()} and {@link #close()}; a close or cancel that came
     * between the request's sending and this cancels it here (they set {@code closed} or {@code cancelRequested}
     * before they read {@code running}, and this reads them after setting {@code running}: one side sees the other).
     */
    private void running(CompletableFuture<QValue> f) {
        running = f;
        if (f != null && (closed || cancelRequested)) {
            f.cancel(false);
        }
    }

    /** Makes {@code result} this statement's result; {@return whether it is a result set} */
    final boolean result(QValue result) {
        if (result instanceof QUnaryPrimitive p && p.isGenericNull()) {
            updateCount = 0;
            return false;
        }
        resultSet = new QResultSet(this, QResultSet.columnsOf(result), maxRows);
        return true;
    }

    final ResultSet queryResult(QValue result, String text) throws SQLException {
        if (!result(result)) {
            throw new SQLException("the statement returned no value (::), so no result set: use execute or "
                    + "executeUpdate for " + text, "02000");
        }
        return resultSet;
    }

    private void closeResultSet() {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
    }

    /** Called by a result set as it closes: {@link #closeOnCompletion()} applies. */
    void resultSetClosed(QResultSet rs) {
        if (closeOnCompletion && rs == resultSet) {
            close();
        }
    }

    @Override
    public ResultSet executeQuery(String text) throws SQLException {
        return queryResult(run(message(text)), text);
    }

    /** Runs the statement; any result is dropped. {@return 0: q has no update counts} */
    @Override
    public int executeUpdate(String text) throws SQLException {
        run(message(text));
        updateCount = 0;
        return 0;
    }

    @Override
    public boolean execute(String text) throws SQLException {
        return result(run(message(text)));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<QValue> f = running;
        if (f != null) {
            // a thread still waiting for this statement's reply stops waiting (SQLState 57014)
            f.cancel(false);
        }
        closeResultSet();
        connection.forget(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return maxFieldSize;
    }

    /** Accepted and kept; q values are not cut to it. */
    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("the maximum field size must be 0 or more: " + max, "HY024");
        }
        maxFieldSize = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw new SQLException("the maximum number of rows must be 0 or more: " + max, "HY024");
        }
        maxRows = max;
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        return getMaxRows();
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        setMaxRows((int) Math.min(Integer.MAX_VALUE, max));
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw new SQLException("the query timeout must be 0 or more seconds: " + seconds, "HY024");
        }
        queryTimeout = seconds;
    }

    /**
     * Stops waiting for the running statement's reply: the waiting call throws (SQLState 57014). kdb+ cannot be
     * told to stop; its reply is read and dropped when it comes, and the connection stays usable.
     */
    @Override
    public void cancel() throws SQLException {
        checkOpen();
        if (executing) {
            cancelRequested = true;
        }
        CompletableFuture<QValue> f = running;
        if (f != null) {
            f.cancel(false);
        }
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
    public void setCursorName(String name) throws SQLException {
        throw Column.unsupported("named cursors");
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        checkOpen();
        if (current != KEEP_CURRENT_RESULT) {
            closeResultSet();
        }
        resultSet = null;
        updateCount = -1;
        return false;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
                && direction != ResultSet.FETCH_UNKNOWN) {
            throw new SQLException("not a fetch direction: " + direction, "HY024");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    /** Accepted and kept: kdb+ sends a result whole, in one message. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw new SQLException("the fetch size must be 0 or more: " + rows, "HY024");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public void addBatch(String text) throws SQLException {
        checkOpen();
        message(text);
        batch.add(text);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /** Runs the batch's statements in order, one request each. {@return {@link #SUCCESS_NO_INFO} for each} */
    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        List<String> texts = List.copyOf(batch);
        batch.clear();
        int[] counts = new int[texts.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                run(message(texts.get(i)));
            } catch (SQLException e) {
                int[] done = java.util.Arrays.copyOf(counts, i);
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), 0, done, e);
            }
            counts[i] = SUCCESS_NO_INFO;
        }
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    /** {@return an empty result set: kdb+ generates no keys} */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        return new QResultSet(this, List.of(), 0);
    }

    @Override
    public int executeUpdate(String text, int autoGeneratedKeys) throws SQLException {
        noKeys(autoGeneratedKeys);
        return executeUpdate(text);
    }

    @Override
    public int executeUpdate(String text, int[] columnIndexes) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    @Override
    public int executeUpdate(String text, String[] columnNames) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    @Override
    public boolean execute(String text, int autoGeneratedKeys) throws SQLException {
        noKeys(autoGeneratedKeys);
        return execute(text);
    }

    @Override
    public boolean execute(String text, int[] columnIndexes) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    @Override
    public boolean execute(String text, String[] columnNames) throws SQLException {
        throw Column.unsupported("generated keys");
    }

    private static void noKeys(int autoGeneratedKeys) throws SQLException {
        if (autoGeneratedKeys != NO_GENERATED_KEYS) {
            throw Column.unsupported("generated keys");
        }
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }
}
