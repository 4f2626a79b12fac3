package dev.q4j.jdbc;

import dev.q4j.text.QConsole;
import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DateTimeException;
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

/**
 * One column of a result: a q vector (or general list) read by row, with the JDBC type of its items. The typed
 * getters read the vector's primitive items (no boxing); {@link #isNull} is q's null of the type. Subclasses exist
 * per q type; {@link #of} picks one. The mapping is the table in this package's documentation.
 */
abstract class Column {
    final String name;
    private final QSequence items;
    private final JdbcType type;

    /**
     * @param name the column's name
     * @param items its items (the subclass keeps its own reference of the vector's class, for the getters)
     * @param type its type as JDBC sees it
     */
    Column(String name, QSequence items, JdbcType type) {
        this.name = name;
        this.items = items;
        this.type = type;
    }

    /**
     * A column's type as JDBC sees it.
     *
     * @param sqlType the {@link Types} constant
     * @param typeName the q type's name, as q's documentation names it ({@code "timestamp"})
     * @param javaClass the class of {@link #object}
     * @param precision the column size as {@code ResultSetMetaData.getPrecision} reports it
     * @param signed whether numbers are signed
     */
    record JdbcType(int sqlType, String typeName, Class<?> javaClass, int precision, boolean signed) {
    }

    /** {@return the column over {@code items}, named {@code name}} */
    static Column of(String name, QSequence items) {
        if (items instanceof QVector v) {
            return ofVector(name, v);
        }
        return ListColumn.of(name, (QList) items);
    }

    private static Column ofVector(String name, QVector v) {
        return switch (v.type()) {
            case BOOLEAN -> new BooleanColumn(name, (QBooleanVector) v);
            case GUID -> new GuidColumn(name, (QGuidVector) v);
            case BYTE -> new ByteColumn(name, (QByteVector) v);
            case SHORT -> new ShortColumn(name, (QShortVector) v);
            case INT -> new IntColumn(name, (QIntVector) v);
            case LONG -> new LongColumn(name, (QLongVector) v);
            case REAL -> new RealColumn(name, (QRealVector) v);
            case FLOAT -> new FloatColumn(name, (QFloatVector) v);
            case CHAR -> new CharColumn(name, (QCharVector) v);
            case SYMBOL -> new SymbolColumn(name, (QSymbolVector) v);
            case TIMESTAMP -> new TimestampColumn(name, (QTimestampVector) v);
            case MONTH -> new MonthColumn(name, (QMonthVector) v);
            case DATE -> new DateColumn(name, (QDateVector) v);
            case DATETIME -> new DatetimeColumn(name, (QDatetimeVector) v);
            case TIMESPAN, MINUTE, SECOND, TIME -> new TimeOfDayColumn(name, v);
            default -> throw new IllegalArgumentException("not a vector type: " + v.type());
        };
    }

    /** {@return the number of rows} */
    final int count() {
        return items.count();
    }

    /**
     * {@return whether the item is q's null of its type} Each column answers from its own vector (of its own class,
     * whose test the JIT inlines): it is asked for every cell read.
     */
    abstract boolean isNull(int row);

    /** {@return the {@link Types} constant} */
    final int sqlType() {
        return type.sqlType();
    }

    /** {@return the q type's name, as q's documentation names it ({@code "timestamp"})} */
    final String typeName() {
        return type.typeName();
    }

    /** {@return the class of {@link #object}} */
    final Class<?> javaClass() {
        return type.javaClass();
    }

    /** {@return the column size as {@code ResultSetMetaData.getPrecision} reports it} */
    final int precision() {
        return type.precision();
    }

    /** {@return the digits after the decimal point} */
    int scale() {
        return 0;
    }

    /** {@return whether numbers are signed} */
    final boolean signed() {
        return type.signed();
    }

    /** {@return the item as q would read it, an atom (or a list's item)} */
    final QValue q(int row) {
        return items.at(row);
    }

    /** {@return the item as {@link java.sql.ResultSet#getObject(int)} returns it; never called on a null} */
    abstract Object object(int row) throws SQLException;

