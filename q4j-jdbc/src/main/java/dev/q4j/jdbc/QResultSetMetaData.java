package dev.q4j.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Column names, JDBC types, q type names and Java classes of a {@link QResultSet}'s columns. */
final class QResultSetMetaData extends JdbcWrapper implements ResultSetMetaData {
    private final List<Column> columns;

    QResultSetMetaData(List<Column> columns) {
        super("q4j's result set metadata");
        this.columns = columns;
    }

    private Column column(int i) throws SQLException {
        if (i < 1 || i > columns.size()) {
            throw new SQLException("no column " + i + ": the result has " + columns.size(), "07009");
        }
        return columns.get(i - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        int t = column(column).sqlType();
        return t == Types.VARCHAR || t == Types.CHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    /** q has nulls in most types but not in boolean, byte and the nested columns. */
    @Override
    public int isNullable(int column) throws SQLException {
        Column c = column(column);
        return c instanceof Column.BooleanColumn || c instanceof Column.ByteColumn ? columnNoNulls : columnNullable;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return column(column).signed();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        Column c = column(column);
        int p = c.precision();
        if (c.signed()) {
            return p + (c.scale() > 0 || c.sqlType() == Types.DOUBLE || c.sqlType() == Types.REAL ? 8 : 1);
        }
        return p == 0 ? 40 : Math.min(p, 1 << 16);
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name;
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).precision();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).scale();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).sqlType();
    }

    /** {@return the q type's name: {@code "timestamp"}, {@code "symbol"}, {@code "string"}, {@code "long list"}} */
    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).typeName();
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return column(column).javaClass().getName();
    }
}
