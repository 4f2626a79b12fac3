package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every q type through a result set (no server: the result set over the values a reply would hold): the JDBC type,
 * class and precision of its column, {@code getObject} and the typed getters on a value, and on q's null.
 */
class ResultSetTypesTest {
    private static final UUID GUID = UUID.fromString("8c680a01-5a49-5aab-5a65-7ad5d5b4fa1b");
    private static final LocalDateTime WHEN = LocalDateTime.of(2024, 1, 2, 9, 30, 0, 123_456_789);

    /** One column per type: row 1 a value, row 2 q's null of the type (or a second value where q has none). */
    private static QTable everyType() {
        return QTable.of(List.of("b", "g", "x", "h", "i", "j", "e", "f", "c", "s", "p", "m", "d", "z", "n", "u",
                "v", "t", "str", "longs"), List.of(
                QBooleanVector.of(true, false),
                QGuidVector.of(GUID, new UUID(0, 0)),
                QByteVector.of((byte) 0xff, (byte) 1),
                QShortVector.of((short) -7, Short.MIN_VALUE),
                QIntVector.of(42, Integer.MIN_VALUE),
                QLongVector.of(1L << 40, Long.MIN_VALUE),
                QRealVector.of(1.5f, Float.NaN),
                QFloatVector.of(2.25, Double.NaN),
                QCharVector.of("a "),
                QSymbolVector.of("IBM", ""),
                QTimestampVector.of(QTimestamp.of(WHEN).nanos(), Long.MIN_VALUE),
                QMonthVector.ofYearMonths(YearMonth.of(2024, 3), null),
                QDateVector.ofDates(LocalDate.of(2024, 1, 2), null),
                QDatetimeVector.ofInstants(WHEN.withNano(123_000_000).toInstant(ZoneOffset.UTC), null),
                QTimespanVector.of(Duration.ofHours(9).plusNanos(5).toNanos(), Long.MIN_VALUE),
                QMinuteVector.of(9 * 60 + 30, Integer.MIN_VALUE),
                QSecondVector.of(9 * 3600 + 5, Integer.MIN_VALUE),
                QTimeVector.of(9 * 3_600_000 + 1, Integer.MIN_VALUE),
                QList.of(QCharVector.of("hello"), QCharVector.of("")),
                QList.of(QLongVector.of(1, 2, 3), QLongVector.of())));
    }

    private static ResultSet rs(QValue v) {
        return new QResultSet(null, QResultSet.columnsOf(v), 0);
    }

    @Test
    void theMetadataOfEveryTypeIsItsJdbcTypeClassAndPrecision() throws SQLException {
        ResultSetMetaData md = rs(everyType()).getMetaData();
        int[] types = {Types.BOOLEAN, Types.OTHER, Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT,
            Types.REAL, Types.DOUBLE, Types.CHAR, Types.VARCHAR, Types.TIMESTAMP, Types.DATE, Types.DATE,
            Types.TIMESTAMP, Types.TIME, Types.TIME, Types.TIME, Types.TIME, Types.VARCHAR, Types.ARRAY};
        String[] classes = {"java.lang.Boolean", "java.util.UUID", "java.lang.Integer", "java.lang.Integer",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double", "java.lang.String",
            "java.lang.String", "java.sql.Timestamp", "java.sql.Date", "java.sql.Date", "java.sql.Timestamp",
            "java.sql.Time", "java.sql.Time", "java.sql.Time", "java.sql.Time", "java.lang.String", "java.sql.Array"};
        String[] names = {"boolean", "guid", "byte", "short", "int", "long", "real", "float", "char", "symbol",
            "timestamp", "month", "date", "datetime", "timespan", "minute", "second", "time", "string", "long list"};
        int[] precision = {1, 36, 3, 5, 10, 19, 7, 15, 1, Integer.MAX_VALUE, 29, 10, 10, 23, 18, 5, 8, 12,
            Integer.MAX_VALUE, 0};
        assertThat(md.getColumnCount()).isEqualTo(types.length);
        for (int i = 0; i < types.length; i++) {
            int c = i + 1;
            assertThat(md.getColumnType(c)).as(names[i]).isEqualTo(types[i]);
            assertThat(md.getColumnClassName(c)).as(names[i]).isEqualTo(classes[i]);
            assertThat(md.getColumnTypeName(c)).as(names[i]).isEqualTo(names[i]);
            assertThat(md.getPrecision(c)).as(names[i]).isEqualTo(precision[i]);
        }
        assertThat(md.getScale(11)).as("timestamp: nanoseconds").isEqualTo(9);
        assertThat(md.isNullable(1)).as("boolean has no null").isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(md.isNullable(6)).isEqualTo(ResultSetMetaData.columnNullable);
        assertThat(md.isSigned(6)).isTrue();
        assertThat(md.isSigned(3)).as("q's bytes are unsigned").isFalse();
    }

