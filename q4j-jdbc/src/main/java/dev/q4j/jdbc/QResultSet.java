package dev.q4j.jdbc;

import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A q value as rows and columns, held in memory whole (q replies with all of it at once): scrollable, read-only.
 * A table's columns are its columns; a keyed table's key columns come first; a dictionary is a {@code key} and a
 * {@code value} column; a vector or list is one column {@code x}; an atom or a string is one row of one column
 * {@code x}. Typed getters read the vectors' primitive items; {@link #wasNull()} is true after reading a q null.
 */
final class QResultSet extends JdbcWrapper implements ResultSet {
    private final Statement statement;
    private final List<Column> columns;
    /** the columns, for the getters: an array read is the cheapest */
    private final Column[] cells;
    private final int rows;
    private final Map<String, Integer> byLabel = new HashMap<>();
    private int row = -1;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    QResultSet(Statement statement, List<Column> columns, int maxRows) {
        super("a q4j result set");
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.cells = this.columns.toArray(Column[]::new);
        int n = columns.isEmpty() ? 0 : columns.get(0).count();
        this.rows = maxRows > 0 ? Math.min(n, maxRows) : n;
        for (int i = columns.size() - 1; i >= 0; i--) {
            byLabel.put(columns.get(i).name, i + 1);
            byLabel.putIfAbsent(columns.get(i).name.toLowerCase(Locale.ROOT), i + 1);
        }
    }

    /** {@return the columns of {@code value}: its shape as this class's documentation says} */
    static List<Column> columnsOf(QValue value) {
        List<Column> out = new ArrayList<>();
        if (value instanceof QKeyedTable k) {
            addTable(out, k.keys());
            addTable(out, k.values());
        } else if (value instanceof QTable t) {
            addTable(out, t);
        } else if (value instanceof QDict d && d.keys() instanceof QSequence keys
                && d.values() instanceof QSequence values && keys.count() == values.count()) {
            out.add(Column.of("key", keys));
            out.add(Column.of("value", values));
        } else if (value instanceof QVector v && v.type() == QType.CHAR) {
            out.add(Column.single("x", value));
        } else if (value instanceof QSequence s) {
            out.add(Column.of("x", s));
        } else {
            out.add(Column.single("x", value));
        }
        return out;
    }

    private static void addTable(List<Column> out, QTable t) {
        List<String> names = t.columnNames();
        List<QSequence> cols = t.columns();
        for (int i = 0; i < names.size(); i++) {
            out.add(Column.of(names.get(i), cols.get(i)));
        }
    }

