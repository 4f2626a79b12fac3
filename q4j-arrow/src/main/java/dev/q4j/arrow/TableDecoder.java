package dev.q4j.arrow;

import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.Attribute;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.util.MemoryUtil;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.ExtensionTypeVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VariableWidthFieldVector;
import org.apache.arrow.vector.complex.BaseListVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.extension.UuidType;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.IntervalUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Converts Arrow record batches into q tables: each batch's columns are converted at once (a reader reuses its
 * vectors for the next batch), then the batches are joined.
 */
final class TableDecoder {
    private static final String EXTENSION_NAME = "ARROW:extension:name";

    /** One record batch's columns, converted. */
    record Batch(List<QSequence> columns) {
    }

    private TableDecoder() {
    }

    static Batch batch(org.apache.arrow.vector.VectorSchemaRoot root, DictionaryProvider dictionaries) {
        List<Field> fields = root.getSchema().getFields();
        List<QSequence> columns = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            columns.add(column(f.getName(), f, root.getVector(i), dictionaries));
        }
        return new Batch(columns);
    }

    static QValue decode(List<Batch> batches, Schema schema) {
        List<Field> fields = schema.getFields();
        int n = fields.size();
        List<String> names = new ArrayList<>(n);
        List<QSequence> columns = new ArrayList<>(n);
        for (int c = 0; c < n; c++) {
            Field f = fields.get(c);
            names.add(f.getName());
            List<QSequence> pieces = new ArrayList<>(batches.size());
            for (Batch b : batches) {
                pieces.add(b.columns().get(c));
            }
            Attribute attribute = attributeOf(f);
            if (pieces.isEmpty()) {
                columns.add(empty(f, attribute));
                continue;
            }
            QType type = pieces.get(0) instanceof QVector v ? v.type() : null;
            QSequence joined;
            if (pieces.size() == 1) {
                try {
                    joined = Concat.of(type, pieces, attribute);
                } catch (IllegalArgumentException e) {
                    // one table whose metadata claims an attribute its items do not have ('s-fail, 'u-fail)
                    throw new QArrowException(f.getName(), -1, "the attribute " + attribute.letter() + "# of "
                            + QArrow.ATTRIBUTE + " does not hold: " + e.getMessage());
                }
            } else {
                joined = JoinedAttributes.withHolding(Concat.of(type, pieces, Attribute.NONE), attribute);
            }
            columns.add(joined);
        }
        int keys = keysOf(schema, n);
        if (keys == 0) {
            return QTable.of(names, columns);
        }
        boolean sorted = schema.getCustomMetadata() != null
                && "true".equals(schema.getCustomMetadata().get(QArrow.SORTED));
        return new QKeyedTable(QTable.of(names.subList(0, keys), columns.subList(0, keys)),
                QTable.of(names.subList(keys, n), columns.subList(keys, n)), sorted);
    }

    private static QSequence empty(Field f, Attribute attribute) {
        QSequence s = column(f.getName(), f, null, null);
        return s instanceof QVector v ? v.withAttribute(attribute) : ((QList) s).withAttribute(attribute);
    }

    private static int keysOf(Schema schema, int columns) {
        String keys = schema.getCustomMetadata() == null ? null : schema.getCustomMetadata().get(QArrow.KEYS);
        if (keys == null) {
            return 0;
        }
        try {
            int k = Integer.parseInt(keys.trim());
            if (k >= 0 && k < columns) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new QArrowException(null, -1, "schema metadata " + QArrow.KEYS + "=" + keys + " is not a number of"
                + " key columns between 0 and " + (columns - 1));
    }

    private static Attribute attributeOf(Field f) {
        String a = f.getMetadata().get(QArrow.ATTRIBUTE);
        if (a == null || a.isEmpty()) {
            return Attribute.NONE;
        }
        Attribute attribute = Attribute.ofLetter(a);
        if (attribute == null) {
            throw new QArrowException(f.getName(), -1, "field metadata " + QArrow.ATTRIBUTE + "=" + a
                    + " is not a q attribute (s, u, p or g)");
        }
        return attribute;
    }

    // ---- one column ---------------------------------------------------------------------------------------------

    /**
     * {@return the column, without attribute}
     *
     * @param column the name for errors
     * @param f the field, in memory format (a dictionary-encoded field has its index type)
     * @param v the vector, or {@code null} for an empty column of the field's type
     * @param dictionaries the dictionaries
     */
    // one short case per Arrow type, read as one table of types
    @SuppressWarnings("checkstyle:MethodLength")
    static QSequence column(String column, Field f, FieldVector v, DictionaryProvider dictionaries) {
        int n = v == null ? 0 : v.getValueCount();
        String q = f.getMetadata().get(QArrow.TYPE);
        DictionaryEncoding encoding = f.getDictionary();
        if (encoding != null) {
            return v == null ? QSymbolVector.EMPTY : symbols(column, v, encoding, dictionaries);
        }
        ArrowType type = f.getType();
        String extension = type instanceof ArrowType.ExtensionType e ? e.extensionName()
                : f.getMetadata().get(EXTENSION_NAME);
        if (extension != null && !UuidType.EXTENSION_NAME.equals(extension)) {
            // an extension's storage means something else than the plain type (DuckDB's HUGEINT is 16 bytes)
            throw new QArrowException(column, -1, "Arrow extension type " + extension + " (stored as "
                    + (type instanceof ArrowType.ExtensionType e ? e.storageType() : type) + ") has no q type");
        }
        // data q4j did not write: a value that is one of q's null sentinels cannot be held as that value
        boolean foreign = q == null;
        Reader r = new Reader(column, v, n);
        switch (type.getTypeID()) {
            case Bool:
                return r.booleans();
            case Int: {
                ArrowType.Int t = (ArrowType.Int) type;
                if (!t.getIsSigned()) {
                    switch (t.getBitWidth()) {
                        case 8: return r.bytes();
                        case 16: return r.ints(QType.INT, 2, false, false);
                        case 32: return r.longs(QType.LONG, 4, false, false);
                        default: return r.unsignedLongs();
                    }
                }
                switch (t.getBitWidth()) {
                    case 8: return r.shorts(1, false);
                    case 16: return r.shorts(2, foreign);
                    case 32: return r.ints(QType.INT, 4, true, foreign);
                    default: return r.longs(QType.LONG, 8, true, foreign);
                }
            }
            case FloatingPoint: {
                FloatingPointPrecision p = ((ArrowType.FloatingPoint) type).getPrecision();
                if (p == FloatingPointPrecision.HALF) {
                    break;
                }
                return p == FloatingPointPrecision.DOUBLE ? r.floats() : r.reals();
            }
            case Decimal:
                // SQL engines' sums and exact numbers (DuckDB's HUGEINT arrives as Decimal(38, 0)): whole numbers
                // to long, checked; fractions to the nearest double
                return ((ArrowType.Decimal) type).getScale() <= 0 ? r.decimalLongs() : r.decimalFloats();
            case Utf8:
            case LargeUtf8:
            case Utf8View:
                if ("char".equals(q)) {
                    return r.chars();
                }
                if ("symbol".equals(q)) {
                    return r.plainSymbols();
                }
                return "text".equals(q) ? r.texts() : r.strings();
            case Binary:
            case LargeBinary:
            case BinaryView:
                return r.binaries();
            case FixedSizeBinary:
                // an extension type's id is its storage's: arrow.uuid registered (UuidType) or not (metadata)
                if (type instanceof UuidType || type instanceof ArrowType.FixedSizeBinary b && b.getByteWidth() == 16
                        && UuidType.EXTENSION_NAME.equals(f.getMetadata().get(EXTENSION_NAME))) {
                    return r.guids();
                }
                if (type instanceof ArrowType.ExtensionType e) {
                    throw new QArrowException(column, -1, "Arrow extension type " + e.extensionName()
                            + " has no q type");
                }
                return r.binaries();
            case Timestamp: {
                ArrowType.Timestamp t = (ArrowType.Timestamp) type;
                if ("datetime".equals(q) && t.getUnit() == TimeUnit.MICROSECOND) {
                    return r.datetimes();
                }
                return r.timestamps(nanosPer(t.getUnit()));
            }
            case Date:
                if (((ArrowType.Date) type).getUnit() == org.apache.arrow.vector.types.DateUnit.MILLISECOND) {
                    return r.millisecondDates();
                }
                return "month".equals(q) ? r.months() : r.dates();
            case Time: {
                ArrowType.Time t = (ArrowType.Time) type;
                switch (t.getUnit()) {
                    case SECOND: return "minute".equals(q) ? r.minutes() : r.ints(QType.SECOND, 4, true, false);
                    case MILLISECOND: return r.ints(QType.TIME, 4, true, false);
                    default: return r.timespans(nanosPer(t.getUnit()), t.getBitWidth() / 8);
                }
            }
            case Duration:
                return r.timespans(nanosPer(((ArrowType.Duration) type).getUnit()), 8);
            case Interval:
                switch (((ArrowType.Interval) type).getUnit()) {
                    case YEAR_MONTH: return r.ints(QType.MONTH, 4, true, false);
                    // what SQL engines send for an INTERVAL (DuckDB's): days and (nano|milli)seconds, no months
                    case MONTH_DAY_NANO: return r.dayIntervals(16);
                    default: return r.dayIntervals(8);
                }
            case List:
            case LargeList:
            case FixedSizeList:
                return r.lists(f.getChildren().get(0), dictionaries);
            case Null:
                return r.nulls();
            default:
                break;
        }
        throw new QArrowException(column, -1, "Arrow type " + type + " has no q type");
    }

    private static long nanosPer(TimeUnit unit) {
        switch (unit) {
            case SECOND: return 1_000_000_000L;
            case MILLISECOND: return 1_000_000L;
            case MICROSECOND: return 1_000L;
            default: return 1L;
        }
    }

    private static QSymbolVector symbols(String column, FieldVector v, DictionaryEncoding encoding,
            DictionaryProvider dictionaries) {
        Dictionary d = dictionaries == null ? null : dictionaries.lookup(encoding.getId());
        if (d == null) {
            throw new QArrowException(column, -1, "the dictionary " + encoding.getId() + " is missing");
        }
        FieldVector dv = d.getVector();
        ArrowType valueType = d.getVectorType();
        boolean text = valueType instanceof ArrowType.Utf8 || valueType instanceof ArrowType.LargeUtf8
                || valueType instanceof ArrowType.Utf8View;
        if (!(dv instanceof VariableWidthFieldVector values) || !text) {
            throw new QArrowException(column, -1, "a dictionary of " + d.getVectorType()
                    + " has no q type (dictionaries of Utf8 become symbols)");
        }
        int size = dv.getValueCount();
        String[] distinct = new String[size];
        for (int i = 0; i < size; i++) {
            distinct[i] = dv.isNull(i) ? "" : new String(values.get(i), StandardCharsets.UTF_8);
        }
        BaseIntVector indices = (BaseIntVector) v;
        int n = v.getValueCount();
        String[] out = new String[n];
        boolean anyNull = v.getNullCount() > 0;
        boolean int32 = v instanceof IntVector && v.getDataBuffer().capacity() >= 4L * n;
        long address = v.getDataBuffer().memoryAddress();
        for (int i = 0; i < n; i++) {
            if (anyNull && v.isNull(i)) {
                out[i] = "";
                continue;
            }
            long k = int32 ? MemoryUtil.getInt(address + 4L * i) : indices.getValueAsLong(i);
            if (k < 0 || k >= size) {
                throw new QArrowException(column, i, "dictionary index " + k + " is not in the dictionary of "
                        + size + " values");
            }
            out[i] = distinct[(int) k];
        }
        return symbolVector(column, out);
    }

    /** {@return the symbols; one holding a NUL, which q cannot send, is an error naming the column} */
    private static QSymbolVector symbolVector(String column, String[] symbols) {
        try {
            return QSymbolVector.wrap(symbols);
        } catch (IllegalArgumentException e) {
            throw new QArrowException(column, -1, e.getMessage());
        }
    }

    /** Reads one vector's values into a q list of some type. */
    private static final class Reader {
        private final String column;
        private final FieldVector v;
        private final int n;
        /** whether any validity bit is clear: most columns have no null, and skip the bit tests */
        private final boolean anyNull;

        Reader(String column, FieldVector v, int n) {
            this.column = column;
            this.v = v;
            this.n = n;
            this.anyNull = v != null && v.getNullCount() > 0;
        }

        private QArrowException error(int row, String problem) {
            return new QArrowException(column, row, problem);
        }

        private boolean isNull(int i) {
            return anyNull && v.isNull(i);
        }

        /** {@return the address of the values, whose buffer is checked to hold n values of {@code width} bytes} */
        private long address(int width) {
            ArrowBuf d = data();
            if (d.capacity() < (long) n * width) {
                throw error(-1, "the data buffer holds " + d.capacity() + " bytes, not the " + (long) n * width
                        + " of " + n + " values");
            }
            return d.memoryAddress();
        }

        private ArrowBuf data() {
            ValueVector storage = v instanceof ExtensionTypeVector<?> e ? e.getUnderlyingVector() : v;
            return ((BaseFixedWidthVector) storage).getDataBuffer();
        }

        private void noNulls(String type) {
            for (int i = 0; i < n; i++) {
                if (isNull(i)) {
                    throw error(i, "an Arrow null where q's " + type + " has no null");
                }
            }
        }

        QSequence booleans() {
            boolean[] out = new boolean[n];
            if (n > 0) {
                noNulls("boolean");
                BitVector b = (BitVector) v;
                for (int i = 0; i < n; i++) {
                    out[i] = b.get(i) != 0;
                }
            }
            return QBooleanVector.wrap(out);
        }

        QSequence bytes() {
            byte[] out = new byte[n];
            if (n > 0) {
                noNulls("byte");
                data().getBytes(0, out, 0, n);
            }
            return QByteVector.wrap(out);
        }

        /** A value of foreign data that is q's null sentinel: q cannot hold it as a value. */
        private QArrowException sentinel(int row, long value, String type) {
            return error(row, value + " is q's " + type + " null, which cannot be held as a value");
        }

        QSequence shorts(int width, boolean foreign) {
            short[] out = new short[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? Short.MIN_VALUE : width == 1 ? d.getByte(i) : d.getShort(2L * i);
                    if (foreign && out[i] == Short.MIN_VALUE && !isNull(i)) {
                        throw sentinel(i, out[i], "short");
                    }
                }
            }
            return QShortVector.wrap(out);
        }

        QSequence ints(QType type, int width, boolean signed, boolean foreign) {
            int[] out = new int[n];
            if (n > 0 && width == 4) {
                long a = address(4);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getInt(a + 4L * i);
                }
                for (int i = 0; foreign && i < n; i++) {
                    if (out[i] == Integer.MIN_VALUE && !isNull(i)) {
                        throw sentinel(i, out[i], type.qName());
                    }
                }
                for (int i = 0; anyNull && i < n; i++) {
                    if (isNull(i)) {
                        out[i] = Integer.MIN_VALUE;
                    }
                }
            } else if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? Integer.MIN_VALUE
                            : width == 2 ? (signed ? d.getShort(2L * i) : d.getShort(2L * i) & 0xFFFF)
                            : d.getInt(4L * i);
                }
            }
            return QVectors.wrapInts(type, out, Attribute.NONE);
        }

        QSequence longs(QType type, int width, boolean signed, boolean foreign) {
            long[] out = new long[n];
            if (n > 0 && width == 8) {
                long a = address(8);
                for (int i = 0; i < n; i++) {
                    out[i] = MemoryUtil.getLong(a + 8L * i);
                }
                for (int i = 0; foreign && i < n; i++) {
                    if (out[i] == Long.MIN_VALUE && !isNull(i)) {
                        throw sentinel(i, out[i], type.qName());
                    }
                }
                for (int i = 0; anyNull && i < n; i++) {
                    if (isNull(i)) {
                        out[i] = Long.MIN_VALUE;
                    }
                }
            } else if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? Long.MIN_VALUE
                            : width == 4 ? (signed ? d.getInt(4L * i) : d.getInt(4L * i) & 0xFFFF_FFFFL)
                            : d.getLong(8L * i);
                }
            }
            return QVectors.wrapLongs(type, out, Attribute.NONE);
        }

        QSequence unsignedLongs() {
            long[] out = new long[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    long x = d.getLong(8L * i);
                    if (!isNull(i) && x < 0) {
                        throw error(i, "UInt64 " + Long.toUnsignedString(x) + " is past q's long");
                    }
                    out[i] = isNull(i) ? Long.MIN_VALUE : x;
                }
            }
            return QVectors.wrapLongs(QType.LONG, out, Attribute.NONE);
        }

        QSequence decimalLongs() {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                if (isNull(i)) {
                    out[i] = Long.MIN_VALUE;
                    continue;
                }
                java.math.BigDecimal d = (java.math.BigDecimal) v.getObject(i);
                try {
                    out[i] = d.longValueExact();
                } catch (ArithmeticException e) {
                    throw error(i, "Decimal " + d + " is past q's long");
                }
                if (out[i] == Long.MIN_VALUE) {
                    throw error(i, "Decimal " + d + " is q's long null (0N), not a value");
                }
            }
            return QVectors.wrapLongs(QType.LONG, out, Attribute.NONE);
        }

        QSequence decimalFloats() {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = isNull(i) ? Double.NaN : ((java.math.BigDecimal) v.getObject(i)).doubleValue();
            }
            return QVectors.wrapDoubles(QType.FLOAT, out, Attribute.NONE);
        }

        QSequence reals() {
            float[] out = new float[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? Float.NaN : d.getFloat(4L * i);
                }
            }
            return QRealVector.wrap(out);
        }

        QSequence floats() {
            double[] out = new double[n];
            if (n > 0) {
                long a = address(8);
                for (int i = 0; i < n; i++) {
                    out[i] = Double.longBitsToDouble(MemoryUtil.getLong(a + 8L * i));
                }
                for (int i = 0; anyNull && i < n; i++) {
                    if (isNull(i)) {
                        out[i] = Double.NaN;
                    }
                }
            }
            return QVectors.wrapDoubles(QType.FLOAT, out, Attribute.NONE);
        }

        private byte[] bytesAt(int i) {
            return ((VariableWidthFieldVector) v).get(i);
        }

        QSequence chars() {
            byte[] out = new byte[n];
            if (n > 0 && v instanceof BaseVariableWidthVector text) {
                // straight from the offsets and bytes: no array per value
                long offsets = text.getOffsetBuffer().memoryAddress();
                if (text.getOffsetBuffer().capacity() < 4L * (n + 1)) {
                    throw error(-1, "the offsets buffer is shorter than " + (n + 1) + " offsets");
                }
                long data = text.getDataBuffer().memoryAddress();
                long size = text.getDataBuffer().capacity();
                for (int i = 0; i < n; i++) {
                    int start = MemoryUtil.getInt(offsets + 4L * i);
                    int end = MemoryUtil.getInt(offsets + 4L * i + 4);
                    if (isNull(i)) {
                        out[i] = ' ';
                    } else if (end - start != 1 || start < 0 || end > size) {
                        throw error(i, "a char column's value must be one byte long, not " + (end - start));
                    } else {
                        out[i] = MemoryUtil.getByte(data + start);
                    }
                }
                return QCharVector.wrap(out);
            }
            for (int i = 0; i < n; i++) {
                if (isNull(i)) {
                    out[i] = ' ';
                    continue;
                }
                byte[] b = bytesAt(i);
                if (b.length != 1) {
                    throw error(i, "a char column's value must be one byte long, not " + b.length);
                }
                out[i] = b[0];
            }
            return QCharVector.wrap(out);
        }

        QSequence plainSymbols() {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = isNull(i) ? "" : new String(bytesAt(i), StandardCharsets.UTF_8);
            }
            return symbolVector(column, out);
        }

        QSequence strings() {
            QValue[] out = new QValue[n];
            for (int i = 0; i < n; i++) {
                out[i] = isNull(i) ? QCharVector.EMPTY : QCharVector.wrap(bytesAt(i));
            }
            return QList.wrap(out, Attribute.NONE);
        }

        QSequence texts() {
            QValue[] out = new QValue[n];
            for (int i = 0; i < n; i++) {
                if (isNull(i)) {
                    throw error(i, "an Arrow null in a column of q text");
                }
                String text = new String(bytesAt(i), StandardCharsets.UTF_8);
                try {
                    out[i] = QText.parse(text);
                } catch (QTextException e) {
                    throw error(i, "not q text: " + e.getMessage());
                }
            }
            return QList.wrap(out, Attribute.NONE);
        }

        QSequence binaries() {
            QValue[] out = new QValue[n];
            for (int i = 0; i < n; i++) {
                out[i] = isNull(i) ? QByteVector.EMPTY
                        : QByteVector.wrap(v instanceof FixedSizeBinaryVector f ? f.get(i) : bytesAt(i));
            }
            return QList.wrap(out, Attribute.NONE);
        }

        QSequence guids() {
            UUID[] out = new UUID[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? new UUID(0, 0) : new UUID(Long.reverseBytes(d.getLong(16L * i)),
                            Long.reverseBytes(d.getLong(16L * i + 8)));
                }
            }
            return QGuidVector.wrap(out);
        }

        /** Timestamps in some unit since 1970: to nanoseconds since 2000; MIN null, ±MAX infinities. */
        QSequence timestamps(long nanosPerUnit) {
            long[] out = new long[n];
            if (n > 0) {
                long address = address(8);
                for (int i = 0; i < n; i++) {
                    long a = MemoryUtil.getLong(address + 8L * i);
                    if (isNull(i) || a == Long.MIN_VALUE) {
                        out[i] = Long.MIN_VALUE;
                    } else if (a == Long.MAX_VALUE || a == -Long.MAX_VALUE) {
                        out[i] = a;
                    } else if (nanosPerUnit == 1 && a > -Long.MAX_VALUE + ColumnEncoder.TIMESTAMP_SHIFT) {
                        out[i] = a - ColumnEncoder.TIMESTAMP_SHIFT;   // nanoseconds well inside q's range
                    } else {
                        long q;
                        try {
                            q = Math.subtractExact(Math.multiplyExact(a, nanosPerUnit), ColumnEncoder.TIMESTAMP_SHIFT);
                        } catch (ArithmeticException e) {
                            q = Long.MIN_VALUE;
                        }
                        if (q <= -Long.MAX_VALUE || q == Long.MAX_VALUE) {
                            throw error(i, "timestamp " + a + " (" + nanosPerUnit + " ns units since 1970) is"
                                    + " outside q's timestamps (1707.09.22 to 2292.04.10)");
                        }
                        out[i] = q;
                    }
                }
            }
            return QVectors.wrapLongs(QType.TIMESTAMP, out, Attribute.NONE);
        }

        QSequence timespans(long nanosPerUnit, int width) {
            long[] out = new long[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    long a = width == 4 ? d.getInt(4L * i) : d.getLong(8L * i);
                    if (isNull(i) || a == Long.MIN_VALUE) {
                        out[i] = Long.MIN_VALUE;
                    } else if (a == Long.MAX_VALUE || a == -Long.MAX_VALUE) {
                        out[i] = a;
                    } else {
                        try {
                            out[i] = Math.multiplyExact(a, nanosPerUnit);
                        } catch (ArithmeticException e) {
                            throw error(i, "duration " + a + " (" + nanosPerUnit + " ns units) is past q's timespan");
                        }
                        if (out[i] == Long.MIN_VALUE) {
                            throw error(i, "duration " + a + " (" + nanosPerUnit + " ns units) is past q's timespan");
                        }
                    }
                }
            }
            return QVectors.wrapLongs(QType.TIMESPAN, out, Attribute.NONE);
        }

        /**
         * Intervals of days and a time (MONTH_DAY_NANO, 16 bytes: int months, int days, long nanoseconds; DAY_TIME,
         * 8 bytes: int days, int milliseconds) as timespans; months have no fixed length: an error.
         */
        QSequence dayIntervals(int width) {
            long[] out = new long[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    if (isNull(i)) {
                        out[i] = Long.MIN_VALUE;
                        continue;
                    }
                    long at = (long) width * i;
                    int months = width == 16 ? d.getInt(at) : 0;
                    long days = width == 16 ? d.getInt(at + 4) : d.getInt(at);
                    long nanos = width == 16 ? d.getLong(at + 8) : d.getInt(at + 4) * 1_000_000L;
                    if (months != 0) {
                        throw error(i, "an interval of " + months + " months has no q timespan (a month has no "
                                + "fixed length)");
                    }
                    try {
                        out[i] = Math.addExact(Math.multiplyExact(days, 86_400_000_000_000L), nanos);
                    } catch (ArithmeticException e) {
                        out[i] = Long.MIN_VALUE;
                    }
                    if (out[i] == Long.MIN_VALUE || out[i] == Long.MAX_VALUE || out[i] == -Long.MAX_VALUE) {
                        throw error(i, "an interval of " + days + " days and " + nanos + " ns is past q's timespan");
                    }
                }
            }
            return QVectors.wrapLongs(QType.TIMESPAN, out, Attribute.NONE);
        }

        QSequence datetimes() {
            double[] out = new double[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    long a = d.getLong(8L * i);
                    if (isNull(i) || a == Long.MIN_VALUE) {
                        out[i] = Double.NaN;
                    } else if (a == Long.MAX_VALUE) {
                        out[i] = Double.POSITIVE_INFINITY;
                    } else if (a == -Long.MAX_VALUE) {
                        out[i] = Double.NEGATIVE_INFINITY;
                    } else {
                        // whole milliseconds divided as q divides them, for the very same double
                        long micros = a - ColumnEncoder.DATETIME_SHIFT;
                        out[i] = micros % 1000 == 0 ? (micros / 1000) / ColumnEncoder.MILLIS_PER_DAY
                                : micros / ColumnEncoder.MICROS_PER_DAY;
                    }
                }
            }
            return QVectors.wrapDoubles(QType.DATETIME, out, Attribute.NONE);
        }

        /** Raw int values with MIN null and ±MAX infinities kept; the others through {@code convert}. */
        private int[] specialInts() {
            int[] out = new int[n];
            if (n > 0) {
                long a = address(4);
                for (int i = 0; i < n; i++) {
                    out[i] = isNull(i) ? Integer.MIN_VALUE : MemoryUtil.getInt(a + 4L * i);
                }
            }
            return out;
        }

        private static boolean special(int x) {
            return x == Integer.MIN_VALUE || x == Integer.MAX_VALUE || x == -Integer.MAX_VALUE;
        }

        QSequence dates() {
            int[] out = specialInts();
            for (int i = 0; i < n; i++) {
                if (!special(out[i])) {
                    long q = (long) out[i] - QTemporal.EPOCH_DAY_2000;
                    if (q <= -Integer.MAX_VALUE) {
                        throw error(i, "date " + LocalDate.ofEpochDay(out[i]) + " is before q's dates");
                    }
                    out[i] = (int) q;
                }
            }
            return QVectors.wrapInts(QType.DATE, out, Attribute.NONE);
        }

        QSequence millisecondDates() {
            int[] out = new int[n];
            if (n > 0) {
                ArrowBuf d = data();
                for (int i = 0; i < n; i++) {
                    long ms = d.getLong(8L * i);
                    if (isNull(i)) {
                        out[i] = Integer.MIN_VALUE;
                    } else if (ms % 86_400_000L != 0) {
                        throw error(i, "Date(MILLISECOND) " + ms + " is not a whole day");
                    } else {
                        long q = ms / 86_400_000L - QTemporal.EPOCH_DAY_2000;
                        if (q <= -Integer.MAX_VALUE || q >= Integer.MAX_VALUE) {
                            throw error(i, "Date(MILLISECOND) " + ms + " is outside q's dates");
                        }
                        out[i] = (int) q;
                    }
                }
            }
            return QVectors.wrapInts(QType.DATE, out, Attribute.NONE);
        }

        QSequence months() {
            int[] out = specialInts();
            for (int i = 0; i < n; i++) {
                if (!special(out[i])) {
                    LocalDate day = LocalDate.ofEpochDay(out[i]);
                    if (day.getDayOfMonth() != 1) {
                        throw error(i, "a month column's date " + day + " is not the 1st of a month");
                    }
                    long q = (day.getYear() - 2000L) * 12 + day.getMonthValue() - 1;
                    if (q <= -Integer.MAX_VALUE || q >= Integer.MAX_VALUE) {
                        throw error(i, "month " + day + " is outside q's months");
                    }
                    out[i] = (int) q;
                }
            }
            return QVectors.wrapInts(QType.MONTH, out, Attribute.NONE);
        }

        QSequence minutes() {
            int[] out = specialInts();
            for (int i = 0; i < n; i++) {
                if (!special(out[i])) {
                    if (out[i] % 60 != 0) {
                        throw error(i, "a minute column's time of " + out[i] + " seconds is not whole minutes");
                    }
                    out[i] /= 60;
                }
            }
            return QVectors.wrapInts(QType.MINUTE, out, Attribute.NONE);
        }

        QSequence lists(Field child, DictionaryProvider dictionaries) {
            FieldVector items = v == null ? null : v instanceof ListVector l ? l.getDataVector()
                    : v instanceof LargeListVector l ? l.getDataVector() : ((FixedSizeListVector) v).getDataVector();
            QSequence flat = column(column, child, items, dictionaries);
            QValue[] out = new QValue[n];
            QType type = flat instanceof QVector vector ? vector.type() : null;
            for (int i = 0; i < n; i++) {
                long start;
                long end;
                if (v instanceof LargeListVector large) {
                    start = large.getOffsetBuffer().getLong(8L * i);
                    end = large.getOffsetBuffer().getLong(8L * i + 8);
                } else {
                    start = ((BaseListVector) v).getElementStartIndex(i);
                    end = ((BaseListVector) v).getElementEndIndex(i);
                }
                if (start < 0 || end < start || end > flat.count()) {
                    throw error(i, "the list's offsets " + start + ".." + end + " are outside its "
                            + flat.count() + " items");
                }
                out[i] = isNull(i) ? Slice.of(flat, type, 0, 0) : Slice.of(flat, type, (int) start, (int) end);
            }
            return QList.wrap(out, Attribute.NONE);
        }

        QSequence nulls() {
            QValue[] out = new QValue[n];
            Arrays.fill(out, QUnaryPrimitive.IDENTITY);
            return n == 0 ? QList.EMPTY : QList.wrap(out, Attribute.NONE);
        }
    }
}