    @Test
    void getObjectGivesEachTypesClassAndNullForQsNull() throws SQLException {
        ResultSet rs = rs(everyType());
        assertThat(rs.next()).isTrue();
        Object[] expected = {true, GUID, 255, -7, 42, 1L << 40, 1.5f, 2.25, "a", "IBM", Timestamp.valueOf(WHEN),
            Date.valueOf("2024-03-01"), Date.valueOf("2024-01-02"), Timestamp.valueOf(WHEN.withNano(123_000_000)),
            Time.valueOf("09:00:00"), Time.valueOf("09:30:00"), Time.valueOf("09:00:05"),
            new Time(Time.valueOf("09:00:00").getTime() + 1), "hello"};
        for (int i = 0; i < expected.length; i++) {
            assertThat(rs.getObject(i + 1)).as("column " + (i + 1)).isEqualTo(expected[i]);
            assertThat(rs.wasNull()).isFalse();
        }
        Array longs = rs.getArray(20);
        assertThat((Object[]) longs.getArray()).containsExactly(1L, 2L, 3L);
        assertThat(longs.getBaseType()).isEqualTo(Types.BIGINT);

        assertThat(rs.next()).isTrue();
        assertThat(rs.getObject(1)).isEqualTo(false);
        assertThat(rs.getObject(3)).as("byte has no null").isEqualTo(1);
        for (int c = 2; c <= 18; c++) {
            if (c == 3) {
                continue;
            }
            assertThat(rs.getObject(c)).as("column " + c + ": q's null").isNull();
            assertThat(rs.wasNull()).as("column " + c).isTrue();
            assertThat(rs.getString(c)).as("column " + c).isNull();
        }
        assertThat(rs.getObject(19)).as("an empty string is a value").isEqualTo("");
        assertThat(rs.wasNull()).isFalse();
        assertThat(rs.next()).isFalse();
    }

    @Test
    void typedGettersReadValuesAndGiveZeroWithWasNullOnNulls() throws SQLException {
        ResultSet rs = rs(everyType());
        rs.next();
        assertThat(rs.getBoolean("b")).isTrue();
        assertThat(rs.getByte("x")).isEqualTo((byte) 0xff);
        assertThat(rs.getInt("x")).isEqualTo(255);
        assertThat(rs.getShort("h")).isEqualTo((short) -7);
        assertThat(rs.getInt("i")).isEqualTo(42);
        assertThat(rs.getLong("j")).isEqualTo(1L << 40);
        assertThat(rs.getDouble("j")).isEqualTo(0x1p40);
        assertThat(rs.getFloat("e")).isEqualTo(1.5f);
        assertThat(rs.getDouble("f")).isEqualTo(2.25);
        assertThat(rs.getBigDecimal("f")).isEqualByComparingTo(new BigDecimal("2.25"));
        assertThat(rs.getBigDecimal("j")).isEqualByComparingTo(BigDecimal.valueOf(1L << 40));
        assertThat(rs.getString("c")).isEqualTo("a");
        assertThat(rs.getString("s")).isEqualTo("IBM");
        assertThat(rs.getString("j")).isEqualTo(Long.toString(1L << 40));
        assertThat(rs.getString("p")).isEqualTo("2024.01.02D09:30:00.123456789");
        assertThat(rs.getString("g")).isEqualTo(GUID.toString());
        assertThat(rs.getString("str")).isEqualTo("hello");
        assertThat(rs.getTimestamp("p")).isEqualTo(Timestamp.valueOf(WHEN));
        assertThat(rs.getTimestamp("p").getNanos()).isEqualTo(123_456_789);
        assertThat(rs.getTimestamp("d")).isEqualTo(Timestamp.valueOf("2024-01-02 00:00:00"));
        assertThat(rs.getDate("p")).isEqualTo(Date.valueOf("2024-01-02"));
        assertThat(rs.getDate("m")).isEqualTo(Date.valueOf("2024-03-01"));
        assertThat(rs.getTime("t")).isEqualTo(new Time(Time.valueOf("09:00:00").getTime() + 1));
        assertThat(rs.getTime("p")).isEqualTo(Time.valueOf("09:30:00"));
        assertThat(rs.getTimestamp("n")).as("a timespan (kdb+tick's time column) on Time's day")
                .isEqualTo(Timestamp.valueOf("1970-01-01 09:00:00.000000005"));
        assertThatThrownBy(() -> rs.getInt("j")).isInstanceOf(SQLException.class)
                .hasMessageContaining("out of range").extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("22003");
        assertThatThrownBy(() -> rs.getTimestamp("j")).isInstanceOf(SQLException.class)
                .hasMessageContaining("column j (q long) cannot be read as a timestamp");

        rs.next();
        for (String c : List.of("h", "i", "j", "e", "f")) {
            assertThat(rs.getLong(c)).as(c).isZero();
            assertThat(rs.wasNull()).as(c).isTrue();
            assertThat(rs.getDouble(c)).as(c).isZero();
            assertThat(rs.wasNull()).as(c).isTrue();
        }
        for (String c : List.of("p", "z", "d", "m")) {
            assertThat(rs.getTimestamp(c)).as(c).isNull();
            assertThat(rs.wasNull()).as(c).isTrue();
        }
        assertThat(rs.getBoolean("b")).isFalse();
        assertThat(rs.wasNull()).isFalse();
    }

