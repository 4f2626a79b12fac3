package dev.q4j.arrow;

import dev.q4j.value.Attribute;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.extension.UuidType;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.DictionaryEncoding;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.DictionaryUtility;

/**
 * Converts q tables of one shape (the first table's column names, kinds and key columns) into Arrow vectors. Holds
 * per column an encoder, whose symbol dictionaries are its only state.
 */
final class TableEncoder {
    /** The Int32 indices of symbol columns. */
    private static final ArrowType.Int INDEX_TYPE = new ArrowType.Int(32, true);

    /** A table's columns, key columns first. */
    record Rows(List<String> names, List<QSequence> columns, int keys, boolean sorted, int count) {
    }

    private final Rows first;
    private final Kind[] kinds;
    private final ColumnEncoder[] encoders;
    private final Schema messageSchema;

    private TableEncoder(Rows first, ArrowOptions options) {
        this.first = first;
        int n = first.names().size();
        this.kinds = new Kind[n];
        this.encoders = new ColumnEncoder[n];
        List<Field> fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String name = first.names().get(i);
            QSequence column = first.columns().get(i);
            Kind kind = Kind.of(column);
            if (kind == null) {
                if (options.mixedLists() == ArrowOptions.MixedLists.ERROR) {
                    throw new QArrowException(name, -1, "a mixed list (items of different types) has no Arrow"
                            + " type; ArrowOptions.MixedLists.Q_TEXT writes it as q text");
                }
                kind = new Kind.Text();
            }
            kinds[i] = kind;
            long dictionaryId = kind.equals(new Kind.Vector(QType.SYMBOL)) ? i : -1;
            encoders[i] = ColumnEncoder.of(name, kind, dictionaryId, options);
            fields.add(field(name, kind, column.attribute(), dictionaryId));
        }
        Map<String, String> metadata = new HashMap<>();
        if (first.keys() > 0) {
            metadata.put(QArrow.KEYS, Integer.toString(first.keys()));
        }
        if (first.sorted()) {
            metadata.put(QArrow.SORTED, "true");
        }
        this.messageSchema = new Schema(fields, metadata);
    }

    static TableEncoder of(QValue table, ArrowOptions options) {
        return new TableEncoder(columnsOf(table), options);
    }

    /** {@return the schema as it travels in IPC: symbol fields as Utf8 with a dictionary encoding} */
    Schema messageSchema() {
        return messageSchema;
    }

    /**
     * {@return the schema as it is in memory (symbol fields as their Int32 indices), with the vectors' fields}
     *
     * @param allocator where the memory comes from
     * @param dictionaries filled with a dictionary for each symbol column
     */
    List<Field> memoryFields(BufferAllocator allocator, Map<Long, Dictionary> dictionaries) {
        List<Field> fields = new ArrayList<>();
        for (Field f : messageSchema.getFields()) {
            fields.add(DictionaryUtility.toMemoryFormat(f, allocator, dictionaries));
        }
        return fields;
    }

    ArrowTable newTable(BufferAllocator allocator) {
        Map<Long, Dictionary> dictionaries = new LinkedHashMap<>();
        List<Field> fields = memoryFields(allocator, dictionaries);
        List<FieldVector> vectors = new ArrayList<>(fields.size());
        try {
            for (Field f : fields) {
                vectors.add(f.createVector(allocator));
            }
        } catch (RuntimeException e) {
            vectors.forEach(FieldVector::close);
            dictionaries.values().forEach(d -> d.getVector().close());
            throw e;
        }
        VectorSchemaRoot root = new VectorSchemaRoot(new Schema(fields, messageSchema.getCustomMetadata()), vectors, 0);
        return new ArrowTable(this, root, dictionaries);
    }

    /**
     * {@return its columns}
     *
     * @param table a table of this encoder's shape
     * @throws QArrowException when it is not a table, or its columns differ from the first table's
     */
    Rows rowsOf(QValue table) {
        Rows rows = columnsOf(table);
        if (rows == first) {
            return rows;
        }
        if (!rows.names().equals(first.names()) || rows.keys() != first.keys() || rows.sorted() != first.sorted()) {
            throw new QArrowException(null, -1, "the table's columns " + describe(rows) + " differ from the first"
                    + " table's " + describe(first));
        }
        for (int i = 0; i < kinds.length; i++) {
            if (rows.columns().get(i) == first.columns().get(i)) {
                continue;
            }
            Kind k = Kind.of(rows.columns().get(i));
            boolean fits = k == null ? kinds[i] instanceof Kind.Text
                    : k.equals(kinds[i]) || kinds[i] instanceof Kind.Text && !(k instanceof Kind.Vector);
            if (!fits) {
                throw new QArrowException(rows.names().get(i), -1, "is " + (k == null ? "a mixed list" : k)
                        + " here, " + kinds[i] + " in the first table");
            }
        }
        return rows;
    }

    /** Writes rows {@code from..to} into the root's vectors and the symbol columns' dictionaries. */
    void encode(Rows rows, int from, int to, VectorSchemaRoot root, Map<Long, Dictionary> dictionaries) {
        for (int i = 0; i < encoders.length; i++) {
            encoders[i].startBatch();
            encoders[i].encode(root.getVector(i), rows.columns().get(i), from, to, dictionaries);
        }
        root.setRowCount(to - from);
    }

    /** Makes the symbol columns' dictionaries hold every symbol of these tables, for every batch. */
    void collectSymbols(Iterable<? extends QValue> tables) {
        for (QValue t : tables) {
            Rows rows = rowsOf(t);
            for (int i = 0; i < encoders.length; i++) {
                if (encoders[i] instanceof ColumnEncoder.Symbols s) {
                    s.collect((QSymbolVector) rows.columns().get(i));
                }
            }
        }
    }

    private static String describe(Rows rows) {
        String names = String.join(",", rows.names());
        return rows.keys() == 0 ? "(" + names + ")" : "(" + names + " with " + rows.keys()
                + (rows.sorted() ? " sorted" : "") + " key columns)";
    }

    private static Rows columnsOf(QValue table) {
        if (table instanceof QTable t) {
            return new Rows(t.columnNames(), t.columns(), 0, false, t.count());
        }
        if (table instanceof QKeyedTable k) {
            List<String> names = new ArrayList<>(k.keys().columnNames());
            names.addAll(k.values().columnNames());
            List<QSequence> columns = new ArrayList<>(k.keys().columns());
            columns.addAll(k.values().columns());
            return new Rows(names, columns, k.keys().columnNames().size(), k.sorted(), k.count());
        }
        throw new QArrowException(null, -1, "only tables and keyed tables convert to Arrow, not a "
                + (table == null ? "null" : table.type().qName()));
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    static Field field(String name, Kind kind, Attribute attribute, long dictionaryId) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(QArrow.TYPE, typeName(kind));
        if (attribute != Attribute.NONE) {
            metadata.put(QArrow.ATTRIBUTE, attribute.letter());
        }
        if (kind instanceof Kind.Nested n) {
            Field item = field("item", n.item(), Attribute.NONE, -1);
            return new Field(name, new FieldType(true, ArrowType.List.INSTANCE, null, metadata), List.of(item));
        }
        DictionaryEncoding encoding = dictionaryId >= 0 ? new DictionaryEncoding(dictionaryId, false, INDEX_TYPE)
                : null;
        boolean nullable = !(kind instanceof Kind.Vector v)
                || v.type() != QType.BOOLEAN && v.type() != QType.BYTE;
        return new Field(name, new FieldType(nullable, arrowType(kind), encoding, metadata), List.of());
    }

    static String typeName(Kind kind) {
        if (kind instanceof Kind.Vector v) {
            return v.type().qName();
        }
        if (kind instanceof Kind.Strings) {
            return "string";
        }
        if (kind instanceof Kind.Text) {
            return "text";
        }
        return "list";
    }

    static ArrowType arrowType(Kind kind) {
        if (kind instanceof Kind.Strings || kind instanceof Kind.Text) {
            return ArrowType.Utf8.INSTANCE;
        }
        if (kind instanceof Kind.Empty) {
            return ArrowType.Null.INSTANCE;
        }
        QType type = ((Kind.Vector) kind).type();
        switch (type) {
            case BOOLEAN: return ArrowType.Bool.INSTANCE;
            case GUID: return UuidType.INSTANCE;
            case BYTE: return new ArrowType.Int(8, false);
            case SHORT: return new ArrowType.Int(16, true);
            case INT: return new ArrowType.Int(32, true);
            case LONG: return new ArrowType.Int(64, true);
            case REAL: return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case FLOAT: return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case CHAR: case SYMBOL: return ArrowType.Utf8.INSTANCE;
            case TIMESTAMP: return new ArrowType.Timestamp(TimeUnit.NANOSECOND, "UTC");
            case MONTH: case DATE: return new ArrowType.Date(DateUnit.DAY);
            case DATETIME: return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case TIMESPAN: return new ArrowType.Duration(TimeUnit.NANOSECOND);
            case MINUTE: case SECOND: return new ArrowType.Time(TimeUnit.SECOND, 32);
            case TIME: return new ArrowType.Time(TimeUnit.MILLISECOND, 32);
            default: throw new IllegalArgumentException("no Arrow type for " + type);
        }
    }
}
