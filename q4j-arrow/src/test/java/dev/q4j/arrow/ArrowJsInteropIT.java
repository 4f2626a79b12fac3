package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * q4j's Arrow IPC output read by apache-arrow, the JavaScript implementation ({@code interop/arrow/read.js}), each
 * value checked against the q table's, computed here from the q values with {@code java.time}; and files that
 * apache-arrow wrote ({@code interop/arrow/write.js}) read by q4j.
 */
class ArrowJsInteropIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter JS_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    /** the Arrow types the mapping gives, as apache-arrow names them */
    private static final Map<QType, String> ARROW_TYPES = Map.ofEntries(
            Map.entry(QType.BOOLEAN, "Bool"), Map.entry(QType.GUID, "FixedSizeBinary[16]"),
            Map.entry(QType.BYTE, "Uint8"), Map.entry(QType.SHORT, "Int16"), Map.entry(QType.INT, "Int32"),
            Map.entry(QType.LONG, "Int64"), Map.entry(QType.REAL, "Float32"), Map.entry(QType.FLOAT, "Float64"),
            Map.entry(QType.CHAR, "Utf8"), Map.entry(QType.SYMBOL, "Dictionary<Int32, Utf8>"),
            Map.entry(QType.TIMESTAMP, "Timestamp<NANOSECOND, UTC>"), Map.entry(QType.MONTH, "Date32<DAY>"),
            Map.entry(QType.DATE, "Date32<DAY>"), Map.entry(QType.DATETIME, "Timestamp<MICROSECOND, UTC>"),
            Map.entry(QType.TIMESPAN, "Duration<NANOSECOND>"), Map.entry(QType.MINUTE, "Time32<SECOND>"),
            Map.entry(QType.SECOND, "Time32<SECOND>"), Map.entry(QType.TIME, "Time32<MILLISECOND>"));

    @TempDir
    Path dir;

    @Test
    void apacheArrowReadsEveryTypeFromAnIpcFile() throws IOException {
        QTable t = Tables.everyType();
        Path file = dir.resolve("every.arrow");
        QArrow.writeFile(t, file);
        checkRead(file, "file", t, 0, 1);
    }

    @Test
    void apacheArrowReadsEveryTypeFromAnIpcStreamOfSeveralBatches() throws IOException {
        QTable t = Tables.everyType();
        Path file = dir.resolve("every.arrows");
        write(file, List.of(t, t), ArrowOptions.builder().batchRows(3).build());
        // the schema keeps each table's attributes; the joined values hold them or not (u# repeats)
        checkRead(file, "stream", concat(t, t), t, 0, 4);
    }

    /** Each batch of a stream brings its own symbol dictionary, which replaces the last: apache-arrow follows. */
    @Test
    void apacheArrowFollowsReplacementDictionariesAndTheFileKeepsOneForAll() throws IOException {
        QTable a = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("IBM", "MSFT", "IBM"),
                QFloatVector.of(1, 2, 3)));
        QTable b = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("AAPL", "", "IBM", "GOOG"),
                QFloatVector.of(4, 5, 6, 7)));
        ArrowOptions two = ArrowOptions.builder().batchRows(2).build();
        Path stream = dir.resolve("syms.arrows");
        write(stream, List.of(a, b), two);
        checkRead(stream, "stream", concat(a, b), 0, 4);
        Path file = dir.resolve("syms.arrow");
        QArrow.writeFile(List.of(a, b), file, two);
        checkRead(file, "file", concat(a, b), 0, 4);
    }

    @Test
    void apacheArrowReadsEmptyTablesWithTheirTypes() throws IOException {
        QTable t = Tables.everyType();
        List<QSequence> empty = new ArrayList<>();
        for (QSequence c : t.columns()) {
            empty.add(Slice.of(c, c instanceof dev.q4j.value.QVector v ? v.type() : null, 0, 0));
        }
        QTable none = QTable.of(t.columnNames().subList(0, 18), empty.subList(0, 18));   // the vector columns
        Path file = dir.resolve("empty.arrow");
        QArrow.writeFile(none, file);
        try (org.apache.arrow.memory.BufferAllocator allocator = new org.apache.arrow.memory.RootAllocator();
             org.apache.arrow.vector.ipc.ArrowFileReader reader = new org.apache.arrow.vector.ipc.ArrowFileReader(
                     Files.newByteChannel(file), allocator)) {
            assertThat(reader.getRecordBlocks()).as("record batches written").isEmpty();
        }
        // apache-arrow makes one empty batch of a file or stream without any
        checkRead(file, "file", none, 0, 1);
        Path stream = dir.resolve("empty.arrows");
        write(stream, List.of(none), ArrowOptions.defaults());
        checkRead(stream, "stream", none, 0, 1);
    }

    @Test
    void apacheArrowReadsTheKeyColumnsOfAKeyedTable() throws IOException {
        QKeyedTable k = QKeyedTable.of(
                QTable.of(List.of("sym"), List.of(QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE))),
                QTable.of(List.of("n", "when"), List.of(QIntVector.of(1, 2),
                        QTimestampVector.ofInstants(Instant.parse("2024-03-05T06:07:08.123456789Z"), Instant.EPOCH))));
        Path file = dir.resolve("keyed.arrow");
        QArrow.writeFile(k, file);
        List<String> names = new ArrayList<>(k.keys().columnNames());
        names.addAll(k.values().columnNames());
        List<QSequence> columns = new ArrayList<>(k.keys().columns());
        columns.addAll(k.values().columns());
        checkRead(file, "file", QTable.of(names, columns), 1, 1);
    }

    @Test
    void q4jReadsWhatApacheArrowWrote() throws IOException {
        ArrowJs.run("write", dir);
        for (String name : List.of("js.arrow", "js.arrows")) {
            QTable t = (QTable) (name.endsWith("s") ? QArrow.readStream(Files.newInputStream(dir.resolve(name)))
                    : QArrow.readFile(dir.resolve(name)));
            long ns = Long.MIN_VALUE;
            int ni = Integer.MIN_VALUE;
            long shift = 946_684_800_000_000_000L;
            assertThat(t.columnNames()).as(name).containsExactly("bool", "int8", "int16", "int32", "int64", "uint8",
                    "uint16", "uint32", "float32", "float64", "utf8", "dict", "tsNano", "tsMilli", "dateDay",
                    "timeSec", "timeMilli", "durationNano", "durationMilli", "listInt", "uuid");
            assertThat(t.column("bool")).isEqualTo(QBooleanVector.of(true, false, false, true));
            assertThat(t.column("int8")).isEqualTo(QShortVector.of((short) -128, (short) 0, (short) 127,
                    Short.MIN_VALUE));
            assertThat(t.column("int16")).isEqualTo(QShortVector.of((short) -32767, (short) 1, Short.MIN_VALUE,
                    Short.MAX_VALUE));
            assertThat(t.column("int32")).isEqualTo(QIntVector.of(1, ni, -Integer.MAX_VALUE, Integer.MAX_VALUE));
            assertThat(t.column("int64")).isEqualTo(QLongVector.of(1, -9007199254740993L, ns, 9223372036854775806L));
            assertThat(t.column("uint8")).isEqualTo(QByteVector.of((byte) 0, (byte) 200, (byte) 255, (byte) 7));
            assertThat(t.column("uint16")).isEqualTo(QIntVector.of(0, 65535, ni, 1));
            assertThat(t.column("uint32")).isEqualTo(QLongVector.of(0, 4294967295L, ns, 1));
            assertThat(t.column("float32")).isEqualTo(QRealVector.of(1.5f, Float.NaN, Float.POSITIVE_INFINITY, -0f));
            assertThat(t.column("float64")).isEqualTo(QFloatVector.of(0.1, Double.NaN, Double.NaN,
                    Double.NEGATIVE_INFINITY));
            assertThat(t.column("utf8")).isEqualTo(QList.of(QCharVector.of("hello"), QCharVector.of(""),
                    QCharVector.of(""), QCharVector.of("wörld ✓")));
            assertThat(t.column("dict")).isEqualTo(QSymbolVector.of("IBM", "MSFT", "", "IBM"));
            assertThat(t.column("tsNano")).isEqualTo(QTimestampVector.of(1704187800123456789L - shift, ns,
                    -1_000_000_000L - shift, -shift));
            assertThat(((QTimestampVector) t.column("tsNano")).instant(0))
                    .isEqualTo(Instant.parse("2024-01-02T09:30:00.123456789Z"));
            assertThat(t.column("tsMilli")).isEqualTo(QTimestampVector.ofInstants(
                    Instant.parse("2024-01-02T09:30:00.123Z"), null, Instant.EPOCH,
                    Instant.parse("1969-12-31T00:00:00Z")));
            assertThat(t.column("dateDay")).isEqualTo(dev.q4j.value.QDateVector.of(
                    QTemporal.dateOf(LocalDate.of(2024, 1, 2)), ni, -10957, -1));
            assertThat(t.column("timeSec")).isEqualTo(dev.q4j.value.QSecondVector.of(34200, ni, 0, 86399));
            assertThat(t.column("timeMilli")).isEqualTo(QTimeVector.of(34200123, 0, ni, 86399999));
            assertThat(t.column("durationNano")).isEqualTo(QTimespanVector.of(1, ns, -5_000_000_000L,
                    3_600_000_000_000L));
            assertThat(t.column("durationMilli")).isEqualTo(QTimespanVector.of(1_000_000, ns, -5_000_000_000L,
                    3_600_000_000_000L));
            assertThat(t.column("listInt")).isEqualTo(QList.of(QIntVector.of(1, 2, 3), QIntVector.EMPTY,
                    QIntVector.EMPTY, QIntVector.of(ni, 4)));
            assertThat(t.column("uuid")).isEqualTo(QGuidVector.of(Tables.GUID, new UUID(0, 0), new UUID(0, 0),
                    new UUID(-1, -1)));
        }
        assertThatThrownBy(() -> QArrow.readFile(dir.resolve("js-bool-null.arrow"))).isInstanceOf(QArrowException.class)
                .hasMessage("column boolWithNull, row 1: an Arrow null where q's boolean has no null");
        assertThatThrownBy(() -> QArrow.readFile(dir.resolve("js-int-min.arrow"))).isInstanceOf(QArrowException.class)
                .hasMessage("column int32Min, row 1: -2147483648 is q's int null, which cannot be held as a value");
    }

    // ---- reading with apache-arrow and checking ------------------------------------------------------------------

    private static void write(Path file, List<QTable> tables, ArrowOptions options) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            QArrow.writeStream(tables, out, options);
        }
    }

    private static QTable concat(QTable a, QTable b) {
        List<QSequence> columns = new ArrayList<>();
        for (int i = 0; i < a.columnNames().size(); i++) {
            QSequence x = a.columns().get(i);
            QSequence y = b.columns().get(i);
            // the pieces' attribute where it holds for the joined column (a u# column joined with itself repeats)
            columns.add(JoinedAttributes.withHolding(Concat.of(x instanceof dev.q4j.value.QVector v ? v.type() : null,
                    List.of(x, y), Attribute.NONE), x.attribute()));
        }
        return QTable.of(a.columnNames(), columns);
    }

    /** Reads {@code file} with apache-arrow and checks every column's type, metadata and values against {@code t}. */
    private void checkRead(Path file, String format, QTable t, int keys, int batches) throws IOException {
        checkRead(file, format, t, t, keys, batches);
    }

    /** The same, with the attributes the schema's metadata must hold taken from {@code schema}'s columns. */
    private void checkRead(Path file, String format, QTable t, QTable schema, int keys, int batches)
            throws IOException {
        List<String> lines = ArrowJs.run("read", file);
        JsonNode head = JSON.readTree(lines.get(0));
        assertThat(head.get("format").asText()).isEqualTo(format);
        assertThat(head.get("rows").asInt()).isEqualTo(t.count());
        assertThat(head.get("batches").asInt()).isEqualTo(batches);
        if (keys > 0) {
            assertThat(head.get("metadata").get(QArrow.KEYS).asText()).isEqualTo(Integer.toString(keys));
        } else {
            assertThat(head.get("metadata").has(QArrow.KEYS)).isFalse();
        }
        assertThat(lines).hasSize(1 + t.columnNames().size());
        for (int c = 0; c < t.columnNames().size(); c++) {
            String name = t.columnNames().get(c);
            QSequence column = t.columns().get(c);
            JsonNode js = JSON.readTree(lines.get(1 + c));
            assertThat(js.get("name").asText()).isEqualTo(name);
            JsonNode metadata = js.get("metadata");
            if (column instanceof dev.q4j.value.QVector v) {
                assertThat(js.get("type").asText()).as(name).isEqualTo(ARROW_TYPES.get(v.type()));
                assertThat(metadata.get(QArrow.TYPE).asText()).as(name).isEqualTo(v.type().qName());
                if (v.type() == QType.GUID) {
                    assertThat(metadata.get("ARROW:extension:name").asText()).isEqualTo("arrow.uuid");
                }
            }
            Attribute attribute = schema.columns().get(c).attribute();
            if (attribute != Attribute.NONE) {
                assertThat(metadata.get(QArrow.ATTRIBUTE).asText()).as(name).isEqualTo(attribute.letter());
            } else {
                assertThat(metadata.has(QArrow.ATTRIBUTE)).as(name).isFalse();
            }
            JsonNode values = js.get("values");
            assertThat(values.size()).as(name).isEqualTo(column.count());
            for (int i = 0; i < column.count(); i++) {
                checkValue(name + "[" + i + "]", column, i, values.get(i));
            }
        }
    }

    private static void checkValue(String where, QSequence column, int i, JsonNode read) {
        JsonNode js = read;
        JsonNode expected = expected(column, i);
        if (expected.isObject() && expected.has("iso") && !js.path("iso").isTextual()) {
            ((ObjectNode) expected).remove("iso");   // JavaScript's Date cannot hold it: the raw value only
        }
        if (js.isObject() && js.has("iso") && expected.isObject() && !expected.has("iso")) {
            js = ((ObjectNode) js).deepCopy().without("iso");   // an infinity: the raw value is what counts
        }
        if (expected.isNumber() && js.isNumber()) {
            assertThat(js.asDouble()).as(where).isEqualTo(expected.asDouble());
        } else {
            assertThat(js).as(where).isEqualTo(expected);
        }
    }

    /** What apache-arrow should read for item i of a q column: computed from the q value, not by q4j's writer. */
    private static JsonNode expected(QSequence column, int i) {
        if (column instanceof QList list) {
            QValue item = list.at(i);
            if (item instanceof QCharVector s) {
                return NODES.textNode(s.asString());
            }
            QSequence items = (QSequence) item;
            ArrayNode out = NODES.arrayNode();
            for (int k = 0; k < items.count(); k++) {
                out.add(expected(items, k));
            }
            return out;
        }
        QType type = column.type();
        if (((dev.q4j.value.QVector) column).isNull(i)) {
            return NODES.nullNode();
        }
        switch (type) {
            case BOOLEAN: return NODES.booleanNode(((QBooleanVector) column).get(i));
            case GUID: return obj("hex", HexFormat.of().formatHex(bytes(((QGuidVector) column).get(i))));
            case BYTE: return NODES.numberNode(((QByteVector) column).get(i) & 0xFF);
            case SHORT: return NODES.numberNode(((QShortVector) column).get(i));
            case INT: case SECOND: case TIME: return NODES.numberNode(((IntBackedVector) column).get(i));
            case MINUTE: {
                int m = ((IntBackedVector) column).get(i);
                return NODES.numberNode(Math.abs(m) == Integer.MAX_VALUE ? m : m * 60);
            }
            case LONG: case TIMESPAN: return obj("i64", Long.toString(((LongBackedVector) column).get(i)));
            case REAL: return number(((QRealVector) column).get(i));
            case FLOAT: return number(((QFloatVector) column).get(i));
            case CHAR: return NODES.textNode(String.valueOf((char) ((QCharVector) column).get(i)));
            case SYMBOL: return NODES.textNode(((QSymbolVector) column).get(i));
            case TIMESTAMP: {
                long q = ((LongBackedVector) column).get(i);
                if (Math.abs(q) == Long.MAX_VALUE) {
                    return obj("i64", Long.toString(q));
                }
                Instant instant = ((QTimestampVector) column).instant(i);
                BigInteger nanos = BigInteger.valueOf(instant.getEpochSecond())
                        .multiply(BigInteger.valueOf(1_000_000_000)).add(BigInteger.valueOf(instant.getNano()));
                ObjectNode o = obj("i64", nanos.toString());
                o.put("iso", JS_ISO.format(instant.truncatedTo(ChronoUnit.MILLIS)));
                return o;
            }
            case DATETIME: {
                double d = ((DoubleBackedVector) column).get(i);
                if (Double.isInfinite(d)) {
                    return obj("i64", Long.toString(d > 0 ? Long.MAX_VALUE : -Long.MAX_VALUE));
                }
                Instant instant = ((QDatetimeVector) column).instant(i);
                ObjectNode o = obj("i64", Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant)));
                o.put("iso", JS_ISO.format(instant.truncatedTo(ChronoUnit.MILLIS)));
                return o;
            }
            case DATE: case MONTH: {
                int q = ((IntBackedVector) column).get(i);
                if (Math.abs(q) == Integer.MAX_VALUE) {
                    return obj("days", q);
                }
                LocalDate day = type == QType.DATE ? QTemporal.localDateOfDate(q)
                        : QTemporal.yearMonthOfMonth(q).atDay(1);
                ObjectNode o = obj("days", Math.toIntExact(day.toEpochDay()));
                o.put("date", day.toString());
                return o;
            }
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }

    private static JsonNode number(double d) {
        if (Double.isInfinite(d)) {
            return obj("num", d > 0 ? "Infinity" : "-Infinity");
        }
        if (Double.doubleToRawLongBits(d) == Double.doubleToRawLongBits(-0.0)) {
            return obj("num", "-0");
        }
        return NODES.numberNode(d);
    }

    private static ObjectNode obj(String key, String value) {
        ObjectNode o = NODES.objectNode();
        o.put(key, value);
        return o;
    }

    private static ObjectNode obj(String key, int value) {
        ObjectNode o = NODES.objectNode();
        o.put(key, value);
        return o;
    }

    private static byte[] bytes(UUID u) {
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits())
                .putLong(u.getLeastSignificantBits()).array();
    }
}
