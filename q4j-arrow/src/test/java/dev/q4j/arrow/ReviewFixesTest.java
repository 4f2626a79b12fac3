package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
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
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a review of q4j-arrow found, each pinned by the test that failed before its fix. */
class ReviewFixesTest extends ArrowMemoryTest {
    @Test
    void sqlIntervalsOfDaysAndNanosecondsAreTimespansAndMonthsAnError() {
        try (IntervalMonthDayNanoVector v = new IntervalMonthDayNanoVector("span", allocator);
             IntervalDayVector d = new IntervalDayVector("gap", allocator)) {
            v.allocateNew(3);
            v.set(0, 0, 1, 3_723_123_456_789L);
            v.setNull(1);
            v.set(2, 0, 0, -5);
            v.setValueCount(3);
            d.allocateNew(1);
            d.set(0, 2, 1500);
            d.setValueCount(1);
            QTable t = (QTable) QArrow.toQ(VectorSchemaRoot.of(v), null);
            assertThat(t.column("span")).isEqualTo(QTimespanVector.of(86_400_000_000_000L + 3_723_123_456_789L,
                    Long.MIN_VALUE, -5));
            assertThat(((QTable) QArrow.toQ(VectorSchemaRoot.of(d), null)).column("gap"))
                    .isEqualTo(QTimespanVector.of(2 * 86_400_000_000_000L + 1_500_000_000L));
            v.set(1, 1, 0, 0);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column span, row 1: an interval of 1 months has no q timespan (a month has no fixed"
                            + " length)");
        }
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
    void anAttributeTheMetadataClaimsFalselyIsAnErrorNamingTheColumn() {
        Field f = new Field("x", new FieldType(true, new ArrowType.Int(64, true), null,
                Map.of(QArrow.TYPE, "long", QArrow.ATTRIBUTE, "s")), null);
        try (BigIntVector v = new BigIntVector(f, allocator)) {
            v.allocateNew(3);
            v.set(0, 3);
            v.set(1, 1);
            v.set(2, 2);
            v.setValueCount(3);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessageStartingWith("column x: the attribute s# of q4j.attribute does not hold");
        }
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

    @Test
    void anExtensionTypeOtherThanUuidIsAnErrorNotItsRawStorage() {
        Field f = new Field("total", new FieldType(true, new ArrowType.FixedSizeBinary(16), null,
                Map.of("ARROW:extension:name", "duckdb.hugeint")), null);
        try (FixedSizeBinaryVector v = new FixedSizeBinaryVector(f, allocator)) {
            v.allocateNew(1);
            v.set(0, new byte[16]);
            v.setValueCount(1);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column total: Arrow extension type duckdb.hugeint (stored as FixedSizeBinary(16))"
                            + " has no q type");
        }
    }

    @Test
    void aForeignValueThatIsQsNullIsAnErrorAndQ4jsOwnNullsStayNulls() {
        try (BigIntVector v = new BigIntVector("n", allocator)) {
            v.allocateNew(2);
            v.set(0, 1);
            v.set(1, Long.MIN_VALUE);
            v.setValueCount(2);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column n, row 1: -9223372036854775808 is q's long null, which cannot be held as a "
                            + "value");
        }
        // q4j's own data with q's sentinels kept as values reads them as nulls
        QTable t = QTable.of(List.of("n", "f"), List.of(QLongVector.of(1, Long.MIN_VALUE),
                QFloatVector.of(Double.NaN, 1)));
        try (ArrowTable arrow = QArrow.toArrow(t, allocator,
                ArrowOptions.builder().nulls(ArrowOptions.Nulls.Q_VALUES).build())) {
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    @Test
    void aSymbolWithANulIsAnErrorNamingTheColumn() {
        try (VarCharVector v = new VarCharVector(new Field("s", new FieldType(true, new ArrowType.Utf8(), null,
                Map.of(QArrow.TYPE, "symbol")), null), allocator)) {
            v.allocateNew(1);
            v.setSafe(0, "a\0b".getBytes(StandardCharsets.UTF_8));
            v.setValueCount(1);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessageStartingWith("column s: ").hasMessageContaining("NUL");
        }
    }
}
