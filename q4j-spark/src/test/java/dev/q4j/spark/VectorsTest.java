package dev.q4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every q column type as Spark reads it: the Spark type of the package's table, and each value (a plain one, the
 * null, an infinity where q has one) as q4j's own java.time conversions of the atom say it should be.
 */
class VectorsTest {
    private static final KdbOptions OPTIONS = KdbOptions.of(Map.of("path", "/db", "table", "t"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "boolean  | 101b                                            | boolean",
        "byte     | 0x00ff7f80                                      | smallint",
        "short    | 1 0N 0W -0Wh                                    | smallint",
        "int      | 1 0N 0W -0Wi                                    | int",
        "long     | 1 0N 0W -0W                                     | bigint",
        "real     | 1.5 0N 0W -0We                                  | float",
        "float    | 1.5 0n 0w -0w                                   | double",
        "char     | \"a z\"                                          | string",
        "symbol   | `a``bc                                          | string",
        "timestamp| 2024.01.02D10:11:12.123456789 0N 1999.12.31D23:59:59.999999999p | timestamp_ntz",
        "month    | 2024.01 0N 1999.12m                             | date",
        "date     | 2024.01.02 0N 1999.12.31                        | date",
        "datetime | 2024.01.02T10:11:12.123 0N 1999.12.31T23:59:59.999z | timestamp_ntz",
        "timespan | 0D10:11:12.123456789 0N -0D00:00:00.000000001n  | interval day to second",
        "minute   | 10:11 0N -00:01u                                | interval hour to minute",
        "second   | 10:11:12 0N 25:00:00v                           | interval hour to second",
        "time     | 10:11:12.123 0N -00:00:00.001t                  | interval hour to second"})
    void everyQTypeIsReadAsItsSparkTypeWithItsValuesAndNulls(String type, String q, String spark) {
        QSequence v = (QSequence) QText.parse(q);
        DataType t = KdbTypes.of("c", v, OPTIONS);
        assertThat(t.simpleString()).isEqualTo(spark);
        ColumnVector c = KdbTypes.vector("c", v, t, OPTIONS, 0, null, v.count());
        for (int r = 0; r < v.count(); r++) {
            Object expected = SparkTests.expected(v.at(r));
            assertThat(c.isNullAt(r)).as("row %d null", r).isEqualTo(expected == null);
            if (expected != null) {
                Object got = value(c, t, r);
                if (type.equals("datetime")) {
                    got = SparkTests.millis(got);
                }
                assertThat(got).as("row %d", r).isEqualTo(expected);
            }
        }
    }

