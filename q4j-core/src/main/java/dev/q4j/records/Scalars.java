package dev.q4j.records;

import static dev.q4j.value.QType.BOOLEAN;
import static dev.q4j.value.QType.BYTE;
import static dev.q4j.value.QType.CHAR;
import static dev.q4j.value.QType.DATE;
import static dev.q4j.value.QType.DATETIME;
import static dev.q4j.value.QType.FLOAT;
import static dev.q4j.value.QType.GUID;
import static dev.q4j.value.QType.INT;
import static dev.q4j.value.QType.LONG;
import static dev.q4j.value.QType.MINUTE;
import static dev.q4j.value.QType.MONTH;
import static dev.q4j.value.QType.REAL;
import static dev.q4j.value.QType.SECOND;
import static dev.q4j.value.QType.SHORT;
import static dev.q4j.value.QType.SYMBOL;
import static dev.q4j.value.QType.TIME;
import static dev.q4j.value.QType.TIMESPAN;
import static dev.q4j.value.QType.TIMESTAMP;

import dev.q4j.value.QTemporal;
import dev.q4j.value.QType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;

/**
 * The table of scalar types: for each q basic type and each Java type that holds it, a decoder from the raw item
 * ({@code (Site, raw) -> J}) and an encoder back ({@code (Site, J) -> raw}), as method handles that the cell readers
 * and writers compose. The raw item is what the vector's array holds: {@code long} nanoseconds for a timestamp,
 * {@code int} days for a date, and so on.
 */
final class Scalars {
    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final UUID NULL_GUID = new UUID(0, 0);

    private static final Map<QType, Map<Class<?>, MethodHandle>> DECODERS = new EnumMap<>(QType.class);
    private static final Map<Class<?>, Map<QType, MethodHandle>> ENCODERS = new HashMap<>();
    /** Java type to the q types it is written as, the default first */
    private static final Map<Class<?>, List<QType>> WRITTEN_AS = new HashMap<>();

    private Scalars() {
    }

    /** {@return the raw item type of a basic q type's vectors} */
    static Class<?> rawClass(QType t) {
        switch (t) {
            case BOOLEAN: return boolean.class;
            case GUID: return UUID.class;
            case BYTE: case CHAR: return byte.class;
            case SHORT: return short.class;
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME: return int.class;
            case LONG: case TIMESTAMP: case TIMESPAN: return long.class;
            case REAL: return float.class;
            case FLOAT: case DATETIME: return double.class;
            case SYMBOL: return String.class;
            default: throw new IllegalArgumentException(t + " is not a basic type");
        }
    }

    /**
     * {@return {@code (Site, raw) -> javaType} for items of q type {@code t}, or {@code null} when {@code javaType}
     * cannot hold them}
     */
    static MethodHandle decoder(QType t, Class<?> javaType) {
        if (javaType.isEnum() && t == SYMBOL) {
            return MethodHandles.insertArguments(SYMBOL_TO_ENUM, 1, EnumNames.of(javaType))
                    .asType(MethodType.methodType(javaType, Site.class, String.class));
        }
        Map<Class<?>, MethodHandle> byJava = DECODERS.get(t);
        return byJava == null ? null : byJava.get(javaType);
    }

