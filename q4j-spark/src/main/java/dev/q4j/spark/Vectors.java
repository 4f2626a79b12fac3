package dev.q4j.spark;

import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QVector;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.unsafe.types.UTF8String;

/** The Spark columns over each kind of q column ({@link QColumnVector}'s subclasses). */
final class Vectors {
    /** 2000.01.01, q's epoch, in days since 1970.01.01, Spark's */
    static final int EPOCH_DAYS = 10957;
    /** 2000.01.01 in microseconds since 1970.01.01 */
    static final long EPOCH_MICROS = EPOCH_DAYS * 86_400_000_000L;
    /** 2000.01.01 in nanoseconds since 1970.01.01 */
    static final long EPOCH_NANOS = EPOCH_MICROS * 1000;
    private static final UTF8String[] CHARS = new UTF8String[256];

    static {
        for (int i = 0; i < 256; i++) {
            CHARS[i] = UTF8String.fromBytes(new byte[] {(byte) i});
        }
    }

    private Vectors() {
    }

    /** q's months since 2000.01 to Spark's days since 1970.01.01 of the month's first day */
    static int monthToDays(int m) {
        int y = 2000 + Math.floorDiv(m, 12);
        int mo = Math.floorMod(m, 12) + 1;
        long days = java.time.LocalDate.of(y, mo, 1).toEpochDay();
        // 0Wm and -0Wm (millions of years away) stay at the ends of Spark's dates rather than wrapping
        return (int) Math.max(-Integer.MAX_VALUE, Math.min(Integer.MAX_VALUE, days));
    }

    /** boolean: never null */
    static final class Booleans extends QColumnVector {
        private final QBooleanVector v;

        Booleans(String name, QBooleanVector v, int base, int[] sel, int n) {
            super(name, DataTypes.BooleanType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return false;
        }

        @Override
        public boolean getBoolean(int rowId) {
            return v.get(row(rowId));
        }
    }

    /** byte (unsigned in q) as a short 0 to 255: never null */
    static final class Bytes extends QColumnVector {
        private final QByteVector v;

        Bytes(String name, QByteVector v, int base, int[] sel, int n) {
            super(name, DataTypes.ShortType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return false;
        }

        @Override
        public short getShort(int rowId) {
            return (short) (v.get(row(rowId)) & 0xff);
        }
    }

    /** short: null 0Nh */
    static final class Shorts extends QColumnVector {
        private final QShortVector v;

        Shorts(String name, QShortVector v, int base, int[] sel, int n) {
            super(name, DataTypes.ShortType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return v.get(row) == Short.MIN_VALUE;
        }

        @Override
        public short getShort(int rowId) {
            return v.get(row(rowId));
        }
    }

    /** How an int-backed q column's value becomes Spark's. */
    enum IntKind {
        /** int, as is */
        INT,
        /** date: days since 2000 to days since 1970 */
        DATE,
        /** month: to the first day of the month */
        MONTH,
        /** minute: to microseconds */
        MINUTE,
        /** second: to microseconds */
        SECOND,
        /** time (milliseconds): to microseconds */
        TIME
    }

    /** int, date, month (as int); minute, second, time (as long microseconds): null the int minimum */
    static final class Ints extends QColumnVector {
        private final IntBackedVector v;
        private final IntKind kind;

        Ints(String name, DataType type, IntBackedVector v, IntKind kind, int base, int[] sel, int n) {
            super(name, type, base, sel, n);
            this.v = v;
            this.kind = kind;
        }

        @Override
        boolean isNullRow(int row) {
            return v.get(row) == Integer.MIN_VALUE;
        }

        @Override
        public int getInt(int rowId) {
            int x = v.get(row(rowId));
            switch (kind) {
                case DATE:
                    // 0Wd stays Spark's last date rather than wrapping round to a negative one
                    return x > Integer.MAX_VALUE - EPOCH_DAYS ? Integer.MAX_VALUE : x + EPOCH_DAYS;
                case MONTH:
                    return monthToDays(x);
                default:
                    return x;
            }
        }

