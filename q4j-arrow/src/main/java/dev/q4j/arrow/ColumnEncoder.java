package dev.q4j.arrow;

import dev.q4j.text.QText;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.NullVector;
import org.apache.arrow.vector.UuidVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.Dictionary;

/**
 * Writes rows of one q column into an Arrow vector, at positions 0..n, reusing the vector's memory when it is large
 * enough and nobody else holds it (an exported batch must not change under its consumer).
 */
abstract class ColumnEncoder {
    /** nanoseconds from 1970.01.01 to 2000.01.01 */
    static final long TIMESTAMP_SHIFT = QTemporal.EPOCH_SECOND_2000 * 1_000_000_000L;
    /** microseconds from 1970.01.01 to 2000.01.01 */
    static final long DATETIME_SHIFT = QTemporal.EPOCH_SECOND_2000 * 1_000_000L;
    /** microseconds in a day */
    static final double MICROS_PER_DAY = 86_400_000_000.0;
    /** milliseconds in a day */
    static final double MILLIS_PER_DAY = 86_400_000.0;

    /** the column's name, for errors */
    final String column;
    /** q nulls as Arrow nulls, or kept as values */
    final boolean arrowNulls;

    ColumnEncoder(String column, ArrowOptions options) {
        this.column = column;
        this.arrowNulls = options.nulls() == ArrowOptions.Nulls.ARROW;
    }