    /** Spark's value of a row, as a Java value (what the rows of a Dataset give) */
    private static Object value(ColumnVector c, DataType t, int r) {
        if (t.equals(DataTypes.BooleanType)) {
            return c.getBoolean(r);
        } else if (t.equals(DataTypes.ShortType)) {
            return c.getShort(r);
        } else if (t.equals(DataTypes.IntegerType)) {
            return c.getInt(r);
        } else if (t.equals(DataTypes.LongType)) {
            return c.getLong(r);
        } else if (t.equals(DataTypes.FloatType)) {
            return c.getFloat(r);
        } else if (t.equals(DataTypes.DoubleType)) {
            return c.getDouble(r);
        } else if (t.equals(DataTypes.StringType)) {
            return c.getUTF8String(r).toString();
        } else if (t.equals(DataTypes.DateType)) {
            return LocalDate.ofEpochDay(c.getInt(r));
        } else if (t.equals(DataTypes.TimestampNTZType)) {
            long micros = c.getLong(r);
            return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros,
                    1_000_000) * 1000, ZoneOffset.UTC);
        } else if (t instanceof DayTimeIntervalType) {
            return Duration.ofNanos(c.getLong(r) * 1000);
        } else if (t instanceof ArrayType a) {
            List<Object> out = new ArrayList<>();
            org.apache.spark.sql.vectorized.ColumnarArray items = c.getArray(r);
            for (int i = 0; i < items.numElements(); i++) {
                out.add(items.isNullAt(i) ? null : items.get(i, a.elementType()));
            }
            return out;
        }
        throw new AssertionError(t);
    }

    @Test
    void infinitiesStayAtTheEndsOfSparksRangesInsteadOfWrapping() {
        QSequence dates = (QSequence) QText.parse("0W -0W 2024.01.02d");
        ColumnVector d = KdbTypes.vector("d", dates, DataTypes.DateType, OPTIONS, 0, null, 3);
        assertThat(d.getInt(0)).as("0Wd").isEqualTo(Integer.MAX_VALUE);
        assertThat(d.getInt(1)).as("-0Wd").isEqualTo(-Integer.MAX_VALUE + 10957);
        QSequence months = (QSequence) QText.parse("0W -0W 2024.01m");
        ColumnVector m = KdbTypes.vector("m", months, DataTypes.DateType, OPTIONS, 0, null, 3);
        assertThat(m.getInt(0)).as("0Wm").isEqualTo(Integer.MAX_VALUE);
        assertThat(m.getInt(1)).as("-0Wm").isEqualTo(-Integer.MAX_VALUE);
        assertThat(m.getInt(2)).isEqualTo((int) LocalDate.of(2024, 1, 1).toEpochDay());
        QSequence datetimes = (QSequence) QText.parse("0w -0w 2000.01.01T00:00:00.000z");
        ColumnVector z = KdbTypes.vector("z", datetimes, DataTypes.TimestampNTZType, OPTIONS, 0, null, 3);
        assertThat(z.getLong(0)).as("0wz").isEqualTo(Long.MAX_VALUE);
        assertThat(z.getLong(1)).as("-0wz").isEqualTo(-Long.MAX_VALUE);
        assertThat(z.getLong(2)).isEqualTo(946_684_800_000_000L);
    }

    @Test
    void guidsAreTheirTextAndTheZeroGuidIsNull() {
        UUID u = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");
        QSequence v = QGuidVector.of(u, new UUID(0, 0));
        assertThat(KdbTypes.of("g", v, OPTIONS)).isEqualTo(DataTypes.StringType);
        ColumnVector c = KdbTypes.vector("g", v, DataTypes.StringType, OPTIONS, 0, null, 2);
        assertThat(c.getUTF8String(0).toString()).isEqualTo(u.toString());
        assertThat(c.isNullAt(1)).isTrue();
        assertThat(c.getUTF8String(1)).isNull();
    }

    @Test
    void nanosecondsAsLongsKeepEveryDigit() {
        KdbOptions longs = KdbOptions.of(Map.of("path", "/db", "table", "t", "timestampAs", "long",
                "timespanAs", "long"));
        QSequence ts = (QSequence) QText.parse("2024.01.02D10:11:12.123456789 1999.12.31D23:59:59.999999999p");
        ColumnVector c = KdbTypes.vector("t", ts, DataTypes.LongType, longs, 0, null, 2);
        assertThat(c.getLong(0)).isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 11, 12, 123_456_789)
                .toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L + 123_456_789);
        assertThat(c.getLong(1)).isEqualTo(946_684_800_000_000_000L - 1);
        QSequence span = (QSequence) QText.parse("0D10:11:12.123456789 -0D00:00:00.000000001n");
        assertThat(KdbTypes.of("s", span, longs)).isEqualTo(DataTypes.LongType);
        ColumnVector s = KdbTypes.vector("s", span, DataTypes.LongType, longs, 0, null, 2);
        assertThat(s.getLong(0)).isEqualTo(36_672_123_456_789L);
        assertThat(s.getLong(1)).isEqualTo(-1);
        ColumnVector inf = KdbTypes.vector("t", QTimestampVector.of(Long.MAX_VALUE), DataTypes.LongType, longs, 0,
                null, 1);
        assertThatThrownBy(() -> inf.getLong(0)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("kdb column t, row 0").hasMessageContaining("does not fit");
    }

    @Test
    void nestedColumnsAreStringsOrArrays() {
        QList strings = QList.of(QCharVector.of("ab"), QCharVector.of(""), new QChar((byte) 'c'));
        assertThat(KdbTypes.of("s", strings, OPTIONS)).isEqualTo(DataTypes.StringType);
        ColumnVector c = KdbTypes.vector("s", strings, DataTypes.StringType, OPTIONS, 0, null, 3);
        assertThat(List.of(c.getUTF8String(0).toString(), c.getUTF8String(1).toString(),
                c.getUTF8String(2).toString())).containsExactly("ab", "", "c");
        QList ints = QList.of(QIntVector.of(1, 2, Integer.MIN_VALUE), QIntVector.of(), new QInt(7));
        DataType t = KdbTypes.of("i", ints, OPTIONS);
        assertThat(t.simpleString()).isEqualTo("array<int>");
        ColumnVector a = KdbTypes.vector("i", ints, t, OPTIONS, 0, null, 3);
        assertThat(value(a, t, 0)).isEqualTo(java.util.Arrays.asList(1, 2, null));
        assertThat(value(a, t, 1)).isEqualTo(List.of());
        assertThat(value(a, t, 2)).isEqualTo(List.of(7));
        QList mixed = (QList) QText.parse("(1 2i;3 4j)");
        ColumnVector m = KdbTypes.vector("m", mixed, KdbTypes.of("m", mixed, OPTIONS), OPTIONS, 0, null, 2);
        assertThatThrownBy(() -> m.getArray(1)).hasMessageContaining("kdb column m[1] holds long values");
    }

    @Test
    void columnsSparkCannotHoldAreErrorsNamingThem() {
        QValue dicts = QText.parse("(`a`b!1 2;`c`d!3 4)");
        assertThatThrownBy(() -> KdbTypes.of("d", (QSequence) dicts, OPTIONS)).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("kdb column d, row 0: a dict in a nested column");
        QValue lists = QText.parse("((1 2;3);(4;5))");
        assertThatThrownBy(() -> KdbTypes.of("l", (QSequence) lists, OPTIONS))
                .hasMessageContaining("kdb column l, row 0: a list in a nested column");
        assertThatThrownBy(() -> KdbTypes.of("e", QList.EMPTY, OPTIONS))
                .hasMessageContaining("kdb column e is a nested column (a general list) with no rows");
        assertThatThrownBy(() -> KdbTypes.vector("x", QLongVector.of(1), DataTypes.StringType, OPTIONS, 0, null, 1))
                .hasMessageContaining("kdb column x holds long values (Spark bigint) where the table's schema says"
                        + " string");
    }

    @Test
    void aSymbolBecomesOneSparkStringPerDomainEntryNotPerRow() {
        QSymbolVector domain = QSymbolVector.of("IBM", "", "MSFT");
        AtomicReferenceArray<UTF8String> strings = new AtomicReferenceArray<>(domain.count());
        QLongVector indices = QLongVector.of(0, 2, 0, Long.MIN_VALUE, 1, 2);
        ColumnVector first = new Vectors.Enumerated("sym", indices, domain, strings, 1, 0, null, 3);
        ColumnVector second = new Vectors.Enumerated("sym", indices, domain, strings, 1, 3, null, 3);
        assertThat(first.getUTF8String(0)).isSameAs(first.getUTF8String(2)).hasToString("IBM");
        assertThat(second.getUTF8String(2)).as("another batch, the same string").isSameAs(first.getUTF8String(1))
                .hasToString("MSFT");
        assertThat(second.isNullAt(0)).as("0N").isTrue();
        assertThat(second.isNullAt(1)).as("the empty symbol").isTrue();
        assertThat(second.getUTF8String(1)).isNull();
        assertThat(second.numNulls()).isEqualTo(2);
    }

    @Test
    void rowsChosenByAFilterAreReadThroughTheSelection() {
        QSequence v = QLongVector.of(10, 11, 12, 13, 14);
        ColumnVector c = KdbTypes.vector("x", v, DataTypes.LongType, OPTIONS, 0, new int[] {1, 4}, 2);
        assertThat(List.of(c.getLong(0), c.getLong(1))).containsExactly(11L, 14L);
        ColumnVector s = KdbTypes.vector("x", v, DataTypes.LongType, OPTIONS, 3, null, 2);
        assertThat(List.of(s.getLong(0), s.getLong(1))).containsExactly(13L, 14L);
        assertThat(s.hasNull()).isFalse();
    }
}