        @Override
        public long getLong(int rowId) {
            long x = v.get(row(rowId));
            switch (kind) {
                case MINUTE:
                    return x * 60_000_000L;
                case SECOND:
                    return x * 1_000_000L;
                case TIME:
                    return x * 1000L;
                default:
                    return x;
            }
        }
    }

    /** How a long-backed q column's value becomes Spark's. */
    enum LongKind {
        /** long, or a timespan's nanoseconds, as is */
        LONG,
        /** timestamp: nanoseconds since 2000 to microseconds since 1970 (rounded down) */
        TIMESTAMP_MICROS,
        /** timestamp: nanoseconds since 2000 to nanoseconds since 1970 */
        TIMESTAMP_NANOS,
        /** timespan: nanoseconds to microseconds (rounded down) */
        TIMESPAN_MICROS
    }

    /** long, timestamp, timespan: null the long minimum */
    static final class Longs extends QColumnVector {
        private final LongBackedVector v;
        private final LongKind kind;

        Longs(String name, DataType type, LongBackedVector v, LongKind kind, int base, int[] sel, int n) {
            super(name, type, base, sel, n);
            this.v = v;
            this.kind = kind;
        }

        @Override
        boolean isNullRow(int row) {
            return v.get(row) == Long.MIN_VALUE;
        }

        @Override
        public long getLong(int rowId) {
            long x = v.get(row(rowId));
            switch (kind) {
                case TIMESTAMP_MICROS:
                    return Math.floorDiv(x, 1000L) + EPOCH_MICROS;
                case TIMESPAN_MICROS:
                    return Math.floorDiv(x, 1000L);
                case TIMESTAMP_NANOS:
                    if (x > Long.MAX_VALUE - EPOCH_NANOS) {
                        throw new ArithmeticException("kdb column " + name + ", row " + row(rowId) + ": timestamp "
                                + x + " (nanoseconds since 2000) does not fit a long of nanoseconds since 1970");
                    }
                    return x + EPOCH_NANOS;
                default:
                    return x;
            }
        }
    }

    /** real: null NaN */
    static final class Reals extends QColumnVector {
        private final QRealVector v;

        Reals(String name, QRealVector v, int base, int[] sel, int n) {
            super(name, DataTypes.FloatType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return Float.isNaN(v.get(row));
        }

        @Override
        public float getFloat(int rowId) {
            return v.get(row(rowId));
        }
    }

    /** float (as double), datetime (days since 2000 as a double, to microseconds since 1970): null NaN */
    static final class Doubles extends QColumnVector {
        private final DoubleBackedVector v;
        private final boolean datetime;

        Doubles(String name, DataType type, DoubleBackedVector v, boolean datetime, int base, int[] sel, int n) {
            super(name, type, base, sel, n);
            this.v = v;
            this.datetime = datetime;
        }

        @Override
        boolean isNullRow(int row) {
            return Double.isNaN(v.get(row));
        }

        @Override
        public double getDouble(int rowId) {
            return v.get(row(rowId));
        }

        @Override
        public long getLong(int rowId) {
            double micros = v.get(row(rowId)) * 86_400_000_000.0;
            // 0wz and -0wz (and datetimes past a long of microseconds) stay at the ends, as -0W and 0W do in q
            if (micros >= Long.MAX_VALUE - EPOCH_MICROS) {
                return Long.MAX_VALUE;
            }
            if (micros <= -Long.MAX_VALUE) {
                return -Long.MAX_VALUE;
            }
            return Math.round(micros) + EPOCH_MICROS;
        }
    }

    /** char, as a string of one byte: null the space */
    static final class Chars extends QColumnVector {
        private final QCharVector v;

        Chars(String name, QCharVector v, int base, int[] sel, int n) {
            super(name, DataTypes.StringType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return v.get(row) == ' ';
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            int r = row(rowId);
            return isNullRow(r) ? null : CHARS[v.get(r) & 0xff];
        }
    }

    /** guid, as its text: null the zero guid */
    static final class Guids extends QColumnVector {
        private final QGuidVector v;

