package dev.q4j.jdbc;

import dev.q4j.value.Q;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QReal;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: its text is a q function (a lambda {@code {[s;d] select from trade where sym=s, date=d}},
 * a name {@code .api.trades}, or any q expression giving a function) and its parameters, set by position with the
 * {@code setXxx} methods (the text has no {@code ?}), are the function's arguments: the request is the list
 * {@code (text; arg1; arg2; ...)}, which kdb+ applies. Values travel as q values, never spliced into the text.
 * With no parameter set, the text runs as {@link QStatement} runs it (call a function of no arguments as
 * {@code f[]}).
 */
final class QPreparedStatement extends QStatement implements PreparedStatement {
    private final String text;
    private final List<QValue> parameters = new ArrayList<>();
    private final List<List<QValue>> batch = new ArrayList<>();

    QPreparedStatement(QJdbcConnection connection, String text) {
        super(connection);
        this.text = text;
    }

    /** {@return the request: the text alone, or the text applied to the parameters} */
    private QValue request() throws SQLException {
        return request(parameters);
    }

    private QValue request(List<QValue> args) throws SQLException {
        if (args.isEmpty()) {
            return message(text);
        }
        String t = text.stripLeading();
        if (t.startsWith("s)") || connection.sqlByDefault() && !t.startsWith("q)")) {
            throw new SQLException("parameters are for a q function: kdb+'s SQL (s), or language=sql without q)) "
                    + "takes none", "07001");
        }
        List<QValue> items = new ArrayList<>(args.size() + 1);
        items.add(QCharVector.of(t.startsWith("q)") ? t.substring(2) : text));
        for (int i = 0; i < args.size(); i++) {
            QValue v = args.get(i);
            if (v == null) {
                throw new SQLException("parameter " + (i + 1) + " is not set (parameters 1.." + args.size()
                        + " are the function's arguments)", "07001");
            }
            items.add(v);
        }
        return QList.of(items);
    }

    private void set(int index, QValue value) throws SQLException {
        checkOpen();
        if (index < 1) {
            throw new SQLException("parameter indexes start at 1: " + index, "07009");
        }
        while (parameters.size() < index) {
            parameters.add(null);
        }
        parameters.set(index - 1, value);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return queryResult(run(request()), text);
    }

    /** Runs the function; its result is dropped. {@return 0: q has no update counts} */
    @Override
    public int executeUpdate() throws SQLException {
        run(request());
        return 0;
    }

    @Override
    public boolean execute() throws SQLException {
        return result(run(request()));
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw notHere();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw notHere();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw notHere();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw notHere();
    }

    private static SQLException notHere() {
        return new SQLException("a PreparedStatement runs its own text: use execute(), executeQuery() or "
                + "executeUpdate() without an argument", "HY000");
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        request();
        batch.add(new ArrayList<>(parameters));
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    /** Calls the function once per parameter set added, in order. {@return {@link #SUCCESS_NO_INFO} for each} */
    @Override
    public int[] executeBatch() throws SQLException {
        checkOpen();
        List<List<QValue>> sets = List.copyOf(batch);
        batch.clear();
        int[] counts = new int[sets.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                run(request(sets.get(i)));
            } catch (SQLException e) {
                throw new java.sql.BatchUpdateException(e.getMessage(), e.getSQLState(), 0,
                        Arrays.copyOf(counts, i), e);
            }
            counts[i] = SUCCESS_NO_INFO;
        }
        return counts;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        parameters.clear();
    }

