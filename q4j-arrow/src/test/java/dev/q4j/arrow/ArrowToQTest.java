package dev.q4j.arrow;

import static dev.q4j.arrow.ArrowFill.fill;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntervalDayVector;
import org.apache.arrow.vector.IntervalMonthDayNanoVector;
import org.apache.arrow.vector.TimeSecVector;
import org.apache.arrow.vector.TimeStampNanoVector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/**
 * Arrow data from elsewhere (no q4j metadata, other layouts), and Arrow data q cannot hold exactly: an error naming
 * the column and, where one is to blame, the row.
 */
class ArrowToQTest extends ArrowMemoryTest {
    @Test
    void anArrowTypeWithoutAQTypeIsNamed() {
        try (org.apache.arrow.vector.Float2Vector d = new org.apache.arrow.vector.Float2Vector("half", allocator)) {
            d.allocateNew(1);
            d.setValueCount(1);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(d), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column half: Arrow type FloatingPoint(HALF) has no q type");
        }
    }

    @Test
    void decimalsOfScale0AreLongsAndOthersFloats() {
        try (DecimalVector sum = new DecimalVector("sum", allocator, 38, 0);
             DecimalVector price = new DecimalVector("price", allocator, 10, 2)) {
            sum.allocateNew(3);
            sum.set(0, new BigDecimal("9223372036854775807"));
            sum.setNull(1);
            sum.set(2, new BigDecimal("-42"));
            sum.setValueCount(3);
            price.allocateNew(3);
            price.set(0, new BigDecimal("1.25"));
            price.set(1, new BigDecimal("-0.07"));
            price.setNull(2);
            price.setValueCount(3);
            QTable t = (QTable) QArrow.toQ(VectorSchemaRoot.of(sum, price), null);
            assertThat(t.column("sum")).isEqualTo(dev.q4j.value.QLongVector.of(Long.MAX_VALUE, Long.MIN_VALUE, -42));
            assertThat(((dev.q4j.value.QFloatVector) t.column("price")).toArray())
                    .containsExactly(1.25, -0.07, Double.NaN);
        }
    }