    /**
     * Writes rows {@code from..to} of {@code column} at positions {@code 0..to-from} and sets the value count.
     *
     * @param vector the column's vector
     * @param values the column
     * @param from first row
     * @param to after the last row
     * @param dictionaries the dictionaries, by id
     */
    abstract void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries);

    /** Marks the encoder's per-batch state (symbol dictionaries) for a new batch. */
    void startBatch() {
    }

    final QArrowException error(long row, String problem) {
        return new QArrowException(column, row, problem);
    }

    // ---- memory -------------------------------------------------------------------------------------------------

    static boolean shared(ArrowBuf... buffers) {
        for (ArrowBuf b : buffers) {
            if (b.getReferenceManager().getRefCount() > 1) {
                return true;
            }
        }
        return false;
    }

    /** Makes room for n fixed-width values; every validity bit of 0..n set. @return the data buffer */
    static ArrowBuf fixed(BaseFixedWidthVector v, int n) {
        if (v.getValueCapacity() < n || shared(v.getDataBuffer(), v.getValidityBuffer())) {
            v.allocateNew(Math.max(n, 1));
        }
        allValid(v.getValidityBuffer(), n);
        return v.getDataBuffer();
    }

    /** Makes room for n values of {@code bytes} bytes in all; every validity bit of 0..n set. */
    static void variable(BaseVariableWidthVector v, int n, long bytes) {
        // the offsets need n + 1 entries: a vector never allocated has none, even for 0 values
        if (v.getValueCapacity() < n || v.getByteCapacity() < bytes || v.getOffsetBuffer().capacity() < 4L * (n + 1)
                || shared(v.getDataBuffer(), v.getValidityBuffer(), v.getOffsetBuffer())) {
            v.allocateNew(Math.max(bytes, 1), Math.max(n, 1));
        }
        allValid(v.getValidityBuffer(), n);
        v.getOffsetBuffer().setInt(0, 0);
    }

    static void finishVariable(BaseVariableWidthVector v, int n) {
        v.setLastSet(n - 1);
        v.setValueCount(n);
    }

    static void allValid(ArrowBuf validity, int n) {
        int whole = n >>> 3;
        validity.setOne(0L, (long) whole);
        if ((n & 7) != 0) {
            validity.setByte(whole, (1 << (n & 7)) - 1);
        }
    }

    // ---- the encoders -------------------------------------------------------------------------------------------

    /**
     * {@return the encoder}
     *
     * @param column the column's name
     * @param kind the column's kind
     * @param dictionaryId the id of its dictionary when it is a top-level symbol column, else -1
     * @param options the options
     */
    static ColumnEncoder of(String column, Kind kind, long dictionaryId, ArrowOptions options) {
        if (kind instanceof Kind.Vector v) {
            QType t = v.type();
            switch (t) {
                case BOOLEAN: return new Booleans(column, options);
                case GUID: return new Guids(column, options);
                case BYTE: return new Bytes(column, options);
                case SHORT: return new Shorts(column, options);
                case INT: case SECOND: case TIME: return new Ints(column, options);
                case MONTH: case DATE: case MINUTE: return new ShiftedInts(column, options, t);
                case LONG: case TIMESPAN: return new Longs(column, options);
                case TIMESTAMP: return new Timestamps(column, options);
                case REAL: return new Reals(column, options);
                case FLOAT: return new Floats(column, options);
                case DATETIME: return new Datetimes(column, options);
                case CHAR: return new Chars(column, options);
                case SYMBOL: return dictionaryId >= 0 ? new Symbols(column, options, dictionaryId)
                        : new PlainSymbols(column, options);
                default: throw new IllegalArgumentException("no Arrow type for " + t);
            }
        }
        if (kind instanceof Kind.Strings) {
            return new Strings(column, options);
        }
        if (kind instanceof Kind.Nested n) {
            return new Lists(column, options, n.item());
        }
        if (kind instanceof Kind.Text) {
            return new Texts(column, options);
        }
        return new Nulls(column, options);
    }

    static final class Booleans extends ColumnEncoder {
        Booleans(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            boolean[] b = ((QBooleanVector) values).array();
            for (int byteAt = 0, i = from; i < to; byteAt++) {
                int bits = 0;
                for (int k = 0; k < 8 && i < to; k++, i++) {
                    bits |= b[i] ? 1 << k : 0;
                }
                data.setByte(byteAt, bits);
            }
            vector.setValueCount(n);
        }
    }

    static final class Guids extends ColumnEncoder {
        Guids(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            UuidVector uuids = (UuidVector) vector;
            BaseFixedWidthVector storage = uuids.getUnderlyingVector();
            ArrowBuf data = fixed(storage, n);
            ArrowBuf validity = storage.getValidityBuffer();
            UUID[] g = ((QGuidVector) values).array();
            for (int i = 0; i < n; i++) {
                UUID u = g[from + i];
                // the guid's 16 bytes in q's order: the UUID's big-endian bytes
                data.setLong(16L * i, Long.reverseBytes(u.getMostSignificantBits()));
                data.setLong(16L * i + 8, Long.reverseBytes(u.getLeastSignificantBits()));
                if (arrowNulls && u.getMostSignificantBits() == 0 && u.getLeastSignificantBits() == 0) {
                    BitVectorHelper.unsetBit(validity, i);
                }
            }
            uuids.setValueCount(n);
        }
    }

    static final class Bytes extends ColumnEncoder {
        Bytes(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            data.setBytes(0, ((QByteVector) values).array(), from, n);
            vector.setValueCount(n);
        }
    }

    static final class Shorts extends ColumnEncoder {
        Shorts(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            short[] s = ((QShortVector) values).array();
            long address = data.memoryAddress();
            for (int i = 0; i < n; i++) {
                MemoryUtil.putShort(address + 2L * i, s[from + i]);
            }
            if (arrowNulls) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    if (s[from + i] == Short.MIN_VALUE) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                }
            }
            vector.setValueCount(n);
        }
    }

    /** int, second and time: the same 4-byte values. */
    static final class Ints extends ColumnEncoder {
        Ints(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            int[] src = ((IntBackedVector) values).array();
            long address = data.memoryAddress();
            for (int i = 0; i < n; i++) {
                MemoryUtil.putInt(address + 4L * i, src[from + i]);
            }
            if (arrowNulls) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    if (src[from + i] == Integer.MIN_VALUE) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                }
            }
            vector.setValueCount(n);
        }
    }

    /**
     * month (to the day of its 1st), date (to 1970's epoch) and minute (to seconds): null and infinities kept as
     * the raw {@code Integer.MIN_VALUE} and {@code ±Integer.MAX_VALUE}; any other value must land strictly between
     * those.
     */
    static final class ShiftedInts extends ColumnEncoder {
        private final QType type;

        ShiftedInts(String column, ArrowOptions options, QType type) {
            super(column, options);
            this.type = type;
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            ArrowBuf validity = vector.getValidityBuffer();
            IntBuffer src = ((IntBackedVector) values).buffer();
            for (int i = 0; i < n; i++) {
                int q = src.get(from + i);
                int a;
                if (q == Integer.MIN_VALUE) {
                    a = q;
                    if (arrowNulls) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                } else if (q == Integer.MAX_VALUE || q == -Integer.MAX_VALUE) {
                    a = q;
                } else {
                    long v = switch (type) {
                        case DATE -> (long) q + QTemporal.EPOCH_DAY_2000;
                        case MINUTE -> q * 60L;
                        default -> LocalDate.of(2000, 1, 1).plusMonths(q).toEpochDay();
                    };
                    if (v >= Integer.MAX_VALUE || v <= -Integer.MAX_VALUE) {
                        throw error(from + i, type.qName() + " " + q + " is out of the range of Arrow's "
                                + (type == QType.MINUTE ? "Time32(SECOND)" : "Date(DAY)"));
                    }
                    a = (int) v;
                }
                data.setInt(4L * i, a);
            }
            vector.setValueCount(n);
        }
    }

    /** long and timespan: the same 8-byte values. */
    static final class Longs extends ColumnEncoder {
        Longs(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            long[] src = ((LongBackedVector) values).array();
            long address = data.memoryAddress();
            for (int i = 0; i < n; i++) {
                MemoryUtil.putLong(address + 8L * i, src[from + i]);
            }
            if (arrowNulls) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    if (src[from + i] == Long.MIN_VALUE) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                }
            }
            vector.setValueCount(n);
        }
    }

    /** timestamp: the epoch moved from 2000 to 1970, null and infinities kept raw. */
    static final class Timestamps extends ColumnEncoder {
        Timestamps(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            long address = data.memoryAddress();
            LongBackedVector src = (LongBackedVector) values;
            long[] a = src.array();
            for (int i = 0; i < n; i++) {
                long q = a[from + i];
                long v = q + TIMESTAMP_SHIFT;
                // the shifted value must stay strictly inside (-MAX, MAX): nulls, infinities and overflows aside
                if (v <= -Long.MAX_VALUE + TIMESTAMP_SHIFT || v >= Long.MAX_VALUE || v < q) {
                    v = special(vector, q, from + i, i);
                }
                MemoryUtil.putLong(address + 8L * i, v);
            }
            vector.setValueCount(n);
        }

        private long special(FieldVector vector, long q, int row, int i) {
            if (q == Long.MIN_VALUE) {
                if (arrowNulls) {
                    BitVectorHelper.unsetBit(vector.getValidityBuffer(), i);
                }
                return q;
            }
            if (q == Long.MAX_VALUE || q == -Long.MAX_VALUE) {
                return q;
            }
            long v = q + TIMESTAMP_SHIFT;
            if (q > 0 && v < q || v >= Long.MAX_VALUE || v <= -Long.MAX_VALUE) {
                throw error(row, "timestamp " + QTemporal.instantOfTimestamp(q) + " is past what Arrow's"
                        + " Timestamp(NANOSECOND) since 1970 holds (2262.04.11)");
            }
            return v;
        }
    }

    static final class Reals extends ColumnEncoder {
        Reals(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            float[] src = ((QRealVector) values).array();
            long address = data.memoryAddress();
            for (int i = 0; i < n; i++) {
                MemoryUtil.putInt(address + 4L * i, Float.floatToRawIntBits(src[from + i]));
            }
            if (arrowNulls) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    if (Float.isNaN(src[from + i])) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                }
            }
            vector.setValueCount(n);
        }
    }

    static final class Floats extends ColumnEncoder {
        Floats(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            double[] src = ((DoubleBackedVector) values).array();
            long address = data.memoryAddress();
            for (int i = 0; i < n; i++) {
                MemoryUtil.putLong(address + 8L * i, Double.doubleToRawLongBits(src[from + i]));
            }
            if (arrowNulls) {
                ArrowBuf validity = vector.getValidityBuffer();
                for (int i = 0; i < n; i++) {
                    double d = src[from + i];
                    if (d != d) {
                        BitVectorHelper.unsetBit(validity, i);
                    }
                }
            }
            vector.setValueCount(n);
        }
    }

    /** datetime: float days since 2000 to microseconds since 1970, rounded to the nearest. */
    static final class Datetimes extends ColumnEncoder {
        /** the largest magnitude of days whose microseconds since 1970 stay inside a long */
        private static final double MAX_DAYS = (Long.MAX_VALUE - 2 * DATETIME_SHIFT) / MICROS_PER_DAY;

        Datetimes(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            DoubleBuffer src = ((DoubleBackedVector) values).buffer();
            for (int i = 0; i < n; i++) {
                double d = src.get(from + i);
                long v;
                if (d != d) {
                    v = Long.MIN_VALUE;
                    if (arrowNulls) {
                        BitVectorHelper.unsetBit(vector.getValidityBuffer(), i);
                    }
                } else if (d == Double.POSITIVE_INFINITY) {
                    v = Long.MAX_VALUE;
                } else if (d == Double.NEGATIVE_INFINITY) {
                    v = -Long.MAX_VALUE;
                } else if (Math.abs(d) > MAX_DAYS) {
                    throw error(from + i, "datetime " + d + " (days since 2000) is past what Arrow's"
                            + " Timestamp(MICROSECOND) since 1970 holds");
                } else {
                    // a whole number of milliseconds (what q makes) exactly, so that it comes back the same double;
                    // anything finer rounded to the microsecond
                    long ms = Math.round(d * MILLIS_PER_DAY);
                    v = (ms / MILLIS_PER_DAY == d ? ms * 1000 : Math.round(d * MICROS_PER_DAY)) + DATETIME_SHIFT;
                }
                data.setLong(8L * i, v);
            }
            vector.setValueCount(n);
        }
    }

    /** char: one-byte Utf8 strings; the null (a space) as an Arrow null. */
    static final class Chars extends ColumnEncoder {
        Chars(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            VarCharVector v = (VarCharVector) vector;
            variable(v, n, n);
            long offsets = v.getOffsetBuffer().memoryAddress();
            long data = v.getDataBuffer().memoryAddress();
            ArrowBuf validity = v.getValidityBuffer();
            byte[] c = ((QCharVector) values).array();
            int end = 0;
            for (int i = 0; i < n; i++) {
                byte b = c[from + i];
                if (b == ' ' && arrowNulls) {
                    BitVectorHelper.unsetBit(validity, i);
                } else {
                    if (b < 0) {
                        throw error(from + i, "char 0x" + Integer.toHexString(b & 0xFF)
                                + " is not ASCII, so not UTF-8 on its own (Arrow's Utf8)");
                    }
                    MemoryUtil.putByte(data + end, b);
                    end++;
                }
                MemoryUtil.putInt(offsets + 4L * (i + 1), end);
            }
            finishVariable(v, n);
        }
    }

    /** Utf8 values from byte arrays: strings, q text, symbols in nested columns. */
    abstract static class Utf8 extends ColumnEncoder {
        Utf8(String column, ArrowOptions options) {
            super(column, options);
        }

        /** {@return the UTF-8 bytes of row i, or {@code null} for an Arrow null} */
        abstract byte[] bytesOf(QSequence values, int i);

        @Override
        final void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            byte[][] items = new byte[n][];
            long total = 0;
            for (int i = 0; i < n; i++) {
                items[i] = bytesOf(values, from + i);
                total += items[i] == null ? 0 : items[i].length;
            }
            if (total > Integer.MAX_VALUE) {
                throw error(-1, "more than 2 GB of text in one batch: make batches smaller (ArrowOptions.batchRows)");
            }
            VarCharVector v = (VarCharVector) vector;
            variable(v, n, total);
            ArrowBuf offsets = v.getOffsetBuffer();
            ArrowBuf data = v.getDataBuffer();
            int end = 0;
            for (int i = 0; i < n; i++) {
                byte[] b = items[i];
                if (b == null) {
                    BitVectorHelper.unsetBit(v.getValidityBuffer(), i);
                } else {
                    data.setBytes(end, b);
                    end += b.length;
                }
                offsets.setInt(4L * (i + 1), end);
            }
            finishVariable(v, n);
        }
    }

    static final class Strings extends Utf8 {
        Strings(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        byte[] bytesOf(QSequence values, int i) {
            QValue item = values.at(i);
            if (!(item instanceof QCharVector s)) {
                return new byte[0];   // (), an empty string
            }
            byte[] b = s.array();
            for (byte x : b) {
                if (x < 0) {
                    checkUtf8(b, i);
                    break;
                }
            }
            return b;
        }

        private void checkUtf8(byte[] b, int row) {
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            } catch (CharacterCodingException e) {
                throw error(row, "the string is not UTF-8, which Arrow's Utf8 must be");
            }
        }
    }

    static final class Texts extends Utf8 {
        Texts(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        byte[] bytesOf(QSequence values, int i) {
            return QText.print(values.at(i)).getBytes(StandardCharsets.UTF_8);
        }
    }

    static final class PlainSymbols extends Utf8 {
        PlainSymbols(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        byte[] bytesOf(QSequence values, int i) {
            String s = ((QSymbolVector) values).get(i);
            return s.isEmpty() && arrowNulls ? null : s.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Top-level symbols: Int32 indices into a dictionary of the distinct symbols. */
    static final class Symbols extends ColumnEncoder {
        private final long dictionaryId;
        private final Map<String, Integer> index = new HashMap<>();
        private final List<String> distinct = new ArrayList<>();
        /** whether the dictionary is fixed for every batch (an IPC file's), not made per batch */
        private boolean fixed;

        Symbols(String column, ArrowOptions options, long dictionaryId) {
            super(column, options);
            this.dictionaryId = dictionaryId;
        }

        @Override
        void startBatch() {
            if (!fixed) {
                index.clear();
                distinct.clear();
            }
        }

        /** Adds the symbols of rows from..to to a dictionary that then stays for every batch. */
        void collect(QSymbolVector values) {
            fixed = true;
            String previous = null;
            for (String s : values.array()) {
                if (s != previous && !(s.isEmpty() && arrowNulls)) {
                    indexOf(s);
                }
                previous = s;
            }
        }

        private int indexOf(String s) {
            Integer i = index.get(s);
            if (i == null) {
                i = distinct.size();
                index.put(s, i);
                distinct.add(s);
            }
            return i;
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ArrowBuf data = fixed((BaseFixedWidthVector) vector, n);
            long address = data.memoryAddress();
            String[] s = ((QSymbolVector) values).array();
            String previous = null;
            int previousIndex = 0;
            for (int i = 0; i < n; i++) {
                String symbol = s[from + i];
                // runs of one symbol (a p# column, a symbol table's shared strings) skip the hash lookup
                if (symbol != previous) {
                    previous = symbol;
                    if (symbol.isEmpty() && arrowNulls) {
                        previousIndex = -1;
                    } else if (fixed) {
                        Integer known = index.get(symbol);
                        if (known == null) {
                            // the file's one dictionary is written already: it cannot take this symbol
                            throw error(from + i, "symbol `" + symbol + " was not there when the tables were first"
                                    + " iterated for the file's dictionary: the tables must be the same both times");
                        }
                        previousIndex = known;
                    } else {
                        previousIndex = indexOf(symbol);
                    }
                }
                if (previousIndex < 0) {
                    BitVectorHelper.unsetBit(vector.getValidityBuffer(), i);
                    MemoryUtil.putInt(address + 4L * i, 0);
                } else {
                    MemoryUtil.putInt(address + 4L * i, previousIndex);
                }
            }
            vector.setValueCount(n);
            writeDictionary((VarCharVector) dictionaries.get(dictionaryId).getVector());
        }

        private void writeDictionary(VarCharVector dictionary) {
            int n = distinct.size();
            byte[][] items = new byte[n][];
            long total = 0;
            for (int i = 0; i < n; i++) {
                items[i] = distinct.get(i).getBytes(StandardCharsets.UTF_8);
                total += items[i].length;
            }
            variable(dictionary, n, total);
            ArrowBuf offsets = dictionary.getOffsetBuffer();
            ArrowBuf data = dictionary.getDataBuffer();
            int end = 0;
            for (int i = 0; i < n; i++) {
                data.setBytes(end, items[i]);
                end += items[i].length;
                offsets.setInt(4L * (i + 1), end);
            }
            finishVariable(dictionary, n);
        }
    }

    /** A general list of vectors (or strings, or lists) of one kind: List of the item's Arrow type. */
    static final class Lists extends ColumnEncoder {
        private final Kind item;
        private final ColumnEncoder items;

        Lists(String column, ArrowOptions options, Kind item) {
            super(column, options);
            this.item = item;
            this.items = ColumnEncoder.of(column, item, -1, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            int n = to - from;
            ListVector v = (ListVector) vector;
            if (v.getValueCapacity() < n || v.getOffsetBuffer().capacity() < 4L * (n + 1)
                    || shared(v.getValidityBuffer(), v.getOffsetBuffer())) {
                v.setInitialCapacity(Math.max(n, 1));
                v.allocateNew();
            }
            allValid(v.getValidityBuffer(), n);
            ArrowBuf offsets = v.getOffsetBuffer();
            List<QSequence> pieces = new ArrayList<>(n);
            int[] ends = new int[n];
            int end = 0;
            offsets.setInt(0, 0);
            for (int i = 0; i < n; i++) {
                QSequence s = (QSequence) values.at(from + i);
                if (s.count() > 0) {
                    pieces.add(s);
                }
                end = Math.addExact(end, s.count());
                ends[i] = end;
                offsets.setInt(4L * (i + 1), end);
            }
            QType type = item instanceof Kind.Vector k ? k.type() : null;
            QSequence flat = pieces.isEmpty() ? (type == null ? QList.EMPTY : dev.q4j.value.QVectors.empty(type))
                    : Concat.of(type, pieces, dev.q4j.value.Attribute.NONE);
            try {
                items.encode(v.getDataVector(), flat, 0, flat.count(), dictionaries);
            } catch (QArrowException e) {
                if (e.row() < 0) {
                    throw e;
                }
                // the row of the column whose item is at fault, not the item's place among all the items
                int lo = 0;
                int hi = n - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (ends[mid] > e.row()) {
                        hi = mid;
                    } else {
                        lo = mid + 1;
                    }
                }
                long itemAt = e.row() - (lo == 0 ? 0 : ends[lo - 1]);
                throw new QArrowException(column, from + lo, "item " + itemAt + ": " + e.problem());
            }
            v.setLastSet(n - 1);
            v.setValueCount(n);
        }
    }

    /** An empty general list: Arrow's Null type. */
    static final class Nulls extends ColumnEncoder {
        Nulls(String column, ArrowOptions options) {
            super(column, options);
        }

        @Override
        void encode(FieldVector vector, QSequence values, int from, int to, Map<Long, Dictionary> dictionaries) {
            ((NullVector) vector).setValueCount(to - from);
        }
    }
}
