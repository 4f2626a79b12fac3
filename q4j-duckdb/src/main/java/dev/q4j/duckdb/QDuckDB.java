package dev.q4j.duckdb;

import dev.q4j.arrow.ArrowOptions;
import dev.q4j.arrow.QArrow;
import dev.q4j.arrow.QArrowException;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * SQL over q tables, with an in-process DuckDB: q tables go to DuckDB through Arrow's C stream interface (no rows
 * copied one by one), and query results come back as q tables, which a q4j client can publish to kdb+.
 *
 * <pre>{@code
 * QTable trades = (QTable) q.query("select from trade");
 * try (QDuckDB db = QDuckDB.inMemory()) {
 *     db.register("trade", trades);
 *     QTable avg = db.query("SELECT sym, avg(price) AS price FROM trade GROUP BY sym ORDER BY sym");
 *     q.send(".u.upd", "avgs", avg);
 *     db.copyToParquet("SELECT * FROM trade", Path.of("trade.parquet"));
 * }
 * }</pre>
 *
 * <p><b>Registered tables.</b> DuckDB reads an Arrow C stream once: the first scan consumes it. A table given to
 * {@link #register} is therefore kept (q tables are immutable) and handed to DuckDB as a fresh stream before each
 * statement run through {@link #query} and {@link #execute}, so it can be queried any number of times; each query
 * converts it to Arrow again, batch by batch as DuckDB reads. A statement that scans the same registered table
 * twice (a self-join) fails: {@link #materialize} it first. {@link #materialize} copies a table into DuckDB's own
 * storage once (a DuckDB table), after which queries read DuckDB's copy, also through {@link #connection()}.
 *
 * <p><b>Types.</b> q columns reach DuckDB as {@link QArrow} maps them (symbols as dictionary-encoded VARCHAR,
 * timestamps as TIMESTAMP_NS WITH TIME ZONE, guids as UUID, ...); results come back through the same mapping read
 * the other way (see {@link #query(String)}). Where DuckDB holds less than q, its limit applies: a timespan becomes
 * an INTERVAL, which DuckDB keeps to the microsecond (and Parquet to the millisecond), so
 * {@code 0D01:02:03.123456789} is {@code 01:02:03.123456} in SQL; a timestamp keeps its nanoseconds.
 *
 * <p><b>Platforms.</b> DuckDB's JDBC driver carries its native library for Linux (x86-64, arm64), macOS (arm64)
 * and Windows (x86-64). Elsewhere the factories throw a {@link QDuckDBException} naming the platform; the rest of
 * q4j does not need DuckDB. On Java 17, as for {@link QArrow}, the JVM needs
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}.
 *
 * <p>One {@code QDuckDB} runs one statement at a time (its methods are synchronized); use one per thread for
 * parallel queries.
 */
public final class QDuckDB implements AutoCloseable {
    /** What SQL's text columns (VARCHAR) become in q. */
    public enum Text {
        /**
         * symbols: what q uses for names, keys and categories (group-by keys come back as {@code `IBM}); the
         * default
         */
        SYMBOL,
        /** strings: a general list of char vectors, for free text */
        STRING
    }

    private final Connection jdbc;
    private final DuckDBConnection duckdb;
    private final boolean ownsConnection;
    private final ArrowOptions options;
    private final BufferAllocator allocator = new RootAllocator();
    /** tables handed to DuckDB as C streams, by name: exported afresh before each statement */
    private final Map<String, List<? extends QValue>> streams = new LinkedHashMap<>();
    /** registered tables whose stream no statement has run against yet */
    private final java.util.Set<String> fresh = new java.util.HashSet<>();
    private int temporaries;
    private boolean closed;

    private QDuckDB(Connection jdbc, boolean ownsConnection, ArrowOptions options) throws SQLException {
        this.jdbc = jdbc;
        this.duckdb = jdbc.unwrap(DuckDBConnection.class);
        this.ownsConnection = ownsConnection;
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Opens a new in-memory DuckDB database.
     *
     * <pre>{@code
     * try (QDuckDB db = QDuckDB.inMemory()) { ... }
     * }</pre>
     *
     * @return the database, to be closed
     * @throws QDuckDBException when DuckDB cannot be started, e.g. its native library is not available here
     */
    public static QDuckDB inMemory() {
        return open("jdbc:duckdb:", ArrowOptions.defaults());
    }

    /**
     * Opens (or creates) a DuckDB database file.
     *
     * <pre>{@code
     * try (QDuckDB db = QDuckDB.open(Path.of("analytics.duckdb"), ArrowOptions.defaults())) { ... }
     * }</pre>
     *
     * @param database the database file
     * @param options how q tables become Arrow (nulls, mixed lists, batch size)
     * @return the database, to be closed
     * @throws QDuckDBException when DuckDB cannot be started or cannot open the file
     */
    public static QDuckDB open(Path database, ArrowOptions options) {
        return open("jdbc:duckdb:" + database.toAbsolutePath(), options);
    }

    /**
     * Uses a DuckDB connection the caller opened (and closes): {@link #close()} leaves it open.
     *
     * <pre>{@code
     * Connection c = DriverManager.getConnection("jdbc:duckdb:");
     * QDuckDB db = QDuckDB.wrap(c, ArrowOptions.defaults());
     * }</pre>
     *
     * @param duckdb a connection of DuckDB's JDBC driver
     * @param options how q tables become Arrow
     * @return a view of the connection
     * @throws QDuckDBException when the connection is not DuckDB's
     */
    public static QDuckDB wrap(Connection duckdb, ArrowOptions options) {
        try {
            return new QDuckDB(duckdb, false, options);
        } catch (SQLException e) {
            throw new QDuckDBException("not a DuckDB connection: " + duckdb.getClass().getName(), e);
        }
    }

    private static QDuckDB open(String url, ArrowOptions options) {
        Connection c;
        try {
            c = DriverManager.getConnection(url);
        } catch (SQLException e) {
            throw new QDuckDBException("DuckDB could not open " + url + ": " + e.getMessage(), e);
        } catch (LinkageError | RuntimeException e) {
            throw unavailable(e);
        }
        try {
            return new QDuckDB(c, true, options);
        } catch (SQLException e) {
            closeQuietly(c, e);
            throw new QDuckDBException("not a DuckDB connection: " + c.getClass().getName(), e);
        }
    }

    /** DuckDB's driver loads its native library on first use: where there is none, say so plainly. */
    static QDuckDBException unavailable(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new QDuckDBException("DuckDB is not available here (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "): its native library could not be loaded (" + root
                + "). The rest of q4j works without it.", e);
    }

    /**
     * Makes a q table visible to SQL under {@code name}, as a view over an Arrow C stream: nothing is copied now;
     * each statement that reads it converts it afresh (see the class comment). Replaces an earlier table or view of
     * that name.
     *
     * <pre>{@code
     * db.register("trade", trades);
     * db.query("SELECT count(*) FROM trade");
     * }</pre>
     *
     * @param name the table's name in SQL
     * @param table a {@code QTable} or {@code QKeyedTable} (key columns first)
     * @return this
     * @throws dev.q4j.arrow.QArrowException when a column cannot be converted, naming it
     * @throws QDuckDBException when DuckDB refuses the name
     */
    public QDuckDB register(String name, QValue table) {
        return register(name, List.of(table));
    }

    /**
     * Makes a sequence of q tables of the same columns visible to SQL as one table under {@code name}: each is one
     * or more record batches of the stream (see {@link #register(String, QValue)}).
     *
     * <pre>{@code
     * db.register("trade", List.of(monday, tuesday));
     * }</pre>
     *
     * @param name the table's name in SQL
     * @param tables the tables, at least one, all of the first one's columns and types
     * @return this
     * @throws dev.q4j.arrow.QArrowException when a column cannot be converted, naming it
     * @throws QDuckDBException when DuckDB refuses the name
     */
    public synchronized QDuckDB register(String name, List<? extends QValue> tables) {
        checkOpen();
        Objects.requireNonNull(name, "name");
        List<? extends QValue> copy = List.copyOf(tables);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no table to register as " + name);
        }
        export(name, copy);
        streams.put(name, copy);
        fresh.add(name);
        return this;
    }

    /**
     * Copies a q table into DuckDB's storage as a DuckDB table {@code name} (replacing one of that name): converted
     * once, then read by any number of statements, also through {@link #connection()}.
     *
     * <pre>{@code
     * db.materialize("trade", trades);
     * }</pre>
     *
     * @param name the table's name in SQL
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @return this
     * @throws dev.q4j.arrow.QArrowException when a column cannot be converted, naming it
     * @throws QDuckDBException when DuckDB refuses the statement
     */
    public synchronized QDuckDB materialize(String name, QValue table) {
        checkOpen();
        if (streams.remove(name) != null) {
            // the view of the registered table would hide the new DuckDB table of the same name
            fresh.remove(name);
            dropView(name);
        }
        String source = temporary(table);
        try {
            run("CREATE OR REPLACE TABLE " + quote(name) + " AS SELECT * FROM " + quote(source));
        } finally {
            dropView(source);
        }
        return this;
    }

    /**
     * Forgets a table given to {@link #register}; its view is dropped.
     *
     * @param name the table's name in SQL
     * @throws QDuckDBException when no table of that name was registered
     */
    public synchronized void unregister(String name) {
        checkOpen();
        if (streams.remove(name) == null) {
            throw new QDuckDBException("no q table is registered as " + name + "; registered: " + streams.keySet());
        }
        fresh.remove(name);
        dropView(name);
    }

    /**
     * Runs a query and returns its result as a q table, text columns as symbols.
     *
     * <pre>{@code
     * QTable t = db.query("SELECT sym, max(price) AS high FROM trade GROUP BY sym");
     * }</pre>
     *
     * @param sql one SQL statement that returns rows
     * @return the rows, as {@link QArrow} maps Arrow's types back to q: BIGINT long, DOUBLE float, VARCHAR symbol,
     *     UUID guid, TIMESTAMP timestamp, DATE date, INTERVAL timespan (an interval of months is an error), a
     *     DECIMAL of scale 0 (DuckDB's {@code sum} of integers) long, other DECIMALs float, lists nested lists
     * @throws QDuckDBException when DuckDB refuses the statement, naming it, or a result column has no q type
     *     (naming the column: cast it in SQL)
     */
    public QTable query(String sql) {
        return query(sql, Text.SYMBOL);
    }

    /**
     * Runs a query and returns its result as a q table.
     *
     * <pre>{@code
     * QTable notes = db.query("SELECT id, comment FROM tickets", QDuckDB.Text.STRING);
     * }</pre>
     *
     * @param sql one SQL statement that returns rows
     * @param text what its text (VARCHAR) columns become
     * @return the rows (see {@link #query(String)})
     * @throws QDuckDBException when DuckDB refuses the statement, naming it, or a result column has no q type
     *     (naming the column: cast it in SQL)
     */
    public synchronized QTable query(String sql, Text text) {
        checkOpen();
        refreshStreams();
        try (Statement statement = jdbc.createStatement();
             ResultSet rows = statement.executeQuery(sql);
             ArrowReader reader = (ArrowReader) rows.unwrap(DuckDBResultSet.class)
                     .arrowExportStream(allocator, options.batchRows())) {
            ResultSetMetaData meta = rows.getMetaData();
            Schema schema = reader.getVectorSchemaRoot().getSchema();
            QValue result;
            try {
                result = QArrow.read(reader);
            } catch (QArrowException e) {
                throw new QDuckDBException("the result of " + sql + " has no q form: " + e.getMessage()
                        + " (cast the column in SQL)", e);
            } catch (IllegalArgumentException e) {
                // the table's own checks: two columns of one name
                throw new QDuckDBException("the result of " + sql + " cannot be a q table: " + e.getMessage()
                        + " (name the columns apart with AS)", e);
            }
            QTable table = result instanceof QKeyedTable keyed ? keyed.unkeyed() : (QTable) result;
            return retyped(table, schema, meta, text);
        } catch (SQLException e) {
            throw failed(sql, e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new QDuckDBException("reading the result of " + sql + " failed: " + e.getMessage(), e);
        } finally {
            fresh.clear();   // the statement may have read the registered streams
        }
    }

    /**
     * Runs a statement that returns no rows (DDL, INSERT, COPY, SET, ...).
     *
     * <pre>{@code
     * db.execute("CREATE TABLE big AS SELECT * FROM trade WHERE size > 1000");
     * }</pre>
     *
     * @param sql one SQL statement
     * @return the number of rows it changed, where DuckDB tells, else 0
     * @throws QDuckDBException when DuckDB refuses the statement, naming it
     */
    public synchronized long execute(String sql) {
        checkOpen();
        refreshStreams();
        try {
            return run(sql);
        } finally {
            fresh.clear();
        }
    }

    /**
     * Writes the result of a query to a Parquet file (DuckDB's {@code COPY ... TO ... (FORMAT parquet)}).
     *
     * <pre>{@code
     * db.copyToParquet("SELECT * FROM trade WHERE sym = 'IBM'", Path.of("ibm.parquet"));
     * }</pre>
     *
     * @param sql a query
     * @param file the Parquet file, replaced if it exists
     * @throws QDuckDBException when DuckDB refuses the query or cannot write the file
     */
    public synchronized void copyToParquet(String sql, Path file) {
        checkOpen();
        refreshStreams();
        try {
            run("COPY (" + sql + ") TO " + literal(file.toAbsolutePath().toString()) + " (FORMAT parquet)");
        } finally {
            fresh.clear();
        }
    }

    /**
     * Writes a q table to a Parquet file, through an in-memory DuckDB.
     *
     * <pre>{@code
     * QDuckDB.writeParquet(trades, Path.of("trade.parquet"));
     * }</pre>
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param file the Parquet file, replaced if it exists
     * @throws QDuckDBException when DuckDB is not available or cannot write the file
     * @throws dev.q4j.arrow.QArrowException when a column cannot be converted, naming it
     */
    public static void writeParquet(QValue table, Path file) {
        try (QDuckDB db = inMemory()) {
            String source = db.temporary(table);
            db.run("COPY (SELECT * FROM " + quote(source) + ") TO " + literal(file.toAbsolutePath().toString())
                    + " (FORMAT parquet)");
        }
    }

    /**
     * {@return the DuckDB connection underneath, for anything this class does not do; tables given to {@link #register}
     * are visible there only until the next statement reads them (use {@link #materialize})}
     */
    public Connection connection() {
        return jdbc;
    }

    /** Drops the registered views, closes the connection if this opened it, and frees the Arrow memory. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (ownsConnection) {
                jdbc.close();   // DuckDB releases every stream still registered
            } else {
                for (String name : streams.keySet()) {
                    dropView(name);
                }
            }
        } catch (SQLException e) {
            throw new QDuckDBException("closing DuckDB failed: " + e.getMessage(), e);
        } finally {
            streams.clear();
            allocator.close();
        }
    }

    // ---------------------------------------------------------------- internals

    /** Hands DuckDB a fresh stream of every registered table that a statement since its export may have read. */
    private void refreshStreams() {
        for (Map.Entry<String, List<? extends QValue>> e : streams.entrySet()) {
            if (!fresh.contains(e.getKey())) {
                export(e.getKey(), e.getValue());
            }
        }
    }

    private void export(String name, List<? extends QValue> tables) {
        ArrowReader reader = QArrow.reader(allocator, tables, options);
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            // from here the stream owns the reader: DuckDB releases it when it has read it, or replaces the view
            Data.exportArrayStream(allocator, reader, stream);
            duckdb.registerArrowStream(name, stream);
        } catch (RuntimeException e) {
            closeQuietly(reader, e);
            throw e;
        }
    }

    private String temporary(QValue table) {
        String name = "__q4j_" + (++temporaries);
        export(name, List.of(table));
        return name;
    }

    private void dropView(String name) {
        run("DROP VIEW IF EXISTS " + quote(name));
    }

    private long run(String sql) {
        try (Statement statement = jdbc.createStatement()) {
            statement.execute(sql);
            long count = statement.getLargeUpdateCount();
            return Math.max(count, 0);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static QDuckDBException failed(String sql, SQLException e) {
        String m = e.getMessage();
        if (m != null && m.contains("stream has been released")) {
            // DuckDB reads an Arrow C stream once: a statement that reads a registered table twice finds it spent
            return new QDuckDBException("the statement reads a registered q table more than once (a self-join, a "
                    + "subquery over it), and DuckDB reads a registered table's Arrow stream once: materialize() "
                    + "the table first (in: " + sql + ")", e);
        }
        return new QDuckDBException(m + " (in: " + sql + ")", e);
    }

    /**
     * DuckDB's UUID columns (which it exports as text) as guids, and its VARCHAR columns (plain Utf8, which QArrow
     * reads as strings) as symbols when asked.
     */
    private static QTable retyped(QTable table, Schema schema, ResultSetMetaData meta, Text text) throws SQLException {
        List<Field> fields = schema.getFields();
        List<QValue> columns = new java.util.ArrayList<>(table.columns());
        boolean changed = false;
        for (int c = 0; c < fields.size(); c++) {
            Field f = fields.get(c);
            ArrowType.ArrowTypeID id = f.getType().getTypeID();
            boolean plainText = (id == ArrowType.ArrowTypeID.Utf8 || id == ArrowType.ArrowTypeID.LargeUtf8
                    || id == ArrowType.ArrowTypeID.Utf8View) && f.getDictionary() == null
                    && !f.getMetadata().containsKey(QArrow.TYPE);
            if (!plainText || !(columns.get(c) instanceof QList strings)) {
                continue;
            }
            if ("UUID".equalsIgnoreCase(meta.getColumnTypeName(c + 1))) {
                columns.set(c, guids(f.getName(), strings));
                changed = true;
            } else if (text == Text.SYMBOL) {
                columns.set(c, symbols(f.getName(), strings));
                changed = true;
            }
        }
        return changed ? QTable.of(table.columnNames(), columns) : table;
    }

    private static QSymbolVector symbols(String column, QList strings) {
        String[] symbols = new String[strings.count()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = ((QCharVector) strings.at(i)).asString();
        }
        try {
            return QSymbolVector.wrap(symbols);
        } catch (IllegalArgumentException e) {
            throw new QDuckDBException("column " + column + ": " + e.getMessage()
                    + "; query with QDuckDB.Text.STRING to get strings", e);
        }
    }

    /** A UUID column, which DuckDB exports as text: SQL NULL (an empty string here) is 0Ng. */
    private static QGuidVector guids(String column, QList strings) {
        UUID[] guids = new UUID[strings.count()];
        for (int i = 0; i < guids.length; i++) {
            String t = ((QCharVector) strings.at(i)).asString();
            try {
                guids[i] = t.isEmpty() ? new UUID(0, 0) : UUID.fromString(t);
            } catch (IllegalArgumentException e) {
                throw new QDuckDBException("column " + column + ", row " + i + ": DuckDB's UUID '" + t
                        + "' is not a UUID", e);
            }
        }
        return QGuidVector.wrap(guids);
    }


    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this QDuckDB is closed");
        }
    }

    /** {@return a SQL identifier: any name, in double quotes} */
    static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@return a SQL string literal} */
    static String literal(String text) {
        return '\'' + text.replace("'", "''") + '\'';
    }

    private static void closeQuietly(AutoCloseable c, Throwable failure) {
        try {
            c.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