    /** {@return the item's text; never called on a null} */
    String string(int row) throws SQLException {
        QValue v = q(row);
        return v instanceof QAtom a ? QConsole.cell(a) : QText.print(v);
    }

    long longValue(int row) throws SQLException {
        throw conversion(row, "a number");
    }

    double doubleValue(int row) throws SQLException {
        return longValue(row);
    }

    boolean booleanValue(int row) throws SQLException {
        return longValue(row) != 0;
    }

    BigDecimal bigDecimal(int row) throws SQLException {
        return BigDecimal.valueOf(longValue(row));
    }

    Timestamp timestamp(int row) throws SQLException {
        throw conversion(row, "a timestamp");
    }

    Date date(int row) throws SQLException {
        throw conversion(row, "a date");
    }

    Time time(int row) throws SQLException {
        throw conversion(row, "a time");
    }

    byte[] bytes(int row) throws SQLException {
        throw conversion(row, "bytes");
    }

    /**
     * {@return the item as an instance of {@code type} (JDBC 4.2's {@code getObject(int, Class)}); never called on
     * a null}
     */
    Object as(int row, Class<?> type) throws SQLException {
        return baseAs(row, type);
    }

    /** {@link #as}'s conversions common to every column: text, the q value, the default class, numbers. */
    final Object baseAs(int row, Class<?> type) throws SQLException {
        if (type == String.class) {
            return string(row);
        }
        if (type.isInstance(q(row)) || type == QValue.class) {
            return q(row);
        }
        Object o = object(row);
        if (type.isInstance(o)) {
            return o;
        }
        if (type == Long.class) {
            return longValue(row);
        }
        if (type == Integer.class) {
            return Math.toIntExact(longValue(row));
        }
        if (type == Short.class) {
            return (short) Math.toIntExact(longValue(row));
        }
        if (type == Double.class) {
            return doubleValue(row);
        }
        if (type == Float.class) {
            return (float) doubleValue(row);
        }
        if (type == Boolean.class) {
            return booleanValue(row);
        }
        if (type == BigDecimal.class) {
            return bigDecimal(row);
        }
        throw conversion(row, type.getName());
    }

    /** {@return the error for asking {@code row} for what it cannot be} */
    final SQLException conversion(int row, String what) {
        return new SQLException("column " + name + " (q " + typeName() + ") cannot be read as " + what + " (row "
                + (row + 1) + ")", "22018");
    }

    /** {@return a java.time conversion's failure (an infinity, a value out of range) as an SQLException} */
    final SQLException outOfRange(int row, String what, RuntimeException e) {
        return new SQLException("column " + name + " (q " + typeName() + "), row " + (row + 1) + ": "
                + string0(row) + " has no " + what + ": " + e.getMessage(), "22008", e);
    }

    private String string0(int row) {
        QValue v = q(row);
        return v instanceof QAtom a ? QConsole.cell(a) : QText.print(v);
    }

    // ---------------------------------------------------------------- numbers

    /** boolean: BOOLEAN, Boolean; no null. */
    static final class BooleanColumn extends Column {
        private final QBooleanVector v;