    /** A q null of the type {@code sqlType} names: {@code 0N}, {@code 0Ni}, {@code 0n}, {@code `}, ... */
    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, nullOf(sqlType));
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        setNull(index, sqlType);
    }

    static QValue nullOf(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> QLong.NULL;
            case Types.INTEGER -> QInt.NULL;
            case Types.SMALLINT -> QShort.NULL;
            case Types.DOUBLE, Types.FLOAT, Types.DECIMAL, Types.NUMERIC -> QFloat.NULL;
            case Types.REAL -> QReal.NULL;
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR -> QSymbol.of("");
            case Types.LONGVARCHAR, Types.LONGNVARCHAR -> QCharVector.of("");
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> QTimestamp.NULL;
            case Types.DATE -> QDate.NULL;
            case Types.TIME, Types.TIME_WITH_TIMEZONE -> QTime.NULL;
            case Types.OTHER -> QGuid.NULL;
            default -> QUnaryPrimitive.IDENTITY;
        };
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, QBoolean.of(x));
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, QByte.of(x));
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, QShort.of(x));
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, QInt.of(x));
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, QLong.of(x));
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, QReal.of(x));
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, QFloat.of(x));
    }

    /** A whole number that fits is a long; any other a float (q has no decimals). */
    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, x == null ? QFloat.NULL : decimal(x));
    }

    private static QValue decimal(BigDecimal x) {
        try {
            return QLong.of(x.longValueExact());
        } catch (ArithmeticException notWhole) {
            return QFloat.of(x.doubleValue());
        }
    }

    /** A symbol ({@code `IBM}), as q compares {@code sym=s}; a q string is {@code setObject(i, s, LONGVARCHAR)}. */
    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, QSymbol.of(x == null ? "" : x));
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        setString(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, x == null ? QByteVector.EMPTY : QByteVector.of(x));
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        set(index, x == null ? QDate.NULL : QDate.of(x.toLocalDate()));
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        set(index, x == null ? QTime.NULL : QTime.of(localTime(x)));
    }

    /** {@return the time of day with its milliseconds, which {@link Time#toLocalTime()} drops} */
    private static LocalTime localTime(Time x) {
        return x.toLocalTime().withNano((int) Math.floorMod(x.getTime(), 1000L) * 1_000_000);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        set(index, x == null ? QTimestamp.NULL : timestamp(x));
    }

    private static QValue timestamp(Timestamp x) throws SQLException {
        try {
            return QTimestamp.of(x.toLocalDateTime());
        } catch (java.time.DateTimeException e) {
            throw new SQLException(x + " is not a q timestamp: " + e.getMessage(), "22008", e);
        }
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        setDate(index, x);
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        setTime(index, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        setTimestamp(index, x);
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        setObject(index, x);
    }

    /** {@code LONGVARCHAR} makes a {@code String} a q string (a char vector); otherwise as {@link #setObject}. */
    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        if (x == null) {
            setNull(index, targetSqlType);
        } else if (x instanceof String s && (targetSqlType == Types.LONGVARCHAR
                || targetSqlType == Types.LONGNVARCHAR)) {
            set(index, QCharVector.of(s));
        } else {
            setObject(index, x);
        }
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, targetSqlType);
    }

    /**
     * Converts {@code x} to a q value: a {@link QValue} as it is; java.sql's dates and times, {@code BigDecimal},
     * {@code OffsetDateTime} and {@code ZonedDateTime} (their instant) as their setters do; a {@code java.sql.Array}
     * from {@link java.sql.Connection#createArrayOf} or a result as its vector; anything else as
     * {@link Q#of(Object)} converts it ({@code String} a symbol, {@code long[]} a long vector, {@code List} a vector
     * or list, java.time types their q types, {@code UUID} a guid); {@code null} is q's {@code ::}.
     */
    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, toQ(x));
    }

    private static QValue toQ(Object x) throws SQLException {
        if (x == null) {
            return QUnaryPrimitive.IDENTITY;
        }
        if (x instanceof Timestamp t) {
            return timestamp(t);
        }
        if (x instanceof Date d) {
            return QDate.of(d.toLocalDate());
        }
        if (x instanceof Time t) {
            return QTime.of(localTime(t));
        }
        if (x instanceof BigDecimal d) {
            return decimal(d);
        }
        if (x instanceof BigInteger i) {
            return decimal(new BigDecimal(i));
        }
        if (x instanceof QArray a) {
            return a.vector();
        }
        if (x instanceof Array a) {
            return toQ(a.getArray());
        }
        try {
            if (x instanceof OffsetDateTime t) {
                return QTimestamp.of(t.toInstant());
            }
            if (x instanceof ZonedDateTime t) {
                return QTimestamp.of(t.toInstant());
            }
            return Q.of(x);
        } catch (RuntimeException e) {
            throw new SQLException("cannot send a " + x.getClass().getName() + " as a q value: " + e.getMessage(),
                    "22023", e);
        }
    }

    /** {@return null: the columns are known only once the function has run} */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        throw Column.unsupported("parameter metadata (the function's arguments are not declared)");
    }

    // ---------------------------------------------------------------- not supported: streams, LOBs

    @Override
    public void setAsciiStream(int a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setUnicodeStream");
    }

    @Override
    public void setBinaryStream(int a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setCharacterStream(int a, Reader b, int c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setRef(int a, Ref b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setRef");
    }

    @Override
    public void setBlob(int a, Blob b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setClob(int a, Clob b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setURL(int a, URL b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setURL");
    }

    @Override
    public void setRowId(int a, RowId b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setRowId");
    }

    @Override
    public void setNCharacterStream(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setNClob(int a, NClob b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setNClob");
    }

    @Override
    public void setClob(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setBlob(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setNClob(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setNClob");
    }

    @Override
    public void setSQLXML(int a, SQLXML b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setSQLXML");
    }

    @Override
    public void setAsciiStream(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setBinaryStream(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setCharacterStream(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setAsciiStream(int a, InputStream b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setAsciiStream");
    }

    @Override
    public void setBinaryStream(int a, InputStream b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBinaryStream");
    }

    @Override
    public void setCharacterStream(int a, Reader b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setCharacterStream");
    }

    @Override
    public void setNCharacterStream(int a, Reader b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setNCharacterStream");
    }

    @Override
    public void setClob(int a, Reader b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setClob");
    }

    @Override
    public void setBlob(int a, InputStream b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setBlob");
    }

    @Override
    public void setNClob(int a, Reader b) throws SQLException {
        throw Column.unsupported("PreparedStatement.setNClob");
    }
}