    List<Column> columns() {
        return columns;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("the result set is closed", "HY010");
        }
    }

    /** {@return the column at 1-based {@code index}, with the cursor on a row} */
    private Column cell(int index) throws SQLException {
        checkOpen();
        if (row < 0 || row >= rows) {
            throw new SQLException("the cursor is not on a row (" + (row < 0 ? "before the first" : "after the last")
                    + "): call next() first", "24000");
        }
        if (index < 1 || index > cells.length) {
            throw new SQLException("no column " + index + ": the result has " + cells.length, "07009");
        }
        return cells[index - 1];
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (row < rows) {
            row++;
        }
        return row < rows;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (statement instanceof QStatement s) {
                s.resultSetClosed(this);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public String getString(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.string(row);
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        Column c = cell(i);
        return !(wasNull = c.isNull(row)) && c.booleanValue(row);
    }

    @Override
    public byte getByte(int i) throws SQLException {
        Column c = cell(i);
        if (c instanceof Column.ByteColumn) {
            wasNull = false;
            return c.bytes(row)[0];
        }
        return (byte) narrow(c, getLong(i), Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) narrow(cell(i), getLong(i), Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public int getInt(int i) throws SQLException {
        return (int) narrow(cell(i), getLong(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private long narrow(Column c, long v, long min, long max) throws SQLException {
        if (v < min || v > max) {
            throw new SQLException("column " + c.name + " (q " + c.typeName() + "), row " + (row + 1) + ": " + v
                    + " is out of range " + min + ".." + max, "22003");
        }
        return v;
    }

    @Override
    public long getLong(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return 0;
        }
        return c.longValue(row);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return (float) getDouble(i);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return 0;
        }
        return c.doubleValue(row);
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.bigDecimal(row);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.bytes(row);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.date(row);
    }

    @Override
    public Time getTime(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.time(row);
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.timestamp(row);
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        Date d = getDate(i);
        return d == null || cal == null ? d : new Date(shift(d.getTime(), cal));
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        Time t = getTime(i);
        return t == null || cal == null ? t : new Time(shift(t.getTime(), cal));
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        Timestamp t = getTimestamp(i);
        if (t == null || cal == null) {
            return t;
        }
        int nanos = t.getNanos();
        Timestamp shifted = new Timestamp(shift(t.getTime(), cal));
        shifted.setNanos(nanos);
        return shifted;
    }

    /**
     * The value was made in this JVM's zone from a wall-clock time; read in {@code cal}'s zone instead: the same
     * wall-clock time there.
     */
    private static long shift(long millis, Calendar cal) {
        long local = millis + java.util.TimeZone.getDefault().getOffset(millis);
        return local - cal.getTimeZone().getOffset(local);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public Object getObject(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return c.object(row);
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("getObject: the class is null", "HY009");
        }
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            if (type.isPrimitive()) {
                throw new SQLException("column " + c.name + ", row " + (row + 1) + " is null, which a "
                        + type.getName() + " cannot hold", "22002");
            }
            return null;
        }
        return type.cast(c.as(row, type));
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public Array getArray(int i) throws SQLException {
        Column c = cell(i);
        if (wasNull = c.isNull(row)) {
            return null;
        }
        return (Array) c.as(row, Array.class);
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        Integer i = byLabel.get(label);
        if (i == null && label != null) {
            i = byLabel.get(label.toLowerCase(Locale.ROOT));
        }
        if (i == null) {
            throw new SQLException("no column '" + label + "' in the result (columns: "
                    + columns.stream().map(c -> c.name).toList() + ")", "42S22");
        }
        return i;
    }

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
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
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new QResultSetMetaData(columns);
    }

    // ---------------------------------------------------------------- cursor

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row < 0 && rows > 0;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return row >= rows && rows > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 0 && rows > 0;
    }

    @Override
    public boolean isLast() throws SQLException {
        checkOpen();
        return row == rows - 1 && rows > 0;
    }

    @Override
    public void beforeFirst() throws SQLException {
        checkOpen();
        row = -1;
    }

    @Override
    public void afterLast() throws SQLException {
        checkOpen();
        row = rows;
    }

    @Override
    public boolean first() throws SQLException {
        return absolute(1);
    }

    @Override
    public boolean last() throws SQLException {
        return absolute(-1);
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return row >= 0 && row < rows ? row + 1 : 0;
    }

    @Override
    public boolean absolute(int n) throws SQLException {
        checkOpen();
        long target = n > 0 ? n - 1L : n < 0 ? (long) rows + n : -1;
        row = (int) Math.max(-1, Math.min(rows, target));
        return row >= 0 && row < rows;
    }

    @Override
    public boolean relative(int n) throws SQLException {
        checkOpen();
        row = (int) Math.max(-1, Math.min(rows, (long) row + n));
        return row >= 0 && row < rows;
    }

    @Override
    public boolean previous() throws SQLException {
        checkOpen();
        if (row >= 0) {
            row--;
        }
        return row >= 0 && row < rows;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD && direction != FETCH_REVERSE && direction != FETCH_UNKNOWN) {
            throw new SQLException("not a fetch direction: " + direction, "HY024");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

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
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowInserted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        checkOpen();
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    // ---------------------------------------------------------------- not supported: read-only, no LOBs

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getUnicodeStream");
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Column.unsupported("ResultSet.getCursorName");
    }

    @Override
    public void updateNull(int a) throws SQLException {
        throw Column.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateBoolean(int a, boolean b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateByte(int a, byte b) throws SQLException {
        throw Column.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateShort(int a, short b) throws SQLException {
        throw Column.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateInt(int a, int b) throws SQLException {
        throw Column.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(int a, long b) throws SQLException {
        throw Column.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateFloat(int a, float b) throws SQLException {
        throw Column.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateDouble(int a, double b) throws SQLException {
        throw Column.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateBigDecimal(int a, BigDecimal b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateString(int a, String b) throws SQLException {
        throw Column.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateBytes(int a, byte[] b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateDate(int a, Date b) throws SQLException {
        throw Column.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateTime(int a, Time b) throws SQLException {
        throw Column.unsupported("ResultSet.updateTime");
    }

    @Override
    public void updateTimestamp(int a, Timestamp b) throws SQLException {
        throw Column.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateAsciiStream(int a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int a, Reader b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateObject(int a, Object b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(int a, Object b) throws SQLException {
        throw Column.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateNull(String a) throws SQLException {
        throw Column.unsupported("ResultSet.updateNull");
    }

    @Override
    public void updateBoolean(String a, boolean b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBoolean");
    }

    @Override
    public void updateByte(String a, byte b) throws SQLException {
        throw Column.unsupported("ResultSet.updateByte");
    }

    @Override
    public void updateShort(String a, short b) throws SQLException {
        throw Column.unsupported("ResultSet.updateShort");
    }

    @Override
    public void updateInt(String a, int b) throws SQLException {
        throw Column.unsupported("ResultSet.updateInt");
    }

    @Override
    public void updateLong(String a, long b) throws SQLException {
        throw Column.unsupported("ResultSet.updateLong");
    }

    @Override
    public void updateFloat(String a, float b) throws SQLException {
        throw Column.unsupported("ResultSet.updateFloat");
    }

    @Override
    public void updateDouble(String a, double b) throws SQLException {
        throw Column.unsupported("ResultSet.updateDouble");
    }

    @Override
    public void updateBigDecimal(String a, BigDecimal b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBigDecimal");
    }

    @Override
    public void updateString(String a, String b) throws SQLException {
        throw Column.unsupported("ResultSet.updateString");
    }

    @Override
    public void updateBytes(String a, byte[] b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBytes");
    }

    @Override
    public void updateDate(String a, Date b) throws SQLException {
        throw Column.unsupported("ResultSet.updateDate");
    }

    @Override
    public void updateTime(String a, Time b) throws SQLException {
        throw Column.unsupported("ResultSet.updateTime");
    }

    @Override
    public void updateTimestamp(String a, Timestamp b) throws SQLException {
        throw Column.unsupported("ResultSet.updateTimestamp");
    }

    @Override
    public void updateAsciiStream(String a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String a, InputStream b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String a, Reader b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateObject(String a, Object b, int c) throws SQLException {
        throw Column.unsupported("ResultSet.updateObject");
    }

    @Override
    public void updateObject(String a, Object b) throws SQLException {
        throw Column.unsupported("ResultSet.updateObject");
    }

    @Override
    public void insertRow() throws SQLException {
        throw Column.unsupported("ResultSet.insertRow");
    }

    @Override
    public void updateRow() throws SQLException {
        throw Column.unsupported("ResultSet.updateRow");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw Column.unsupported("ResultSet.deleteRow");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw Column.unsupported("ResultSet.refreshRow");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw Column.unsupported("ResultSet.cancelRowUpdates");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw Column.unsupported("ResultSet.moveToInsertRow");
    }

    @Override
    public Ref getRef(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getRef");
    }

    @Override
    public Blob getBlob(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getBlob");
    }

    @Override
    public Clob getClob(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getClob");
    }

    @Override
    public Ref getRef(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getRef");
    }

    @Override
    public Blob getBlob(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getBlob");
    }

    @Override
    public Clob getClob(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getClob");
    }

    @Override
    public URL getURL(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getURL");
    }

    @Override
    public URL getURL(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getURL");
    }

    @Override
    public void updateRef(int a, Ref b) throws SQLException {
        throw Column.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateRef(String a, Ref b) throws SQLException {
        throw Column.unsupported("ResultSet.updateRef");
    }

    @Override
    public void updateBlob(int a, Blob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String a, Blob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int a, Clob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String a, Clob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateArray(int a, Array b) throws SQLException {
        throw Column.unsupported("ResultSet.updateArray");
    }

    @Override
    public void updateArray(String a, Array b) throws SQLException {
        throw Column.unsupported("ResultSet.updateArray");
    }

    @Override
    public RowId getRowId(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getRowId");
    }

    @Override
    public RowId getRowId(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getRowId");
    }

    @Override
    public void updateRowId(int a, RowId b) throws SQLException {
        throw Column.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateRowId(String a, RowId b) throws SQLException {
        throw Column.unsupported("ResultSet.updateRowId");
    }

    @Override
    public void updateNString(int a, String b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNString(String a, String b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNString");
    }

    @Override
    public void updateNClob(int a, NClob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String a, NClob b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }

    @Override
    public NClob getNClob(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getNClob");
    }

    @Override
    public NClob getNClob(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getNClob");
    }

    @Override
    public SQLXML getSQLXML(int a) throws SQLException {
        throw Column.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public SQLXML getSQLXML(String a) throws SQLException {
        throw Column.unsupported("ResultSet.getSQLXML");
    }

    @Override
    public void updateSQLXML(int a, SQLXML b) throws SQLException {
        throw Column.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateSQLXML(String a, SQLXML b) throws SQLException {
        throw Column.unsupported("ResultSet.updateSQLXML");
    }

    @Override
    public void updateNCharacterStream(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateBlob(int a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String a, InputStream b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateNClob(int a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String a, Reader b, long c) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNCharacterStream(int a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNCharacterStream");
    }

    @Override
    public void updateAsciiStream(int a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(int a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(int a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateAsciiStream(String a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateAsciiStream");
    }

    @Override
    public void updateBinaryStream(String a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBinaryStream");
    }

    @Override
    public void updateCharacterStream(String a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateCharacterStream");
    }

    @Override
    public void updateBlob(int a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateBlob(String a, InputStream b) throws SQLException {
        throw Column.unsupported("ResultSet.updateBlob");
    }

    @Override
    public void updateClob(int a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateClob(String a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateClob");
    }

    @Override
    public void updateNClob(int a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }

    @Override
    public void updateNClob(String a, Reader b) throws SQLException {
        throw Column.unsupported("ResultSet.updateNClob");
    }
}