    /** {@return the q types whose items {@code javaType} can hold, for error messages} */
    static List<QType> readableAs(Class<?> javaType) {
        List<QType> out = new ArrayList<>();
        for (Map.Entry<QType, Map<Class<?>, MethodHandle>> e : DECODERS.entrySet()) {
            if (e.getValue().containsKey(javaType) || (javaType.isEnum() && e.getKey() == SYMBOL)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    /** {@return {@code (Site, javaType) -> raw} for q type {@code t}, or {@code null}} */
    static MethodHandle encoder(Class<?> javaType, QType t) {
        if (javaType.isEnum()) {
            return t == SYMBOL ? ENUM_TO_SYMBOL.asType(MethodType.methodType(String.class, Site.class, javaType))
                    : null;
        }
        Map<QType, MethodHandle> byType = ENCODERS.get(javaType);
        return byType == null ? null : byType.get(t);
    }

    /** {@return the q types {@code javaType} is written as, its natural one first; empty when it is no scalar} */
    static List<QType> writtenAs(Class<?> javaType) {
        if (javaType.isEnum()) {
            return List.of(SYMBOL);
        }
        return WRITTEN_AS.getOrDefault(javaType, List.of());
    }

    /** {@return true for the types that map to one q atom (primitives, boxes, java.time, String, UUID, enums)} */
    static boolean isScalar(Class<?> javaType) {
        return javaType.isEnum() || WRITTEN_AS.containsKey(javaType);
    }

    static String nullName(QType t) {
        switch (t) {
            case SYMBOL: return "` (null)";
            case FLOAT: return "0n (null)";
            case CHAR: return "\" \" (null)";
            default: return "0N" + t.letter() + " (null)";
        }
    }

    // ------------------------------------------------------------------ registry

    private static final MethodHandle SYMBOL_TO_ENUM = find("symbolEnum",
            MethodType.methodType(Enum.class, Site.class, EnumNames.class, String.class));
    private static final MethodHandle ENUM_TO_SYMBOL = find("enumSymbol",
            MethodType.methodType(String.class, Site.class, Enum.class));

    static {
        // q -> Java: the natural type of each q type first, then the alternatives
        dec(BOOLEAN, boolean.class, "bool");
        dec(BOOLEAN, Boolean.class, "boolBox");
        dec(GUID, UUID.class, "guid");
        dec(BYTE, byte.class, "byteRaw");
        dec(BYTE, Byte.class, "byteBox");
        dec(CHAR, char.class, "charRaw");
        dec(CHAR, Character.class, "charBox");
        for (QType t : new QType[] {SHORT}) {
            dec(t, short.class, "shortPrim");
            dec(t, Short.class, "shortBox");
            dec(t, int.class, "shortInt");
            dec(t, Integer.class, "shortInteger");
            dec(t, OptionalInt.class, "shortOptInt");
            dec(t, long.class, "shortLong");
            dec(t, Long.class, "shortLongBox");
            dec(t, OptionalLong.class, "shortOptLong");
        }
        dec(INT, int.class, "intPrim");
        dec(INT, Integer.class, "intBox");
        dec(INT, OptionalInt.class, "intOpt");
        dec(INT, long.class, "intLong");
        dec(INT, Long.class, "intLongBox");
        dec(INT, OptionalLong.class, "intOptLong");
        for (QType t : new QType[] {LONG, TIMESTAMP, TIMESPAN}) {
            dec(t, long.class, "longPrim");
            dec(t, Long.class, "longBox");
            dec(t, OptionalLong.class, "longOpt");
        }
        dec(REAL, float.class, "realRaw");
        dec(REAL, Float.class, "realBox");
        dec(REAL, double.class, "realDouble");
        dec(REAL, Double.class, "realDoubleBox");
        dec(REAL, OptionalDouble.class, "realOpt");
        dec(FLOAT, double.class, "floatRaw");
        dec(FLOAT, Double.class, "floatBox");
        dec(FLOAT, OptionalDouble.class, "floatOpt");
        // the raw count of a temporal type, infinities included (no java.time type holds those)
        for (QType t : new QType[] {MONTH, DATE, MINUTE, SECOND, TIME}) {
            dec(t, int.class, "intPrim");
            dec(t, Integer.class, "intBox");
            dec(t, OptionalInt.class, "intOpt");
        }
        dec(DATETIME, double.class, "floatRaw");
        dec(DATETIME, Double.class, "floatBox");
        dec(DATETIME, OptionalDouble.class, "floatOpt");
        dec(SYMBOL, String.class, "symbol");
        dec(TIMESTAMP, Instant.class, "timestampInstant");
        dec(TIMESTAMP, LocalDateTime.class, "timestampLocalDateTime");
        dec(TIMESTAMP, OffsetDateTime.class, "timestampOffsetDateTime");
        dec(MONTH, YearMonth.class, "month");
        dec(DATE, LocalDate.class, "date");
        dec(DATETIME, Instant.class, "datetimeInstant");
        dec(DATETIME, LocalDateTime.class, "datetimeLocalDateTime");
        dec(DATETIME, OffsetDateTime.class, "datetimeOffsetDateTime");
        dec(TIMESPAN, Duration.class, "timespanDuration");
        dec(TIMESPAN, LocalTime.class, "timespanLocalTime");
        dec(MINUTE, LocalTime.class, "minuteLocalTime");
        dec(MINUTE, Duration.class, "minuteDuration");
        dec(SECOND, LocalTime.class, "secondLocalTime");
        dec(SECOND, Duration.class, "secondDuration");
        dec(TIME, LocalTime.class, "timeLocalTime");
        dec(TIME, Duration.class, "timeDuration");

        // Java -> q: the first q type given for a Java type is its default
        enc(boolean.class, BOOLEAN, "fromBool");
        enc(Boolean.class, BOOLEAN, "fromBoolBox");
        enc(UUID.class, GUID, "fromGuid");
        enc(byte.class, BYTE, "fromByte");
        enc(Byte.class, BYTE, "fromByteBox");
        enc(short.class, SHORT, "fromShort");
        enc(Short.class, SHORT, "fromShortBox");
        enc(int.class, INT, "fromInt");
        enc(Integer.class, INT, "fromIntBox");
        enc(OptionalInt.class, INT, "fromIntOpt");
        for (QType t : new QType[] {MONTH, DATE, MINUTE, SECOND, TIME}) {
            enc(int.class, t, "fromInt");
            enc(Integer.class, t, "fromIntBox");
            enc(OptionalInt.class, t, "fromIntOpt");
        }
        for (QType t : new QType[] {LONG, TIMESTAMP, TIMESPAN}) {
            enc(long.class, t, "fromLong");
            enc(Long.class, t, "fromLongBox");
            enc(OptionalLong.class, t, "fromLongOpt");
        }
        enc(float.class, REAL, "fromReal");
        enc(Float.class, REAL, "fromRealBox");
        enc(double.class, FLOAT, "fromFloat");
        enc(Double.class, FLOAT, "fromFloatBox");
        enc(OptionalDouble.class, FLOAT, "fromFloatOpt");
        enc(double.class, DATETIME, "fromFloat");
        enc(Double.class, DATETIME, "fromFloatBox");
        enc(OptionalDouble.class, DATETIME, "fromFloatOpt");
        enc(char.class, CHAR, "fromChar");
        enc(Character.class, CHAR, "fromCharBox");
        enc(String.class, SYMBOL, "fromString");
        enc(Instant.class, TIMESTAMP, "fromInstant");
        enc(Instant.class, DATETIME, "fromInstantDatetime");
        enc(LocalDateTime.class, TIMESTAMP, "fromLocalDateTime");
        enc(LocalDateTime.class, DATETIME, "fromLocalDateTimeDatetime");
        enc(OffsetDateTime.class, TIMESTAMP, "fromOffsetDateTime");
        enc(OffsetDateTime.class, DATETIME, "fromOffsetDateTimeDatetime");
        enc(LocalDate.class, DATE, "fromLocalDate");
        enc(YearMonth.class, MONTH, "fromYearMonth");
        enc(Duration.class, TIMESPAN, "fromDuration");
        enc(Duration.class, MINUTE, "fromDurationMinute");
        enc(Duration.class, SECOND, "fromDurationSecond");
        enc(Duration.class, TIME, "fromDurationTime");
        enc(LocalTime.class, TIME, "fromLocalTime");
        enc(LocalTime.class, MINUTE, "fromLocalTimeMinute");
        enc(LocalTime.class, SECOND, "fromLocalTimeSecond");
        enc(LocalTime.class, TIMESPAN, "fromLocalTimeTimespan");
    }

    private static void dec(QType t, Class<?> javaType, String method) {
        DECODERS.computeIfAbsent(t, k -> new HashMap<>())
                .put(javaType, find(method, MethodType.methodType(javaType, Site.class, rawClass(t))));
    }

    private static void enc(Class<?> javaType, QType t, String method) {
        ENCODERS.computeIfAbsent(javaType, k -> new EnumMap<>(QType.class))
                .put(t, find(method, MethodType.methodType(rawClass(t), Site.class, javaType)));
        List<QType> types = new ArrayList<>(WRITTEN_AS.getOrDefault(javaType, List.of()));
        types.add(t);
        WRITTEN_AS.put(javaType, List.copyOf(new LinkedHashSet<>(types)));
    }

    private static MethodHandle find(String method, MethodType type) {
        return Handles.findStatic(MethodHandles.lookup(), Scalars.class, method, type);
    }

    // ------------------------------------------------------------------ q -> Java

    private static CellFailure nullInto(Site s, String primitive, String instead) {
        return s.fail(nullName(s.qType()) + " cannot go into a primitive " + primitive + "; use " + instead);
    }

    private static CellFailure infinite(Site s, String what, String javaType) {
        return s.fail(what + " (infinity) has no " + javaType + "; read it as the raw number instead");
    }

    static boolean bool(Site s, boolean v) {
        return v;
    }

    static Boolean boolBox(Site s, boolean v) {
        return v;
    }

    static UUID guid(Site s, UUID v) {
        return v.getMostSignificantBits() == 0 && v.getLeastSignificantBits() == 0 ? null : v;
    }

    static byte byteRaw(Site s, byte v) {
        return v;
    }

    static Byte byteBox(Site s, byte v) {
        return v;
    }

    static char charRaw(Site s, byte v) {
        return (char) (v & 0xFF);
    }

    static Character charBox(Site s, byte v) {
        return v == ' ' ? null : (char) (v & 0xFF);
    }

    static short shortPrim(Site s, short v) {
        if (v == Short.MIN_VALUE) {
            throw nullInto(s, "short", "Short or OptionalInt");
        }
        return v;
    }

    static Short shortBox(Site s, short v) {
        return v == Short.MIN_VALUE ? null : v;
    }

    static int shortInt(Site s, short v) {
        if (v == Short.MIN_VALUE) {
            throw nullInto(s, "int", "Integer or OptionalInt");
        }
        return v;
    }

    static Integer shortInteger(Site s, short v) {
        return v == Short.MIN_VALUE ? null : (int) v;
    }

    static OptionalInt shortOptInt(Site s, short v) {
        return v == Short.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(v);
    }

    static long shortLong(Site s, short v) {
        if (v == Short.MIN_VALUE) {
            throw nullInto(s, "long", "Long or OptionalLong");
        }
        return v;
    }

    static Long shortLongBox(Site s, short v) {
        return v == Short.MIN_VALUE ? null : (long) v;
    }

    static OptionalLong shortOptLong(Site s, short v) {
        return v == Short.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static int intPrim(Site s, int v) {
        if (v == Integer.MIN_VALUE) {
            throw nullInto(s, "int", "Integer or OptionalInt");
        }
        return v;
    }

    static Integer intBox(Site s, int v) {
        return v == Integer.MIN_VALUE ? null : v;
    }

    static OptionalInt intOpt(Site s, int v) {
        return v == Integer.MIN_VALUE ? OptionalInt.empty() : OptionalInt.of(v);
    }

    static long intLong(Site s, int v) {
        if (v == Integer.MIN_VALUE) {
            throw nullInto(s, "long", "Long or OptionalLong");
        }
        return v;
    }

    static Long intLongBox(Site s, int v) {
        return v == Integer.MIN_VALUE ? null : (long) v;
    }

    static OptionalLong intOptLong(Site s, int v) {
        return v == Integer.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static long longPrim(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            throw nullInto(s, "long", "Long or OptionalLong");
        }
        return v;
    }

    static Long longBox(Site s, long v) {
        return v == Long.MIN_VALUE ? null : v;
    }

    static OptionalLong longOpt(Site s, long v) {
        return v == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static float realRaw(Site s, float v) {
        return v;
    }

    static Float realBox(Site s, float v) {
        return Float.isNaN(v) ? null : v;
    }

    static double realDouble(Site s, float v) {
        return v;
    }

    static Double realDoubleBox(Site s, float v) {
        return Float.isNaN(v) ? null : (double) v;
    }

    static OptionalDouble realOpt(Site s, float v) {
        return Float.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    static double floatRaw(Site s, double v) {
        return v;
    }

    static Double floatBox(Site s, double v) {
        return Double.isNaN(v) ? null : v;
    }

    static OptionalDouble floatOpt(Site s, double v) {
        return Double.isNaN(v) ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    static String symbol(Site s, String v) {
        return v.isEmpty() ? null : v;
    }

    static Enum<?> symbolEnum(Site s, EnumNames names, String v) {
        if (v.isEmpty()) {
            return null;
        }
        Enum<?> e = names.byName(v);
        if (e == null) {
            throw s.fail("`" + v + " is no constant of " + names.type().getSimpleName() + " " + names.names());
        }
        return e;
    }

    private static boolean infinite(long v) {
        return v == Long.MAX_VALUE || v == -Long.MAX_VALUE;
    }

    private static boolean infinite(int v) {
        return v == Integer.MAX_VALUE || v == -Integer.MAX_VALUE;
    }

    static Instant timestampInstant(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wp" : "-0Wp", "Instant");
        }
        return QTemporal.instantOfTimestamp(v);
    }

    static LocalDateTime timestampLocalDateTime(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wp" : "-0Wp", "LocalDateTime");
        }
        return QTemporal.localDateTimeOfTimestamp(v);
    }

    static OffsetDateTime timestampOffsetDateTime(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wp" : "-0Wp", "OffsetDateTime");
        }
        return OffsetDateTime.of(QTemporal.localDateTimeOfTimestamp(v), ZoneOffset.UTC);
    }

    static YearMonth month(Site s, int v) {
        if (v == Integer.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wm" : "-0Wm", "YearMonth");
        }
        return QTemporal.yearMonthOfMonth(v);
    }

    static LocalDate date(Site s, int v) {
        if (v == Integer.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wd" : "-0Wd", "LocalDate");
        }
        return QTemporal.localDateOfDate(v);
    }

    private static Instant datetime(Site s, double v, String javaType) {
        if (Double.isInfinite(v)) {
            throw infinite(s, v > 0 ? "0wz" : "-0wz", javaType);
        }
        try {
            return QTemporal.instantOfDatetime(v);
        } catch (DateTimeException e) {
            throw s.fail(e.getMessage(), e);
        }
    }

    static Instant datetimeInstant(Site s, double v) {
        return Double.isNaN(v) ? null : datetime(s, v, "Instant");
    }

    static LocalDateTime datetimeLocalDateTime(Site s, double v) {
        return Double.isNaN(v) ? null : LocalDateTime.ofInstant(datetime(s, v, "LocalDateTime"), ZoneOffset.UTC);
    }

    static OffsetDateTime datetimeOffsetDateTime(Site s, double v) {
        return Double.isNaN(v) ? null : OffsetDateTime.ofInstant(datetime(s, v, "OffsetDateTime"), ZoneOffset.UTC);
    }

    static Duration timespanDuration(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wn" : "-0Wn", "Duration");
        }
        return Duration.ofNanos(v);
    }

    private static LocalTime timeOfDay(Site s, long nanos, String what) {
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
            throw s.fail(what + " is not a time of day (negative or past 24:00); read it as a Duration");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    static LocalTime timespanLocalTime(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, v > 0 ? "0Wn" : "-0Wn", "LocalTime");
        }
        return timeOfDay(s, v, "timespan " + v + "ns");
    }

    private static Duration duration(Site s, int v, ChronoUnit unit, String infinity) {
        if (v == Integer.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, (v > 0 ? "" : "-") + infinity, "Duration");
        }
        return Duration.of(v, unit);
    }

    private static LocalTime localTime(Site s, int v, ChronoUnit unit, String infinity) {
        if (v == Integer.MIN_VALUE) {
            return null;
        }
        if (infinite(v)) {
            throw infinite(s, (v > 0 ? "" : "-") + infinity, "LocalTime");
        }
        long perDay = NANOS_PER_DAY / unit.getDuration().toNanos();
        if (v < 0 || v >= perDay) {
            throw s.fail(s.qType().qName() + " " + v + " is not a time of day (negative or past 24:00); read it as"
                    + " a Duration");
        }
        return LocalTime.ofNanoOfDay(v * unit.getDuration().toNanos());
    }

    static LocalTime minuteLocalTime(Site s, int v) {
        return localTime(s, v, ChronoUnit.MINUTES, "0Wu");
    }

    static Duration minuteDuration(Site s, int v) {
        return duration(s, v, ChronoUnit.MINUTES, "0Wu");
    }

    static LocalTime secondLocalTime(Site s, int v) {
        return localTime(s, v, ChronoUnit.SECONDS, "0Wv");
    }

    static Duration secondDuration(Site s, int v) {
        return duration(s, v, ChronoUnit.SECONDS, "0Wv");
    }

    static LocalTime timeLocalTime(Site s, int v) {
        return localTime(s, v, ChronoUnit.MILLIS, "0Wt");
    }

    static Duration timeDuration(Site s, int v) {
        return duration(s, v, ChronoUnit.MILLIS, "0Wt");
    }

    // ------------------------------------------------------------------ Java -> q

    private static CellFailure noNull(Site s, String instead) {
        return s.fail("null, but q " + s.qType().qName() + "s have no null; use " + instead);
    }

    static boolean fromBool(Site s, boolean v) {
        return v;
    }

    static boolean fromBoolBox(Site s, Boolean v) {
        if (v == null) {
            throw noNull(s, "boolean, or another type");
        }
        return v;
    }

    static UUID fromGuid(Site s, UUID v) {
        return v == null ? NULL_GUID : v;
    }

    static byte fromByte(Site s, byte v) {
        return v;
    }

    static byte fromByteBox(Site s, Byte v) {
        if (v == null) {
            throw noNull(s, "byte, or a short (whose null is 0Nh)");
        }
        return v;
    }

    /** The Java value that is q's null, written as a value: it would read back as null, so it is an error. */
    private static CellFailure isNull(Site s, String value, String instead) {
        return s.fail(value + " is " + nullName(s.qType()) + " in q and would read back as null; " + instead);
    }

    static short fromShort(Site s, short v) {
        if (v == Short.MIN_VALUE) {
            throw isNull(s, "Short.MIN_VALUE", "hold nulls in a Short or OptionalInt");
        }
        return v;
    }

    static short fromShortBox(Site s, Short v) {
        if (v == null) {
            return Short.MIN_VALUE;
        } else if (v == Short.MIN_VALUE) {
            throw isNull(s, "Short.MIN_VALUE", "write null for a null");
        }
        return v;
    }

    static int fromInt(Site s, int v) {
        if (v == Integer.MIN_VALUE) {
            throw isNull(s, "Integer.MIN_VALUE", "hold nulls in an Integer or OptionalInt");
        }
        return v;
    }

    static int fromIntBox(Site s, Integer v) {
        if (v == null) {
            return Integer.MIN_VALUE;
        } else if (v == Integer.MIN_VALUE) {
            throw isNull(s, "Integer.MIN_VALUE", "write null for a null");
        }
        return v;
    }

    static int fromIntOpt(Site s, OptionalInt v) {
        if (v == null || v.isEmpty()) {
            return Integer.MIN_VALUE;
        } else if (v.getAsInt() == Integer.MIN_VALUE) {
            throw isNull(s, "Integer.MIN_VALUE", "write an empty OptionalInt for a null");
        }
        return v.getAsInt();
    }

    static long fromLong(Site s, long v) {
        if (v == Long.MIN_VALUE) {
            throw isNull(s, "Long.MIN_VALUE", "hold nulls in a Long or OptionalLong");
        }
        return v;
    }

    static long fromLongBox(Site s, Long v) {
        if (v == null) {
            return Long.MIN_VALUE;
        } else if (v == Long.MIN_VALUE) {
            throw isNull(s, "Long.MIN_VALUE", "write null for a null");
        }
        return v;
    }

    static long fromLongOpt(Site s, OptionalLong v) {
        if (v == null || v.isEmpty()) {
            return Long.MIN_VALUE;
        } else if (v.getAsLong() == Long.MIN_VALUE) {
            throw isNull(s, "Long.MIN_VALUE", "write an empty OptionalLong for a null");
        }
        return v.getAsLong();
    }

    static float fromReal(Site s, float v) {
        return v;
    }

    static float fromRealBox(Site s, Float v) {
        return v == null ? Float.NaN : v;
    }

    static double fromFloat(Site s, double v) {
        return v;
    }

    static double fromFloatBox(Site s, Double v) {
        return v == null ? Double.NaN : v;
    }

    static double fromFloatOpt(Site s, OptionalDouble v) {
        return v == null || v.isEmpty() ? Double.NaN : v.getAsDouble();
    }

    static byte fromChar(Site s, char v) {
        if (v > 0xFF) {
            throw s.fail("'" + v + "' (U+" + Integer.toHexString(v) + ") does not fit a q char (one byte)");
        }
        return (byte) v;
    }

    static byte fromCharBox(Site s, Character v) {
        return v == null ? (byte) ' ' : fromChar(s, v);
    }

    static String fromString(Site s, String v) {
        return v == null ? "" : v;   // checked for NUL by the symbol column, once per distinct symbol
    }

    static String enumSymbol(Site s, Enum<?> v) {
        return v == null ? "" : v.name();
    }

    // A finite Java value never becomes one of q's sentinels: the count of a q temporal type that would be its null
    // (the least long or int) or an infinity (the greatest, negated or not) is beyond that type's range.

    private static CellFailure beyond(Site s, Object v, String range, String sentinel) {
        return s.fail(v + " is beyond the range of a q " + s.qType().qName() + range
                + (sentinel == null ? "" : ": it would be " + sentinel));
    }

    private static String sentinel(QType t, long n, long nullValue, long infinity) {
        return n == nullValue ? "0N" + t.letter() + ", q's null"
                : Math.abs(n) == infinity ? (n < 0 ? "-0W" : "0W") + t.letter() + ", q's infinity" : null;
    }

    /** {@return {@code n}, a count of the column's q type, when it is neither beyond an int nor a sentinel} */
    private static int count(Site s, long n, Object v) {
        if (n > -Integer.MAX_VALUE && n < Integer.MAX_VALUE) {
            return (int) n;
        }
        throw beyond(s, v, "", sentinel(s.qType(), n, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    private static long timestamp(Site s, Instant instant, Object v) {
        String range = " (years 1707 to 2292)";
        long n;
        try {
            n = QTemporal.timestampOf(instant);
        } catch (DateTimeException e) {
            for (long sentinel : new long[] {Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE}) {
                if (instant.equals(QTemporal.instantOfTimestamp(sentinel))) {
                    throw beyond(s, v, range, sentinel(s.qType(), sentinel, Long.MIN_VALUE, Long.MAX_VALUE));
                }
            }
            // QTemporal's message names q's range exactly: said of the Java value the record holds
            String why = String.valueOf(e.getMessage());
            int at = why.indexOf(" is beyond");
            throw s.fail(v + (at >= 0 ? why.substring(at) : ": " + why), e);
        } catch (ArithmeticException e) {
            throw s.fail(v + " is beyond the range of a q timestamp" + range, e);
        }
        if (n == Long.MIN_VALUE || infinite(n)) {
            throw beyond(s, v, range, sentinel(s.qType(), n, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return n;
    }

    static long fromInstant(Site s, Instant v) {
        return v == null ? Long.MIN_VALUE : timestamp(s, v, v);
    }

    /**
     * {@return fractional days since 2000.01.01, which read back ({@link QTemporal#instantOfDatetime}) as the same
     * instant: a q datetime holds milliseconds, so anything finer is an error, not dropped}
     */
    private static double datetime(Site s, Instant instant, Object v) {
        if (instant.getNano() % 1_000_000 != 0) {
            throw s.fail(v + " has a finer precision than a q datetime (milliseconds); truncate it or choose a finer"
                    + " type with @QColumn(type = ...)");
        }
        double days;
        try {
            days = QTemporal.datetimeOf(instant);
        } catch (ArithmeticException | DateTimeException e) {
            throw s.fail(v + " is beyond the range of a q datetime", e);
        }
        // far out, the double's 53 bits no longer hold every millisecond
        if (!exactDatetime(days, instant)) {
            throw s.fail(v + " is beyond the range in which a q datetime holds milliseconds exactly");
        }
        return days;
    }

    private static boolean exactDatetime(double days, Instant instant) {
        try {
            return QTemporal.instantOfDatetime(days).equals(instant);
        } catch (DateTimeException e) {
            return false;
        }
    }

    static double fromInstantDatetime(Site s, Instant v) {
        return v == null ? Double.NaN : datetime(s, v, v);
    }

    static long fromLocalDateTime(Site s, LocalDateTime v) {
        return v == null ? Long.MIN_VALUE : timestamp(s, v.toInstant(ZoneOffset.UTC), v);
    }

    static double fromLocalDateTimeDatetime(Site s, LocalDateTime v) {
        return v == null ? Double.NaN : datetime(s, v.toInstant(ZoneOffset.UTC), v);
    }

    static long fromOffsetDateTime(Site s, OffsetDateTime v) {
        return v == null ? Long.MIN_VALUE : timestamp(s, v.toInstant(), v);
    }

    static double fromOffsetDateTimeDatetime(Site s, OffsetDateTime v) {
        return v == null ? Double.NaN : datetime(s, v.toInstant(), v);
    }

    static int fromLocalDate(Site s, LocalDate v) {
        return v == null ? Integer.MIN_VALUE : count(s, v.toEpochDay() - QTemporal.EPOCH_DAY_2000, v);
    }

    static int fromYearMonth(Site s, YearMonth v) {
        return v == null ? Integer.MIN_VALUE : count(s, (v.getYear() - 2000L) * 12 + v.getMonthValue() - 1, v);
    }

    static long fromDuration(Site s, Duration v) {
        if (v == null) {
            return Long.MIN_VALUE;
        }
        String range = " (about 292 years)";
        long n;
        try {
            n = v.toNanos();
        } catch (ArithmeticException | DateTimeException e) {
            throw s.fail(v + " is beyond the range of a q timespan" + range, e);
        }
        if (n == Long.MIN_VALUE || infinite(n)) {
            throw beyond(s, v, range, sentinel(s.qType(), n, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return n;
    }

    private static int whole(Site s, Duration v, long unitNanos) {
        if (v == null) {
            return Integer.MIN_VALUE;
        }
        Duration unit = Duration.ofNanos(unitNanos);
        long units = v.dividedBy(unit);   // truncates; exact for any Duration and these units
        if (!unit.multipliedBy(units).equals(v)) {
            throw s.fail(v + " has a finer precision than a q " + s.qType().qName()
                    + "; truncate it or choose a finer type with @QColumn(type = ...)");
        }
        return count(s, units, v);
    }

    static int fromDurationMinute(Site s, Duration v) {
        return whole(s, v, 60_000_000_000L);
    }

    static int fromDurationSecond(Site s, Duration v) {
        return whole(s, v, 1_000_000_000L);
    }

    static int fromDurationTime(Site s, Duration v) {
        return whole(s, v, 1_000_000L);
    }

    private static int timeOfDay(Site s, LocalTime v, long unitNanos) {
        if (v == null) {
            return Integer.MIN_VALUE;
        }
        long nanos = v.toNanoOfDay();
        if (nanos % unitNanos != 0) {
            throw s.fail(v + " has a finer precision than a q " + s.qType().qName()
                    + "; truncate it or choose a finer type with @QColumn(type = ...)");
        }
        return (int) (nanos / unitNanos);
    }

    static int fromLocalTime(Site s, LocalTime v) {
        return timeOfDay(s, v, 1_000_000L);
    }

    static int fromLocalTimeMinute(Site s, LocalTime v) {
        return timeOfDay(s, v, 60_000_000_000L);
    }

    static int fromLocalTimeSecond(Site s, LocalTime v) {
        return timeOfDay(s, v, 1_000_000_000L);
    }

    static long fromLocalTimeTimespan(Site s, LocalTime v) {
        return v == null ? Long.MIN_VALUE : v.toNanoOfDay();
    }

    /** An enum's constants by name, built once per enum class. */
    record EnumNames(Class<?> type, Map<String, Enum<?>> byName) {
        private static final ClassValue<EnumNames> CACHE = new ClassValue<>() {
            @Override
            protected EnumNames computeValue(Class<?> type) {
                Map<String, Enum<?>> m = new HashMap<>();
                for (Object c : type.getEnumConstants()) {
                    m.put(((Enum<?>) c).name(), (Enum<?>) c);
                }
                return new EnumNames(type, Map.copyOf(m));
            }
        };

        static EnumNames of(Class<?> type) {
            return CACHE.get(type);
        }

        Enum<?> byName(String name) {
            return byName.get(name);
        }

        Set<String> names() {
            return new java.util.TreeSet<>(byName.keySet());
        }
    }
}