    @Test
    void aDecimalPastQsLongOrAtItsNullIsAnError() {
        try (DecimalVector sum = new DecimalVector("total", allocator, 38, 0)) {
            sum.allocateNew(2);
            sum.set(0, new BigDecimal("1"));
            sum.set(1, new BigDecimal("9223372036854775808"));
            sum.setValueCount(2);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(sum), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column total, row 1: Decimal 9223372036854775808 is past q's long");
            sum.set(1, new BigDecimal("-9223372036854775808"));
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(sum), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column total, row 1: Decimal -9223372036854775808 is q's long null (0N), not a "
                            + "value");
        }
    }

    @Test
    void aMonthThatIsNotTheFirstOfAMonthIsAnError() {
        try (DateDayVector m = new DateDayVector(field("m", "month", new org.apache.arrow.vector.types.pojo.ArrowType
                .Date(org.apache.arrow.vector.types.DateUnit.DAY)), allocator)) {
            m.allocateNew(2);
            m.set(0, 19814);      // 2024-04-01
            m.set(1, 19815);      // 2024-04-02
            m.setValueCount(2);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(m), null))
                    .hasMessage("column m, row 1: a month column's date 2024-04-02 is not the 1st of a month");
        }
    }

    @Test
    void aMinuteThatIsNotWholeMinutesIsAnError() {
        try (TimeSecVector u = new TimeSecVector(field("u", "minute", new org.apache.arrow.vector.types.pojo.ArrowType
                .Time(org.apache.arrow.vector.types.TimeUnit.SECOND, 32)), allocator)) {
            fill(u, u::set, 120, 121);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(u), null))
                    .hasMessage("column u, row 1: a minute column's time of 121 seconds is not whole minutes");
        }
    }

    @Test
    void aTimestampOutsideQsRangeIsAnError() {
        try (TimeStampNanoVector p = new TimeStampNanoVector("p", allocator)) {
            fill(p, p::set, 0L, Long.MIN_VALUE + 2);   // 1677: before 2000 by more than a long of nanoseconds
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(p), null))
                    .hasMessageStartingWith("column p, row 1: timestamp -9223372036854775806 (1 ns units since 1970)"
                            + " is outside q's timestamps");
        }
    }

    @Test
    void aUInt64PastQsLongIsAnError() {
        try (UInt8Vector x = new UInt8Vector("x", allocator)) {
            fill(x, x::set, 1L, -1L);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(x), null))
                    .hasMessage("column x, row 1: UInt64 18446744073709551615 is past q's long");
        }
    }

    @Test
    void keyColumnsMarkedWrongAreAnError() {
        try (UInt8Vector x = new UInt8Vector("x", allocator)) {
            fill(x, x::set, 1L);
            List<FieldVector> vectors = List.of(x);
            VectorSchemaRoot root = new VectorSchemaRoot(new Schema(List.of(x.getField()), Map.of(QArrow.KEYS, "1")),
                    vectors, 1);
            assertThatThrownBy(() -> QArrow.toQ(root, null))
                    .hasMessage("schema metadata q4j.keys=1 is not a number of key columns between 0 and 0");
        }
    }

    @Test
    void aTableWithoutQMetadataGetsTheMappingForForeignData() {
        try (TimeSecVector v = new TimeSecVector("v", allocator)) {
            fill(v, v::set, 34_200);
            assertThat(QArrow.toQ(VectorSchemaRoot.of(v), null))
                    .isEqualTo(QTable.of(List.of("v"), List.of(dev.q4j.value.QSecondVector.of(34_200))));
        }
    }

    @Test
    void largeAndViewStringsAndLargeListsAreRead() {
        try (org.apache.arrow.vector.LargeVarCharVector large = new org.apache.arrow.vector.LargeVarCharVector("l",
                allocator);
             org.apache.arrow.vector.ViewVarCharVector view = new org.apache.arrow.vector.ViewVarCharVector("v",
                allocator);
             org.apache.arrow.vector.complex.LargeListVector list = org.apache.arrow.vector.complex.LargeListVector
                .empty("n", allocator)) {
            large.allocateNew();
            view.allocateNew();
            large.setSafe(0, "a rather long string, longer than twelve bytes".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            large.setNull(1);
            view.setSafe(0, "short".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            view.setSafe(1, "and one past the twelve bytes a view holds inline".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
            large.setValueCount(2);
            view.setValueCount(2);
            org.apache.arrow.vector.complex.impl.UnionLargeListWriter w = list.getWriter();
            w.setPosition(0);
            w.startList();
            w.integer().writeInt(7);
            w.integer().writeInt(8);
            w.endList();
            w.setPosition(1);
            w.startList();
            w.endList();
            list.setValueCount(2);
            assertThat(QArrow.toQ(VectorSchemaRoot.of(large, view, list), null)).isEqualTo(QTable.of(
                    List.of("l", "v", "n"), List.of(
                            dev.q4j.value.QList.of(dev.q4j.value.QCharVector.of(
                                    "a rather long string, longer than twelve bytes"), dev.q4j.value.QCharVector.EMPTY),
                            dev.q4j.value.QList.of(dev.q4j.value.QCharVector.of("short"), dev.q4j.value.QCharVector.of(
                                    "and one past the twelve bytes a view holds inline")),
                            dev.q4j.value.QList.of(dev.q4j.value.QIntVector.of(7, 8),
                                    dev.q4j.value.QIntVector.EMPTY))));
        }
    }

    private static Field field(String name, String qType, org.apache.arrow.vector.types.pojo.ArrowType type) {
        return new Field(name, new org.apache.arrow.vector.types.pojo.FieldType(true, type, null,
                Map.of(QArrow.TYPE, qType)), List.of());
    }

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
    void anAttributeTheMetadataClaimsFalselyIsAnErrorNamingTheColumn() {
        Field f = new Field("x", new FieldType(true, new ArrowType.Int(64, true), null,
                Map.of(QArrow.TYPE, "long", QArrow.ATTRIBUTE, "s")), null);
        try (BigIntVector v = new BigIntVector(f, allocator)) {
            fill(v, v::set, 3L, 1L, 2L);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessageStartingWith("column x: the attribute s# of q4j.attribute does not hold");
        }
    }
    @Test
    void anExtensionTypeOtherThanUuidIsAnErrorNotItsRawStorage() {
        Field f = new Field("total", new FieldType(true, new ArrowType.FixedSizeBinary(16), null,
                Map.of("ARROW:extension:name", "duckdb.hugeint")), null);
        try (FixedSizeBinaryVector v = new FixedSizeBinaryVector(f, allocator)) {
            fill(v, v::set, new byte[16]);
            assertThatThrownBy(() -> QArrow.toQ(VectorSchemaRoot.of(v), null)).isInstanceOf(QArrowException.class)
                    .hasMessage("column total: Arrow extension type duckdb.hugeint (stored as FixedSizeBinary(16))"
                            + " has no q type");
        }
    }
    @Test
    void aForeignValueThatIsQsNullIsAnErrorAndQ4jsOwnNullsStayNulls() {
        try (BigIntVector v = new BigIntVector("n", allocator)) {
            fill(v, v::set, 1L, Long.MIN_VALUE);
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
