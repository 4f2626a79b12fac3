package dev.q4j.arrow;

import static dev.q4j.arrow.ArrowFill.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DurationVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMilliVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampNanoTZVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UuidVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.compare.VectorEqualsVisitor;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QArrowTest extends ArrowMemoryTest {
    @Test
    void everyTypeComesBackExactly() {
        QTable t = Tables.everyType();
        try (ArrowTable arrow = QArrow.toArrow(t, allocator)) {
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    @Test
    void everyTypeComesBackExactlyWithQNullValues() {
        QTable t = Tables.everyType();
        ArrowOptions options = ArrowOptions.builder().nulls(ArrowOptions.Nulls.Q_VALUES).build();
        try (ArrowTable arrow = QArrow.toArrow(t, allocator, options)) {
            for (FieldVector v : arrow.root().getFieldVectors()) {
                assertThat(v.getNullCount()).as(v.getName()).isZero();
            }
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    /** Each column against a vector built with Arrow's own API, compared with Arrow's own equality. */
    @Test
    void theArrowVectorsAreWhatArrowsOwnApiBuilds() {
        long shift = 946_684_800_000_000_000L;
        try (ArrowTable arrow = QArrow.toArrow(Tables.everyType(), allocator)) {
            VectorSchemaRoot root = arrow.root();
            try (BitVector b = new BitVector("b", allocator)) {
                bits(b, 1, 0, 1, 0);
                assertEqual(b, root.getVector("b"));
            }
            try (UuidVector g = new UuidVector("g", allocator)) {
                fill(g, g::set, Tables.GUID, null, new java.util.UUID(-1, -1), new java.util.UUID(1, 2));
                assertEqual(g, root.getVector("g"));
            }
            try (UInt1Vector x = new UInt1Vector("x", allocator)) {
                x.allocateNew(4);
                x.set(0, 0);
                x.set(1, 0x7f);
                x.set(2, 0x80);
                x.set(3, 0xff);
                x.setValueCount(4);
                assertEqual(x, root.getVector("x"));
            }
            try (SmallIntVector h = new SmallIntVector("h", allocator)) {
                fill(h, h::set, 1, null, (int) Short.MAX_VALUE, -Short.MAX_VALUE);
                assertEqual(h, root.getVector("h"));
            }
            try (IntVector i = new IntVector("i", allocator)) {
                set(i, 1, null, Integer.MAX_VALUE, -Integer.MAX_VALUE);
                assertEqual(i, root.getVector("i"));
            }
            try (BigIntVector j = new BigIntVector("j", allocator)) {
                fill(j, j::set, 1L, null, Long.MAX_VALUE, -Long.MAX_VALUE);
                assertEqual(j, root.getVector("j"));
            }
            try (Float4Vector e = new Float4Vector("e", allocator)) {
                fill(e, e::set, 1.5f, null, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY);
                assertEqual(e, root.getVector("e"));
            }
            try (Float8Vector f = new Float8Vector("f", allocator)) {
                fill(f, f::set, 2.25, null, Double.POSITIVE_INFINITY, -0.0);
                assertEqual(f, root.getVector("f"));
            }
            try (VarCharVector c = new VarCharVector("c", allocator)) {
                set(c, "a", null, "b", "~");
                assertEqual(c, root.getVector("c"));
            }
            // symbols: indices into a dictionary of the distinct symbols, in order of first appearance
            try (IntVector s = new IntVector("s", allocator); VarCharVector dict = new VarCharVector("d", allocator)) {
                set(s, 0, null, 1, 0);
                assertEqual(s, root.getVector("s"));
                set(dict, "IBM", "MSFT");
                long id = root.getVector("s").getField().getDictionary().getId();
                Dictionary d = arrow.dictionaries().lookup(id);
                assertThat(VectorEqualsVisitor.vectorEquals(dict, d.getVector(), (v1, v2) -> true)).isTrue();
            }
            try (TimeStampNanoTZVector p = new TimeStampNanoTZVector("p", allocator, "UTC")) {
                fill(p, p::set, 8767 * Tables.NS_PER_DAY + 123_456_789L + shift, null, Long.MAX_VALUE,
                        -Long.MAX_VALUE);
                assertEqual(p, root.getVector("p"));
                // 2024.01.02D00:00:00.123456789
                assertThat(java.time.Instant.EPOCH.plusNanos(p.get(0)).toString())
                        .isEqualTo("2024-01-02T00:00:00.123456789Z");
            }
            try (DateDayVector m = new DateDayVector("m", allocator)) {
                // 2024.04m is day 19814 since 1970; 1999.12m is 1999-12-01
                set(m, 19814, null, Integer.MAX_VALUE, (int) java.time.LocalDate.of(1999, 12, 1).toEpochDay());
                assertEqual(m, root.getVector("m"));
            }
            try (DateDayVector d = new DateDayVector("d", allocator)) {
                set(d, 8767 + 10957, null, -Integer.MAX_VALUE, 0);
                assertEqual(d, root.getVector("d"));
            }
            try (TimeStampMicroTZVector z = new TimeStampMicroTZVector("z", allocator, "UTC")) {
                fill(z, z::set, (8767 * 86_400L + 43_200) * 1_000_000L + shift / 1000, null, Long.MAX_VALUE,
                        shift / 1000 - 108_000_000_000L);
                assertEqual(z, root.getVector("z"));
            }
            try (DurationVector n = (DurationVector) root.getVector("n").getField().createVector(allocator)) {
                fill(n, n::set, 3_600_000_000_123L, null, -Long.MAX_VALUE, -1L);
                assertEqual(n, root.getVector("n"));
            }
            try (TimeSecVector u = new TimeSecVector("u", allocator)) {
                set(u, 570 * 60, null, Integer.MAX_VALUE, -90 * 60);
                assertEqual(u, root.getVector("u"));
            }
            try (TimeSecVector v = new TimeSecVector("v", allocator)) {
                set(v, 34_200, null, Integer.MAX_VALUE, 90_000);
                assertEqual(v, root.getVector("v"));
            }
            try (TimeMilliVector t = new TimeMilliVector("t", allocator)) {
                set(t, 34_200_123, null, -Integer.MAX_VALUE, -1);
                assertEqual(t, root.getVector("t"));
            }
            try (VarCharVector str = new VarCharVector("str", allocator)) {
                set(str, "hello", "", "wörld", " ");
                assertEqual(str, root.getVector("str"));
            }
            try (ListVector nested = ListVector.empty("nested", allocator)) {
                UnionListWriter w = nested.getWriter();
                long[][] rows = {{1, 2, 3}, {}, {Long.MIN_VALUE}, {4}};
                for (int r = 0; r < rows.length; r++) {
                    w.setPosition(r);
                    w.startList();
                    for (long x : rows[r]) {
                        if (x == Long.MIN_VALUE) {
                            w.writeNull();
                        } else {
                            w.bigInt().writeBigInt(x);
                        }
                    }
                    w.endList();
                }
                nested.setValueCount(4);
                assertThat(VectorEqualsVisitor.vectorEquals(nested, root.getVector("nested"), (a, b) -> true))
                        .as("nested").isTrue();
            }
        }
    }

    @Test
    void fieldMetadataKeepsTheQTypeAndAttribute() {
        try (ArrowTable arrow = QArrow.toArrow(Tables.everyType(), allocator)) {
            Field u = arrow.schema().findField("u");
            assertThat(u.getMetadata()).containsEntry(QArrow.TYPE, "minute").doesNotContainKey(QArrow.ATTRIBUTE);
            assertThat(arrow.schema().findField("j").getMetadata()).containsEntry(QArrow.TYPE, "long")
                    .containsEntry(QArrow.ATTRIBUTE, "u");
            assertThat(arrow.schema().findField("nested").getMetadata()).containsEntry(QArrow.TYPE, "list")
                    .containsEntry(QArrow.ATTRIBUTE, "p");
            assertThat(arrow.schema().findField("str").getMetadata()).containsEntry(QArrow.TYPE, "string");
            assertThat(arrow.schema().findField("g").getType().toString()).contains("arrow.uuid");
        }
    }

    @Test
    void keyedTablesKeepTheirKeyColumnsFirstAndMarked() {
        QKeyedTable k = QKeyedTable.of(
                QTable.of(List.of("sym", "day"), List.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2))),
                QTable.of(List.of("px"), List.of(dev.q4j.value.QFloatVector.of(1.5, 2.5))));
        try (ArrowTable arrow = QArrow.toArrow(k, allocator)) {
            assertThat(arrow.schema().getCustomMetadata()).containsEntry(QArrow.KEYS, "2");
            assertThat(arrow.schema().getFields()).extracting(Field::getName).containsExactly("sym", "day", "px");
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(k);
        }
        QKeyedTable sorted = new QKeyedTable(k.keys(), k.values(), true);
        try (ArrowTable arrow = QArrow.toArrow(sorted, allocator)) {
            assertThat(arrow.schema().getCustomMetadata()).containsEntry(QArrow.SORTED, "true");
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(sorted);
        }
    }

    @Test
    void aMixedListColumnIsAnErrorNamingItUnlessAskedForQText() {
        QTable t = QTable.of(List.of("a", "mixed"), List.of(QLongVector.of(1, 2),
                QList.of(QLong.of(1), QSymbol.of("x"))));
        assertThatThrownBy(() -> QArrow.toArrow(t, allocator)).isInstanceOf(QArrowException.class)
                .hasMessageContaining("column mixed").hasMessageContaining("Q_TEXT");
        ArrowOptions text = ArrowOptions.builder().mixedLists(ArrowOptions.MixedLists.Q_TEXT).build();
        try (ArrowTable arrow = QArrow.toArrow(t, allocator, text)) {
            VarCharVector v = (VarCharVector) arrow.root().getVector("mixed");
            assertThat(new String(v.get(1), StandardCharsets.UTF_8)).isEqualTo("`x");
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    @Test
    void anArrowNullWhereQHasNoneIsAnErrorNamingColumnAndRow() {
        try (BitVector b = new BitVector("flag", allocator); UInt1Vector x = new UInt1Vector("x", allocator)) {
            b.allocateNew(3);
            b.set(0, 1);
            b.setNull(1);
            b.set(2, 0);
            b.setValueCount(3);
            x.allocateNew(3);
            x.set(0, 1);
            x.set(1, 2);
            x.setNull(2);
            x.setValueCount(3);
            VectorSchemaRoot flag = VectorSchemaRoot.of(b);
            assertThatThrownBy(() -> QArrow.toQ(flag, null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column flag, row 1: an Arrow null where q's boolean has no null");
            VectorSchemaRoot bytes = VectorSchemaRoot.of(x);
            assertThatThrownBy(() -> QArrow.toQ(bytes, null))
                    .hasMessage("column x, row 2: an Arrow null where q's byte has no null");
        }
    }

    @Test
    void timestampsPastArrowsNanosecondsAreAnErrorNamingColumnAndRow() {
        // 2262.04.12: q holds it, Arrow's nanoseconds since 1970 do not
        long late = (java.time.LocalDate.of(2262, 4, 12).toEpochDay() - 10957) * Tables.NS_PER_DAY;
        QTable t = QTable.of(List.of("time"), List.of(QTimestampVector.of(0, late)));
        assertThatThrownBy(() -> QArrow.toArrow(t, allocator)).isInstanceOf(QArrowException.class)
                .hasMessageStartingWith("column time, row 1: timestamp 2262-04-12T00:00:00Z is past");
    }

    @Test
    void notUtf8TextIsAnErrorNamingColumnAndRow() {
        QTable chars = QTable.of(List.of("c"), List.of(QCharVector.of((byte) 'a', (byte) 0xe9)));
        assertThatThrownBy(() -> QArrow.toArrow(chars, allocator)).hasMessageStartingWith("column c, row 1: char 0xe9");
        QTable strings = QTable.of(List.of("s"), List.of(QList.of(QCharVector.of("ok"),
                QCharVector.of((byte) 0xe9))));
        assertThatThrownBy(() -> QArrow.toArrow(strings, allocator))
                .hasMessage("column s, row 1: the string is not UTF-8, which Arrow's Utf8 must be");
        QTable nested = QTable.of(List.of("n"), List.of(QList.of(QList.of(QCharVector.of("ok")),
                QList.of(QCharVector.of("a"), QCharVector.of((byte) 0xe9)))));
        assertThatThrownBy(() -> QArrow.toArrow(nested, allocator))
                .hasMessage("column n, row 1: item 1: the string is not UTF-8, which Arrow's Utf8 must be");
    }

    @Test
    void loadReusesTheVectorsForAnotherTable() {
        QTable first = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("a", "b", "a"),
                QLongVector.of(1, 2, 3)));
        QTable second = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("c", "c"), QLongVector.of(9, 8)));
        try (ArrowTable arrow = QArrow.toArrow(first, allocator)) {
            FieldVector x = arrow.root().getVector("x");
            arrow.load(second);
            assertThat(arrow.root().getVector("x")).isSameAs(x);
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(second);
            QTable other = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("c"), QBooleanVector.of(true)));
            assertThatThrownBy(() -> arrow.load(other))
                    .hasMessage("column x: is boolean here, long in the first table");
        }
    }

    @Test
    void theReaderStreamsBatchesWithTheirOwnDictionaries() throws Exception {
        QTable a = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("a", "b", "a"), QLongVector.of(1, 2, 3)));
        QTable b = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("c", "a"), QLongVector.of(4, 5)));
        ArrowOptions two = ArrowOptions.builder().batchRows(2).build();
        try (ArrowReader reader = QArrow.reader(allocator, List.of(a, b), two)) {
            List<Integer> counts = new java.util.ArrayList<>();
            List<QValue> batches = new java.util.ArrayList<>();
            while (reader.loadNextBatch()) {
                counts.add(reader.getVectorSchemaRoot().getRowCount());
                batches.add(QArrow.toQ(reader.getVectorSchemaRoot(), reader));
            }
            assertThat(counts).containsExactly(2, 1, 2);
            assertThat(batches.get(1)).isEqualTo(QTable.of(List.of("s", "x"),
                    List.of(QSymbolVector.of("a"), QLongVector.of(3))));
            assertThat(reader.getDictionaryVectors().values().iterator().next().getVector().getValueCount())
                    .as("the last batch's dictionary: c, a").isEqualTo(2);
        }
    }

    @Test
    void streamsAndFilesComeBackExactly(@TempDir Path dir) {
        QTable t = Tables.everyType();
        QTable u = QTable.of(t.columnNames(), t.columns());   // the same again: two batches
        ArrowOptions three = ArrowOptions.builder().batchRows(3).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(List.of(t, u), out, three);
        QValue streamed = QArrow.readStream(new ByteArrayInputStream(out.toByteArray()));
        Path file = dir.resolve("t.arrow");
        QArrow.writeFile(List.of(t, u), file, three);
        QValue filed = QArrow.readFile(file);
        QTable both = (QTable) QArrow.readStream(new ByteArrayInputStream(stream(List.of(t))));
        assertThat(both).isEqualTo(t);
        assertThat(streamed).isEqualTo(filed);
        assertThat(((QTable) filed).count()).isEqualTo(8);
        assertThat(((QTable) filed).column("s")).isEqualTo(QSymbolVector.of("IBM", "", "MSFT", "IBM",
                "IBM", "", "MSFT", "IBM").withAttribute(dev.q4j.value.Attribute.GROUPED));
    }

    @Test
    void symbolsOfLaterBatchesSurviveAFileOneDictionaryForAll(@TempDir Path dir) {
        QTable a = QTable.of(List.of("s"), List.of(QSymbolVector.of("a", "b")));
        QTable b = QTable.of(List.of("s"), List.of(QSymbolVector.of("c", "a", "d")));
        Path file = dir.resolve("s.arrow");
        QArrow.writeFile(List.of(a, b), file, ArrowOptions.defaults());
        assertThat(QArrow.readFile(file)).isEqualTo(QTable.of(List.of("s"),
                List.of(QSymbolVector.of("a", "b", "c", "a", "d"))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(List.of(a, b), out, ArrowOptions.defaults());
        assertThat(QArrow.readStream(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(QTable.of(
                List.of("s"), List.of(QSymbolVector.of("a", "b", "c", "a", "d"))));
    }

    @Test
    void tablesThatChangeBetweenTheFilesTwoPassesAreAnError(@TempDir Path dir) {
        // an Iterable that gives other tables the second time
        int[] passes = {0};
        Iterable<QTable> changing = () -> List.of(QTable.of(List.of("s"), List.of(passes[0]++ == 0
                ? QSymbolVector.of("a") : QSymbolVector.of("b")))).iterator();
        assertThatThrownBy(() -> QArrow.writeFile(changing, dir.resolve("x.arrow"), ArrowOptions.defaults()))
                .isInstanceOf(QArrowException.class).hasMessageStartingWith("column s, row 0: symbol `a was not there");
    }

    @Test
    void emptyTablesKeepTheirColumnTypes(@TempDir Path dir) {
        QTable t = QTable.of(List.of("x", "s", "b", "l", "c"), List.of(QLongVector.EMPTY, QSymbolVector.EMPTY,
                QByteVector.EMPTY, QList.EMPTY, QCharVector.EMPTY));
        QValue back = QArrow.readStream(new ByteArrayInputStream(stream(List.of(t))));
        assertThat(back).isEqualTo(t);
        Path file = dir.resolve("empty.arrow");
        QArrow.writeFile(t, file);
        assertThat(QArrow.readFile(file)).isEqualTo(t);
        try (ArrowTable arrow = QArrow.toArrow(t, allocator)) {
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    @Test
    void theSchemaIsTheOneOfTheIpcMessages() {
        org.apache.arrow.vector.types.pojo.Schema schema = QArrow.schema(Tables.everyType(), ArrowOptions.defaults());
        Field s = schema.findField("s");
        assertThat(s.getType()).isEqualTo(org.apache.arrow.vector.types.pojo.ArrowType.Utf8.INSTANCE);
        assertThat(s.getDictionary()).isNotNull();
        assertThat(s.getDictionary().getIndexType().getBitWidth()).isEqualTo(32);
        assertThat(schema.findField("nested").getChildren().get(0).getMetadata()).containsEntry(QArrow.TYPE, "long");
        assertThatThrownBy(() -> QArrow.schema(QLongVector.of(1), ArrowOptions.defaults()))
                .isInstanceOf(QArrowException.class)
                .hasMessage("only tables and keyed tables convert to Arrow, not a long");
    }

    @Test
    void optionsAreCheckedAndAClosedTableRefusesUse() {
        assertThatThrownBy(() -> ArrowOptions.builder().batchRows(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("batchRows must be at least 1, not 0");
        ArrowOptions o = ArrowOptions.builder().batchRows(7).nulls(ArrowOptions.Nulls.Q_VALUES).build();
        assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString())
                .isEqualTo("ArrowOptions[nulls=Q_VALUES, mixedLists=ERROR, batchRows=7]");
        ArrowTable arrow = QArrow.toArrow(QTable.of(List.of("x"), List.of(QLongVector.of(1))), allocator);
        arrow.close();
        arrow.close();
        assertThatThrownBy(arrow::root).isInstanceOf(IllegalStateException.class)
                .hasMessage("this ArrowTable is closed");
    }

    @Test
    void aReaderNeedsATableAndTablesOfTheFirstOnesColumns() throws Exception {
        assertThatThrownBy(() -> QArrow.reader(allocator, List.<QTable>of(), ArrowOptions.defaults()))
                .hasMessage("no table to read: the first table gives the schema");
        QTable a = QTable.of(List.of("x"), List.of(QLongVector.of(1)));
        QTable b = QTable.of(List.of("y"), List.of(QLongVector.of(2)));
        try (ArrowReader reader = QArrow.reader(allocator, List.of(a, b), ArrowOptions.defaults())) {
            assertThat(reader.loadNextBatch()).isTrue();
            assertThatThrownBy(reader::loadNextBatch).isInstanceOf(QArrowException.class)
                    .hasMessage("the table's columns (y) differ from the first table's (x)");
        }
    }

    @Test
    void bytesThatAreNoArrowAreAnErrorSayingSo(@TempDir Path dir) throws Exception {
        byte[] text = "not arrow at all, just text".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> QArrow.readStream(new ByteArrayInputStream(text)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                        .hasMessageStartingWith("cannot read the Arrow stream: ");
        Path file = dir.resolve("text.arrow");
        java.nio.file.Files.write(file, text);
        assertThatThrownBy(() -> QArrow.readFile(file)).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("not an Arrow IPC file: missing Magic number");
    }

    private static byte[] stream(List<QTable> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(tables, out, ArrowOptions.defaults());
        return out.toByteArray();
    }

    private static void assertEqual(FieldVector expected, FieldVector actual) {
        assertThat(VectorEqualsVisitor.vectorEquals(expected, actual, (a, b) -> true))
                .as(actual.getName() + ": " + actual + " (expected " + expected + ")").isTrue();
    }

    private static void bits(BitVector v, int... bits) {
        v.allocateNew(bits.length);
        for (int i = 0; i < bits.length; i++) {
            v.set(i, bits[i]);
        }
        v.setValueCount(bits.length);
    }

    private static void set(org.apache.arrow.vector.BaseFixedWidthVector v, Integer... values) {
        v.allocateNew(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.getDataBuffer().setInt(4L * i, values[i]);
                org.apache.arrow.vector.BitVectorHelper.setBit(v.getValidityBuffer(), i);
            }
        }
        v.setValueCount(values.length);
    }

    private static void set(VarCharVector v, String... values) {
        v.allocateNew();
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
            }
        }
        v.setValueCount(values.length);
    }

    @Test
    void joinedBatchesKeepAnAttributeOnlyWhereItStillHolds() {
        QTable dayA = QTable.of(List.of("sym", "time"), List.of(
                QSymbolVector.wrap(new String[] {"a", "a", "b"}, Attribute.PARTED),
                QTimestampVector.wrap(new long[] {1, 2, 3}, Attribute.SORTED)));
        QTable dayB = QTable.of(List.of("sym", "time"), List.of(
                QSymbolVector.wrap(new String[] {"a", "c"}, Attribute.PARTED),
                QTimestampVector.wrap(new long[] {4, 5}, Attribute.SORTED)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(List.of(dayA, dayB), out, ArrowOptions.defaults());
        QTable both = (QTable) QArrow.readStream(new ByteArrayInputStream(out.toByteArray()));
        // `a comes back after `b: no longer parted; the times still rise: still sorted
        assertThat(both.column("sym")).isEqualTo(QSymbolVector.of("a", "a", "b", "a", "c"));
        assertThat(both.column("time")).isEqualTo(QTimestampVector.wrap(new long[] {1, 2, 3, 4, 5},
                Attribute.SORTED));
        // one table cut into batches keeps what it had
        out.reset();
        QArrow.writeStream(List.of(dayA), out, ArrowOptions.builder().batchRows(1).build());
        QTable one = (QTable) QArrow.readStream(new ByteArrayInputStream(out.toByteArray()));
        assertThat(one).isEqualTo(dayA);
    }
    @Test
    void theCallersStreamsAndChannelsStayOpen(@TempDir Path dir) throws Exception {
        QTable t = QTable.of(List.of("x"), List.of(QLongVector.of(1, 2, 3)));
        boolean[] closed = {false};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                bytes.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                bytes.write(b, off, len);
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        QArrow.writeStream(List.of(t), out, ArrowOptions.defaults());
        int first = bytes.size();
        QArrow.writeStream(List.of(t), out, ArrowOptions.defaults());   // a second stream after the first
        assertThat(closed[0]).isFalse();
        InputStream in = new FilterInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        assertThat(QArrow.readStream(in)).isEqualTo(t);
        assertThat(QArrow.readStream(in)).isEqualTo(t);                // the second, from where the first ended
        assertThat(closed[0]).isFalse();
        assertThat(first * 2).isEqualTo(bytes.size());

        Path file = dir.resolve("t.arrow");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ)) {
            QArrow.writeFile(List.of(t), ch, ArrowOptions.defaults());
            assertThat(ch.isOpen()).isTrue();
            ch.position(0);
            assertThat(QArrow.readFile(ch)).isEqualTo(t);
            assertThat(ch.isOpen()).isTrue();
            ch.write(ByteBuffer.wrap("more".getBytes(StandardCharsets.US_ASCII)), ch.size());
        }
    }
    @Test
    void aFailedLoadLeavesNoRowsNotAMixOfTwoTables() {
        QTable good = QTable.of(List.of("x", "t"), List.of(QLongVector.of(1, 2), QTimestampVector.of(1, 2)));
        // 2292: past Arrow's nanoseconds since 1970
        QTable bad = QTable.of(List.of("x", "t"), List.of(QLongVector.of(7, 8, 9),
                QTimestampVector.of(1, 2, Long.MAX_VALUE - 1)));
        try (ArrowTable arrow = QArrow.toArrow(good, allocator)) {
            assertThatThrownBy(() -> arrow.load(bad)).isInstanceOf(QArrowException.class)
                    .hasMessageContaining("column t, row 2");
            assertThat(arrow.rowCount()).isZero();
            assertThat(((QTable) QArrow.toQ(arrow.root(), arrow.dictionaries())).count()).isZero();
            arrow.load(good);
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(good);
        }
    }
}
