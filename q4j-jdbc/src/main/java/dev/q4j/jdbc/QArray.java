package dev.q4j.jdbc;

import dev.q4j.value.QVector;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A nested vector (an item of a list column) as a {@link java.sql.Array}: {@link #getArray()} is a Java array of
 * the items' JDBC classes ({@code Long[]}, {@code String[]}, {@code Timestamp[]}, ...), with {@code null} for q
 * nulls; {@link #getResultSet()} is the JDBC form, rows of {@code INDEX} (1-based) and {@code VALUE}.
 */
final class QArray implements Array {
    private QVector items;

    QArray(QVector items) {
        this.items = items;
    }

    private Column column() throws SQLException {
        if (items == null) {
            throw new SQLException("the array was freed", "HY010");
        }
        return Column.of("VALUE", items);
    }

    /** {@return the q vector} */
    QVector vector() {
        return items;
    }

    @Override
    public String getBaseTypeName() throws SQLException {
        return column().typeName();
    }

    @Override
    public int getBaseType() throws SQLException {
        return column().sqlType();
    }

    @Override
    public Object getArray() throws SQLException {
        return slice(0, items == null ? 0 : items.count());
    }

    @Override
    public Object getArray(Map<String, Class<?>> map) throws SQLException {
        return getArray();
    }

    @Override
    public Object getArray(long index, int count) throws SQLException {
        return slice(checkIndex(index, count), count);
    }

    @Override
    public Object getArray(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getArray(index, count);
    }

    private int checkIndex(long index, int count) throws SQLException {
        Column c = column();
        if (index < 1 || count < 0 || index - 1 + count > c.count()) {
            throw new SQLException("items " + index + ".." + (index - 1 + count) + " are not in an array of "
                    + c.count(), "2202E");
        }
        return (int) (index - 1);
    }

    private Object slice(int from, int count) throws SQLException {
        Column c = column();
        Object[] out = (Object[]) java.lang.reflect.Array.newInstance(c.javaClass(), count);
        for (int i = 0; i < count; i++) {
            out[i] = c.isNull(from + i) ? null : c.object(from + i);
        }
        return out;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        return resultSet(0, column().count());
    }

    @Override
    public ResultSet getResultSet(Map<String, Class<?>> map) throws SQLException {
        return getResultSet();
    }

    @Override
    public ResultSet getResultSet(long index, int count) throws SQLException {
        return resultSet(checkIndex(index, count), count);
    }

    @Override
    public ResultSet getResultSet(long index, int count, Map<String, Class<?>> map) throws SQLException {
        return getResultSet(index, count);
    }

    private ResultSet resultSet(int from, int count) throws SQLException {
        long[] index = new long[count];
        for (int i = 0; i < count; i++) {
            index[i] = from + i + 1L;
        }
        List<Column> cols = new ArrayList<>();
        cols.add(Column.of("INDEX", dev.q4j.value.QLongVector.wrap(index)));
        cols.add(Column.of("VALUE", sub(from, count)));
        return new QResultSet(null, cols, 0);
    }

    private QVector sub(int from, int count) throws SQLException {
        if (from == 0 && count == items.count()) {
            return items;
        }
        dev.q4j.value.QValue[] picked = new dev.q4j.value.QValue[count];
        for (int i = 0; i < count; i++) {
            picked[i] = column().q(from + i);
        }
        return (QVector) dev.q4j.value.Q.of(List.of(picked));
    }

    @Override
    public void free() {
        items = null;
    }

    @Override
    public String toString() {
        return items == null ? "(freed)" : items.toString();
    }
}