    @Test
    void getObjectWithAClassGivesJavaTimeTypes() throws SQLException {
        ResultSet rs = rs(everyType());
        rs.next();
        assertThat(rs.getObject("p", LocalDateTime.class)).isEqualTo(WHEN);
        assertThat(rs.getObject("p", Instant.class)).isEqualTo(WHEN.toInstant(ZoneOffset.UTC));
        assertThat(rs.getObject("p", OffsetDateTime.class)).isEqualTo(WHEN.atOffset(ZoneOffset.UTC));
        assertThat(rs.getObject("p", LocalDate.class)).isEqualTo(WHEN.toLocalDate());
        assertThat(rs.getObject("p", Long.class)).isEqualTo(QTimestamp.of(WHEN).nanos());
        assertThat(rs.getObject("z", Instant.class)).isEqualTo(WHEN.withNano(123_000_000).toInstant(ZoneOffset.UTC));
        assertThat(rs.getObject("d", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
        assertThat(rs.getObject("m", YearMonth.class)).isEqualTo(YearMonth.of(2024, 3));
        assertThat(rs.getObject("n", Duration.class)).isEqualTo(Duration.ofHours(9).plusNanos(5));
        assertThat(rs.getObject("n", LocalTime.class)).isEqualTo(LocalTime.of(9, 0, 0, 5));
        assertThat(rs.getObject("u", LocalTime.class)).isEqualTo(LocalTime.of(9, 30));
        assertThat(rs.getObject("v", Duration.class)).isEqualTo(Duration.ofSeconds(9 * 3600 + 5));
        assertThat(rs.getObject("t", LocalTime.class)).isEqualTo(LocalTime.of(9, 0, 0, 1_000_000));
        assertThat(rs.getObject("g", UUID.class)).isEqualTo(GUID);
        assertThat(rs.getObject("g", String.class)).isEqualTo(GUID.toString());
        assertThat(rs.getObject("c", Character.class)).isEqualTo('a');
        assertThat(rs.getObject("x", Byte.class)).isEqualTo((byte) -1);
        assertThat(rs.getObject("i", Long.class)).isEqualTo(42L);
        assertThat(rs.getObject("j", QValue.class)).isEqualTo(QLong.of(1L << 40));
        assertThat(rs.getObject("s", QValue.class)).isEqualTo(QSymbol.of("IBM"));
        assertThatThrownBy(() -> rs.getObject("s", LocalDate.class)).isInstanceOf(SQLException.class)
                .hasMessageContaining("java.time.LocalDate");
        rs.next();
        assertThat(rs.getObject("p", Instant.class)).isNull();
        assertThat(rs.wasNull()).isTrue();
        assertThat(rs.getObject("n", Duration.class)).isNull();
    }

    @Test
    void infinitiesAndTimespansBeyondADayAreErrorsNotMadeUpDates() throws SQLException {
        ResultSet rs = rs(QTable.of(List.of("p", "n"), List.of(QTimestampVector.of(Long.MAX_VALUE),
                QTimespanVector.of(Duration.ofHours(25).toNanos()))));
        rs.next();
        assertThatThrownBy(() -> rs.getTimestamp("p")).isInstanceOf(SQLException.class)
                .hasMessageContaining("0Wp").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22008");
        assertThat(rs.getString("p")).as("as q shows it in a table cell").isEqualTo("0W");
        assertThatThrownBy(() -> rs.getTime("n")).isInstanceOf(SQLException.class)
                .hasMessageContaining("not a time of day").hasMessageContaining("Duration");
        assertThat(rs.getObject("n", Duration.class)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void everyShapeBecomesRowsAndColumns() throws SQLException {
        QTable keys = QTable.of(List.of("sym"), List.of(QSymbolVector.of("a", "b")));
        QTable values = QTable.of(List.of("px"), List.of(QFloatVector.of(1, 2)));
        ResultSet keyed = rs(QKeyedTable.of(keys, values));
        assertThat(keyed.getMetaData().getColumnName(1)).isEqualTo("sym");
        assertThat(keyed.getMetaData().getColumnName(2)).isEqualTo("px");

        ResultSet dict = rs(QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)));
        assertThat(dict.getMetaData().getColumnName(1)).isEqualTo("key");
        assertThat(dict.getMetaData().getColumnName(2)).isEqualTo("value");
        dict.next();
        dict.next();
        assertThat(dict.getString(1)).isEqualTo("b");
        assertThat(dict.getLong(2)).isEqualTo(2);

        ResultSet vector = rs(QLongVector.of(5, 6, 7));
        assertThat(vector.getMetaData().getColumnCount()).isEqualTo(1);
        assertThat(vector.getMetaData().getColumnName(1)).isEqualTo("x");
        assertThat(vector.last()).isTrue();
        assertThat(vector.getRow()).isEqualTo(3);
        assertThat(vector.getLong("x")).isEqualTo(7);

        ResultSet atom = rs(QLong.of(9));
        assertThat(atom.next()).isTrue();
        assertThat(atom.getLong(1)).isEqualTo(9);
        assertThat(atom.next()).isFalse();

        ResultSet string = rs(QCharVector.of("text"));
        assertThat(string.next()).isTrue();
        assertThat(string.getString(1)).isEqualTo("text");
        assertThat(string.getMetaData().getColumnType(1)).isEqualTo(Types.VARCHAR);
        assertThat(string.next()).as("a string is one value, not a column of chars").isFalse();
    }

    /**
     * {@return bytes allocated by this thread so far}: com.sun.management by reflection, since the tests compile
     * inside the module dev.q4j.jdbc, which does not read it
     */
    private static long allocated() {
        try {
            Object threads = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class).invoke(threads, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }

    @Test
    void thePrimitiveGettersDoNotBox() throws SQLException {
        int n = 200_000;
        long[] longs = new long[n];
        double[] doubles = new double[n];
        for (int i = 0; i < n; i++) {
            longs[i] = 1_000_000L + i;    // beyond Long.valueOf's cache: boxing would allocate every one
            doubles[i] = i + 0.5;
        }
        ResultSet rs = rs(QTable.of(List.of("j", "f"), List.of(QLongVector.wrap(longs), QFloatVector.wrap(doubles))));
        long sum = 0;
        for (int warm = 0; warm < 3; warm++) {
            rs.beforeFirst();
            long before = allocated();
            while (rs.next()) {
                sum += rs.getLong(1) + (long) rs.getDouble(2) + (rs.wasNull() ? 1 : 0);
            }
            long allocated = allocated() - before;
            // 2 boxes a row would be 6.4 MB; allow for the measurement's own allocation
            assertThat(allocated).as("bytes allocated reading %d rows", n).isLessThan(64 * 1024);
        }
        assertThat(sum).isPositive();
    }

    @Test
    void aClosedResultSetAndACursorOffTheRowsAreErrors() throws SQLException {
        ResultSet rs = rs(QLongVector.of(1));
        assertThatThrownBy(() -> rs.getLong(1)).isInstanceOf(SQLException.class).hasMessageContaining("next()");
        rs.next();
        assertThatThrownBy(() -> rs.getLong(2)).isInstanceOf(SQLException.class).hasMessageContaining("no column 2");
        assertThatThrownBy(() -> rs.getLong("nope")).isInstanceOf(SQLException.class)
                .hasMessageContaining("no column 'nope'");
        assertThatThrownBy(() -> rs.updateLong(1, 2)).isInstanceOf(java.sql.SQLFeatureNotSupportedException.class);
        rs.close();
        assertThat(rs.isClosed()).isTrue();
        assertThatThrownBy(rs::next).isInstanceOf(SQLException.class).hasMessageContaining("closed");
    }

    @Test
    void aResultSetAndItsMetadataUnwrapToThemselvesAndNameWhatTheyAreOtherwise() throws SQLException {
        ResultSet rs = rs(everyType());
        assertThat(rs.isWrapperFor(ResultSet.class)).isTrue();
        assertThat(rs.unwrap(ResultSet.class)).isSameAs(rs);
        assertThat(rs.isWrapperFor(ResultSetMetaData.class)).isFalse();
        assertThatThrownBy(() -> rs.unwrap(ResultSetMetaData.class)).isInstanceOf(SQLException.class)
                .hasMessage("a q4j result set is not a java.sql.ResultSetMetaData");
        ResultSetMetaData meta = rs.getMetaData();
        assertThat(meta.isWrapperFor(ResultSetMetaData.class)).isTrue();
        assertThat(meta.unwrap(ResultSetMetaData.class)).isSameAs(meta);
        assertThatThrownBy(() -> meta.unwrap(ResultSet.class)).isInstanceOf(SQLException.class)
                .hasMessage("q4j's result set metadata is not a java.sql.ResultSet");
    }
}