        BooleanColumn(String name, QBooleanVector v) {
            super(name, v, new JdbcType(Types.BOOLEAN, "boolean", Boolean.class, 1, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return false;
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return v.get(row) ? "true" : "false";
        }

        @Override long longValue(int row) {
            return v.get(row) ? 1 : 0;
        }

        @Override boolean booleanValue(int row) {
            return v.get(row);
        }
    }

    /** byte: TINYINT, Integer 0..255 (q's bytes are unsigned); no null. */
    static final class ByteColumn extends Column {
        private final QByteVector v;

        ByteColumn(String name, QByteVector v) {
            super(name, v, new JdbcType(Types.TINYINT, "byte", Integer.class, 3, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return false;
        }

        @Override Object object(int row) {
            return v.get(row) & 0xff;
        }

        @Override String string(int row) {
            return Integer.toString(v.get(row) & 0xff);
        }

        @Override long longValue(int row) {
            return v.get(row) & 0xff;
        }

        @Override byte[] bytes(int row) {
            return new byte[] {v.get(row)};
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            return type == Byte.class ? (Object) v.get(row) : super.as(row, type);
        }
    }

    /** short: SMALLINT, Integer (as JDBC's table of getObject classes says). */
    static final class ShortColumn extends Column {
        private final QShortVector v;

        ShortColumn(String name, QShortVector v) {
            super(name, v, new JdbcType(Types.SMALLINT, "short", Integer.class, 5, true));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return (int) v.get(row);
        }

        @Override String string(int row) {
            return Short.toString(v.get(row));
        }

        @Override long longValue(int row) {
            return v.get(row);
        }
    }

    /** int: INTEGER, Integer. */
    static final class IntColumn extends Column {
        private final QIntVector v;

        IntColumn(String name, QIntVector v) {
            super(name, v, new JdbcType(Types.INTEGER, "int", Integer.class, 10, true));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return Integer.toString(v.get(row));
        }

        @Override long longValue(int row) {
            return v.get(row);
        }
    }

    /** long: BIGINT, Long. */
    static final class LongColumn extends Column {
        private final QLongVector v;

        LongColumn(String name, QLongVector v) {
            super(name, v, new JdbcType(Types.BIGINT, "long", Long.class, 19, true));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return Long.toString(v.get(row));
        }

        @Override long longValue(int row) {
            return v.get(row);
        }
    }

    /** real: REAL, Float. */
    static final class RealColumn extends Column {
        private final QRealVector v;

        RealColumn(String name, QRealVector v) {
            super(name, v, new JdbcType(Types.REAL, "real", Float.class, 7, true));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return Float.toString(v.get(row));
        }

        @Override long longValue(int row) {
            return (long) v.get(row);
        }

        @Override double doubleValue(int row) {
            return v.get(row);
        }

        @Override BigDecimal bigDecimal(int row) throws SQLException {
            return decimal(this, row, v.get(row));
        }
    }

    /** float: DOUBLE, Double. */
    static final class FloatColumn extends Column {
        private final QFloatVector v;

        FloatColumn(String name, QFloatVector v) {
            super(name, v, new JdbcType(Types.DOUBLE, "float", Double.class, 15, true));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return Double.toString(v.get(row));
        }

        @Override long longValue(int row) {
            return (long) v.get(row);
        }

        @Override double doubleValue(int row) {
            return v.get(row);
        }

        @Override BigDecimal bigDecimal(int row) throws SQLException {
            return decimal(this, row, v.get(row));
        }
    }

    static BigDecimal decimal(Column c, int row, double d) throws SQLException {
        if (Double.isInfinite(d)) {
            throw c.conversion(row, "a BigDecimal (it is infinite)");
        }
        return BigDecimal.valueOf(d);
    }

    // ---------------------------------------------------------------- text and guid

    /** char: CHAR(1), String; null is the space. */
    static final class CharColumn extends Column {
        private final QCharVector v;

        CharColumn(String name, QCharVector v) {
            super(name, v, new JdbcType(Types.CHAR, "char", String.class, 1, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return string(row);
        }

        @Override String string(int row) {
            return String.valueOf((char) (v.get(row) & 0xff));
        }

        @Override byte[] bytes(int row) {
            return new byte[] {v.get(row)};
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            return type == Character.class ? (Object) (char) (v.get(row) & 0xff) : super.as(row, type);
        }
    }

    /** symbol: VARCHAR, String; null is the empty symbol. */
    static final class SymbolColumn extends Column {
        private final QSymbolVector v;

        SymbolColumn(String name, QSymbolVector v) {
            super(name, v, new JdbcType(Types.VARCHAR, "symbol", String.class, Integer.MAX_VALUE, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.get(row).isEmpty();
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return v.get(row);
        }

        @Override byte[] bytes(int row) {
            return v.get(row).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** guid: OTHER, UUID; null is all zeros. */
    static final class GuidColumn extends Column {
        private final QGuidVector v;

        GuidColumn(String name, QGuidVector v) {
            super(name, v, new JdbcType(Types.OTHER, "guid", UUID.class, 36, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override Object object(int row) {
            return v.get(row);
        }

        @Override String string(int row) {
            return v.get(row).toString();
        }
    }

    // ---------------------------------------------------------------- temporal

    /** timestamp: TIMESTAMP, Timestamp (UTC wall clock); LocalDateTime, Instant, OffsetDateTime (UTC). */
    static final class TimestampColumn extends Column {
        private final QTimestampVector v;

        TimestampColumn(String name, QTimestampVector v) {
            super(name, v, new JdbcType(Types.TIMESTAMP, "timestamp", Timestamp.class, 29, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override int scale() {
            return 9;
        }

        LocalDateTime local(int row) throws SQLException {
            try {
                return LocalDateTime.ofInstant(v.instant(row), ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw outOfRange(row, "date and time", e);
            }
        }

        @Override Object object(int row) throws SQLException {
            return Timestamp.valueOf(local(row));
        }

        @Override Timestamp timestamp(int row) throws SQLException {
            return Timestamp.valueOf(local(row));
        }

        @Override Date date(int row) throws SQLException {
            return Date.valueOf(local(row).toLocalDate());
        }

        @Override Time time(int row) throws SQLException {
            return Time.valueOf(local(row).toLocalTime());
        }

        @Override long longValue(int row) {
            return v.get(row);
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            if (type == Instant.class) {
                long nanos = v.get(row);
                if (nanos == Long.MAX_VALUE || nanos == -Long.MAX_VALUE) {
                    // the vector's own conversion refuses the infinities with the message to pass on
                    try {
                        return v.instant(row);
                    } catch (DateTimeException e) {
                        throw outOfRange(row, "Instant", e);
                    }
                }
                return QTemporal.instantOfTimestamp(nanos);
            }
            return temporal(this, row, local(row), type);
        }
    }

    /** datetime: TIMESTAMP (milliseconds), as timestamp. */
    static final class DatetimeColumn extends Column {
        private final QDatetimeVector v;

        DatetimeColumn(String name, QDatetimeVector v) {
            super(name, v, new JdbcType(Types.TIMESTAMP, "datetime", Timestamp.class, 23, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override int scale() {
            return 3;
        }

        LocalDateTime local(int row) throws SQLException {
            try {
                return LocalDateTime.ofInstant(v.instant(row), ZoneOffset.UTC);
            } catch (DateTimeException e) {
                throw outOfRange(row, "date and time", e);
            }
        }

        @Override Object object(int row) throws SQLException {
            return Timestamp.valueOf(local(row));
        }

        @Override Timestamp timestamp(int row) throws SQLException {
            return Timestamp.valueOf(local(row));
        }

        @Override Date date(int row) throws SQLException {
            return Date.valueOf(local(row).toLocalDate());
        }

        @Override Time time(int row) throws SQLException {
            return Time.valueOf(local(row).toLocalTime());
        }

        @Override double doubleValue(int row) {
            return v.get(row);
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            return temporal(this, row, local(row), type);
        }
    }

    static Object temporal(Column c, int row, LocalDateTime t, Class<?> type) throws SQLException {
        if (type == LocalDateTime.class) {
            return t;
        } else if (type == Instant.class) {
            return t.toInstant(ZoneOffset.UTC);
        } else if (type == OffsetDateTime.class) {
            return t.atOffset(ZoneOffset.UTC);
        } else if (type == LocalDate.class) {
            return t.toLocalDate();
        } else if (type == LocalTime.class) {
            return t.toLocalTime();
        } else if (type == Timestamp.class) {
            return Timestamp.valueOf(t);
        } else if (type == Date.class) {
            return Date.valueOf(t.toLocalDate());
        }
        return c.asDefault(row, type);
    }

    final Object asDefault(int row, Class<?> type) throws SQLException {
        return baseAs(row, type);
    }

    /** date: DATE, Date; LocalDate. */
    static final class DateColumn extends Column {
        private final QDateVector v;

        DateColumn(String name, QDateVector v) {
            super(name, v, new JdbcType(Types.DATE, "date", Date.class, 10, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        LocalDate local(int row) throws SQLException {
            try {
                return v.localDate(row);
            } catch (DateTimeException e) {
                throw outOfRange(row, "date", e);
            }
        }

        @Override Object object(int row) throws SQLException {
            return Date.valueOf(local(row));
        }

        @Override Date date(int row) throws SQLException {
            return Date.valueOf(local(row));
        }

        @Override Timestamp timestamp(int row) throws SQLException {
            return Timestamp.valueOf(local(row).atStartOfDay());
        }

        @Override long longValue(int row) {
            return v.get(row);
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            if (type == LocalDate.class) {
                return local(row);
            }
            return type == LocalTime.class ? asDefault(row, type)
                    : temporal(this, row, local(row).atStartOfDay(), type);
        }
    }

    /** month: DATE (the 1st of the month), Date; YearMonth, LocalDate. */
    static final class MonthColumn extends Column {
        private final QMonthVector v;

        MonthColumn(String name, QMonthVector v) {
            super(name, v, new JdbcType(Types.DATE, "month", Date.class, 10, false));
            this.v = v;
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        YearMonth month(int row) throws SQLException {
            try {
                return v.yearMonth(row);
            } catch (DateTimeException e) {
                throw outOfRange(row, "month", e);
            }
        }

        @Override Object object(int row) throws SQLException {
            return Date.valueOf(month(row).atDay(1));
        }

        @Override Date date(int row) throws SQLException {
            return Date.valueOf(month(row).atDay(1));
        }

        @Override Timestamp timestamp(int row) throws SQLException {
            return Timestamp.valueOf(month(row).atDay(1).atStartOfDay());
        }

        @Override long longValue(int row) {
            return v.get(row);
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            if (type == YearMonth.class) {
                return month(row);
            }
            if (type == LocalDate.class) {
                return month(row).atDay(1);
            }
            return type == LocalTime.class ? asDefault(row, type)
                    : temporal(this, row, month(row).atDay(1).atStartOfDay(), type);
        }
    }

    /**
     * timespan, minute, second, time: TIME, Time (whole milliseconds, as java.sql.Time holds); LocalTime (a time of
     * day: an error outside 00:00 .. 24:00) and Duration (any).
     */
    static final class TimeOfDayColumn extends Column {
        private final QVector v;
        private final QType type;

        TimeOfDayColumn(String name, QVector v) {
            super(name, v, new JdbcType(Types.TIME, v.type().qName(), Time.class, switch (v.type()) {
                case TIMESPAN -> 18;
                case MINUTE -> 5;
                case SECOND -> 8;
                default -> 12;
            }, false));
            this.v = v;
            this.type = v.type();
        }

        @Override boolean isNull(int row) {
            return v.isNull(row);
        }

        @Override int scale() {
            return type == QType.TIMESPAN ? 9 : type == QType.TIME ? 3 : 0;
        }

        /** {@return the raw count of the type's unit} */
        @Override long longValue(int row) {
            return switch (type) {
                case TIMESPAN -> ((QTimespanVector) v).get(row);
                case MINUTE -> ((QMinuteVector) v).get(row);
                case SECOND -> ((QSecondVector) v).get(row);
                default -> ((QTimeVector) v).get(row);
            };
        }

        Duration duration(int row) throws SQLException {
            try {
                return switch (type) {
                    case TIMESPAN -> ((QTimespanVector) v).duration(row);
                    case MINUTE -> ((QMinuteVector) v).duration(row);
                    case SECOND -> ((QSecondVector) v).duration(row);
                    default -> ((QTimeVector) v).duration(row);
                };
            } catch (DateTimeException | ArithmeticException e) {
                throw outOfRange(row, "duration", e);
            }
        }

        LocalTime local(int row) throws SQLException {
            Duration d = duration(row);
            if (d.isNegative() || d.compareTo(Duration.ofDays(1)) >= 0) {
                throw new SQLException("column " + name + " (q " + typeName() + "), row " + (row + 1) + ": "
                        + string(row) + " is not a time of day (00:00 to 24:00): read it as a java.time.Duration "
                        + "with getObject(column, Duration.class)", "22008");
            }
            return LocalTime.ofNanoOfDay(d.toNanos());
        }

        @Override Object object(int row) throws SQLException {
            return time(row);
        }

        @Override Time time(int row) throws SQLException {
            LocalTime t = local(row);
            Time time = Time.valueOf(t);
            time.setTime(time.getTime() + t.getNano() / 1_000_000);
            return time;
        }

        /** {@return the time on 1970-01-01, the day {@link Time} counts from, as JDBC drivers give a TIME} */
        @Override Timestamp timestamp(int row) throws SQLException {
            return Timestamp.valueOf(LocalDate.of(1970, 1, 1).atTime(local(row)));
        }

        @Override Object as(int row, Class<?> t) throws SQLException {
            if (t == Duration.class) {
                return duration(row);
            }
            if (t == LocalTime.class) {
                return local(row);
            }
            if (t == Time.class) {
                return time(row);
            }
            return asDefault(row, t);
        }
    }

    // ---------------------------------------------------------------- lists

    /**
     * A general list: strings (every item a char vector) are VARCHAR; vectors of one type are ARRAY
     * ({@link QArray}); anything else is OTHER, the q value itself.
     */
    static final class ListColumn extends Column {
        private final QList v;

        private ListColumn(String name, QList v, int sqlType, String typeName, Class<?> javaClass) {
            super(name, v, new JdbcType(sqlType, typeName, javaClass, sqlType == Types.VARCHAR ? Integer.MAX_VALUE : 0,
                    false));
            this.v = v;
        }

        static ListColumn of(String name, QList v) {
            List<QValue> items = v.items();
            if (!items.isEmpty() && items.stream().allMatch(i -> i.type() == QType.CHAR && i instanceof QVector)) {
                return new ListColumn(name, v, Types.VARCHAR, "string", String.class);
            }
            if (!items.isEmpty() && items.get(0) instanceof QVector first
                    && items.stream().allMatch(i -> i instanceof QVector && i.type() == first.type())) {
                return new ListColumn(name, v, Types.ARRAY, first.type().qName() + " list", java.sql.Array.class);
            }
            return new ListColumn(name, v, Types.OTHER, "list", QValue.class);
        }

        @Override boolean isNull(int row) {
            return false;
        }

        @Override Object object(int row) {
            QValue item = v.at(row);
            if (sqlType() == Types.VARCHAR) {
                return ((QCharVector) item).asString();
            }
            if (sqlType() == Types.ARRAY) {
                return new QArray((QVector) item);
            }
            return item;
        }

        @Override String string(int row) {
            QValue item = v.at(row);
            return item instanceof QCharVector s ? s.asString() : QText.print(item);
        }

        @Override byte[] bytes(int row) throws SQLException {
            QValue item = v.at(row);
            if (item instanceof QCharVector s) {
                return s.toArray();
            }
            if (item instanceof QByteVector b) {
                return b.toArray();
            }
            throw conversion(row, "bytes");
        }

        @Override Object as(int row, Class<?> type) throws SQLException {
            if (type == java.sql.Array.class && v.at(row) instanceof QVector vector) {
                return new QArray(vector);
            }
            if (type == byte[].class) {
                return bytes(row);
            }
            return asDefault(row, type);
        }
    }

    /** One value of any other kind (a function, say): OTHER, the q value. */
    static Column single(String name, QValue value) {
        if (value instanceof QAtom) {
            return of(name, (QSequence) Q.of(List.of(value)));
        }
        return ListColumn.of(name, QList.of(value));
    }

    /** For types JDBC has no use for here. */
    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by q4j's driver", "0A000");
    }
}
