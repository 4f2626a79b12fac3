package dev.q4j.spark;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A Spark column over some rows of a q column, read where they lie (no row is copied): rows {@code base} to
 * {@code base + n} of the q column, or the rows {@code sel} names when a pushed-down filter chose them. Each kind of
 * q column has its subclass; the getters a subclass does not serve fail naming the column.
 */
abstract class QColumnVector extends ColumnVector {
    /** the column's name, for errors */
    final String name;
    private final int base;
    private final int[] sel;
    private final int n;
    private int nulls = -1;

    QColumnVector(String name, DataType type, int base, int[] sel, int n) {
        super(type);
        this.name = name;
        this.base = base;
        this.sel = sel;
        this.n = n;
    }

    /** {@return the q column's row of Spark's row {@code i}} */
    final int row(int i) {
        return sel == null ? base + i : sel[i];
    }

    /** {@return how many rows} */
    final int rows() {
        return n;
    }

    /** {@return whether the q value of a q row is null} */
    abstract boolean isNullRow(int row);

    @Override
    public final boolean isNullAt(int rowId) {
        return isNullRow(row(rowId));
    }

    @Override
    public final boolean hasNull() {
        return numNulls() > 0;
    }

    @Override
    public final int numNulls() {
        if (nulls < 0) {
            int c = 0;
            for (int i = 0; i < n; i++) {
                if (isNullRow(row(i))) {
                    c++;
                }
            }
            nulls = c;
        }
        return nulls;
    }

    @Override
    public void close() {
        // the q column is the reader's (a mapped file or a decoded message): nothing of the batch's own to free
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("kdb column " + name + " (" + dataType().simpleString()
                + ") has no " + what + " values");
    }

    @Override
    public boolean getBoolean(int rowId) {
        throw unsupported("boolean");
    }

    @Override
    public byte getByte(int rowId) {
        throw unsupported("byte");
    }

    @Override
    public short getShort(int rowId) {
        throw unsupported("short");
    }

    @Override
    public int getInt(int rowId) {
        throw unsupported("int");
    }

    @Override
    public long getLong(int rowId) {
        throw unsupported("long");
    }

    @Override
    public float getFloat(int rowId) {
        throw unsupported("float");
    }

    @Override
    public double getDouble(int rowId) {
        throw unsupported("double");
    }

    @Override
    public ColumnarArray getArray(int rowId) {
        throw unsupported("array");
    }

    @Override
    public ColumnarMap getMap(int ordinal) {
        throw unsupported("map");
    }

    @Override
    public Decimal getDecimal(int rowId, int precision, int scale) {
        throw unsupported("decimal");
    }

    @Override
    public UTF8String getUTF8String(int rowId) {
        throw unsupported("string");
    }

    @Override
    public byte[] getBinary(int rowId) {
        throw unsupported("binary");
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        throw unsupported("struct");
    }
}