        Guids(String name, QGuidVector v, int base, int[] sel, int n) {
            super(name, DataTypes.StringType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            UUID u = v.get(row);
            return u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0;
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            int r = row(rowId);
            return isNullRow(r) ? null : UTF8String.fromString(v.get(r).toString());
        }
    }

    /** symbol (a decoded vector of strings): null the empty symbol */
    static final class Symbols extends QColumnVector {
        private final QSymbolVector v;

        Symbols(String name, QSymbolVector v, int base, int[] sel, int n) {
            super(name, DataTypes.StringType, base, sel, n);
            this.v = v;
        }

        @Override
        boolean isNullRow(int row) {
            return v.get(row).isEmpty();
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            String s = v.get(row(rowId));
            return s.isEmpty() ? null : UTF8String.fromString(s);
        }
    }

    /**
     * An enumeration: indices into a domain whose entries become Spark strings once each, shared by every batch of
     * a scan (a null index, or the empty symbol, is null).
     */
    static final class Enumerated extends QColumnVector {
        private final QLongVector indices;
        private final QSymbolVector domain;
        private final AtomicReferenceArray<UTF8String> strings;

        /** where the domain holds the empty symbol (read as null), or -1 */
        private final long emptyAt;

        Enumerated(String name, QLongVector indices, QSymbolVector domain, AtomicReferenceArray<UTF8String> strings,
                long emptyAt, int base, int[] sel, int n) {
            super(name, DataTypes.StringType, base, sel, n);
            this.indices = indices;
            this.domain = domain;
            this.strings = strings;
            this.emptyAt = emptyAt;
        }

        @Override
        boolean isNullRow(int row) {
            long x = indices.get(row);
            return x == Long.MIN_VALUE || x == emptyAt;
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            long x = indices.get(row(rowId));
            if (x == Long.MIN_VALUE) {
                return null;
            }
            int i = (int) x;
            UTF8String s = strings.get(i);
            if (s == null) {
                String d = domain.get(i);
                s = d.isEmpty() ? UTF8String.EMPTY_UTF8 : UTF8String.fromBytes(d.getBytes(StandardCharsets.UTF_8));
                strings.set(i, s);
            }
            return s.numBytes() == 0 ? null : s;
        }
    }

    /** the partition column: one value for every row (date and month as days since 1970, int as is) */
    static final class Constant extends QColumnVector {
        private final int value;

        Constant(String name, DataType type, int value, int n) {
            super(name, type, 0, null, n);
            this.value = value;
        }

        @Override
        boolean isNullRow(int row) {
            return false;
        }

        @Override
        public int getInt(int rowId) {
            return value;
        }
    }

    /**
     * A nested column: strings (a list of char vectors) as Spark strings, other vectors as Spark arrays; an atom
     * in a row is a list of one item. Null: a row of no items is an empty string or array, never null.
     */
    static final class Nested extends QColumnVector {
        private final QList v;
        private final KdbOptions options;

        Nested(String name, DataType type, QList v, KdbOptions options, int base, int[] sel, int n) {
            super(name, type, base, sel, n);
            this.v = v;
            this.options = options;
        }

        @Override
        boolean isNullRow(int row) {
            return false;
        }

        private QVector item(int row) {
            return KdbTypes.asVector(name, row, v.at(row));
        }

        @Override
        public UTF8String getUTF8String(int rowId) {
            int r = row(rowId);
            QVector x = item(r);
            if (!(x instanceof QCharVector c)) {
                throw new IllegalStateException("kdb column " + name + ", row " + r + ": a " + x.type().qName()
                        + " where the column's first row made it a column of strings");
            }
            return UTF8String.fromBytes(c.array());
        }

        @Override
        public ColumnarArray getArray(int rowId) {
            int r = row(rowId);
            QVector x = item(r);
            DataType element = ((ArrayType) dataType()).elementType();
            QColumnVector child = KdbTypes.vector(name + "[" + r + "]", x, element, options, 0, null, x.count());
            return new ColumnarArray(child, 0, x.count());
        }
    }
}
