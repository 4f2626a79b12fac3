package dev.q4j.value;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Conversions between q's temporal encodings (counts since 2000.01.01) and java.time. Used by the temporal atoms and
 * vectors; public so that columnar code can convert raw values without creating atoms.
 *
 * <pre>{@code
 * Instant i = QTemporal.instantOfTimestamp(279417600000000L);   // 2000-01-04T05:36:57.600Z
 * int days = QTemporal.dateOf(LocalDate.of(2001, 1, 1));          // 366
 * }</pre>
 */
public final class QTemporal {
    /** 2000.01.01 as days since 1970.01.01 */
    public static final int EPOCH_DAY_2000 = 10957;
    /** 2000.01.01 as seconds since 1970.01.01 */
    public static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    private static final double MILLIS_PER_DAY = 86_400_000d;

    private QTemporal() {
    }

    /**
     * @param nanos nanoseconds since 2000.01.01
     * @return the instant
     */
    public static Instant instantOfTimestamp(long nanos) {
        return Instant.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(nanos, NANOS_PER_SECOND),
                Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /**
     * @param nanos nanoseconds since 2000.01.01
     * @return the UTC date-time
     */
    public static LocalDateTime localDateTimeOfTimestamp(long nanos) {
        return LocalDateTime.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(nanos, NANOS_PER_SECOND),
                (int) Math.floorMod(nanos, NANOS_PER_SECOND), ZoneOffset.UTC);
    }

    /**
     * @param instant an instant
     * @return nanoseconds since 2000.01.01
     * @throws ArithmeticException when the instant is beyond the range of a q timestamp
     */
    public static long timestampOf(Instant instant) {
        long seconds = Math.subtractExact(instant.getEpochSecond(), EPOCH_SECOND_2000);
        int nanos = instant.getNano();
        if (seconds < 0 && nanos > 0) {
            // near the lower bound seconds * 1e9 alone would overflow though the sum fits
            return Math.addExact(Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
        }
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    }

    /**
     * @param dateTime a UTC date-time
     * @return nanoseconds since 2000.01.01
     */
    public static long timestampOf(LocalDateTime dateTime) {
        return timestampOf(dateTime.toInstant(ZoneOffset.UTC));
    }

    /**
     * @param months months since 2000.01
     * @return the year and month
     */
    public static YearMonth yearMonthOfMonth(int months) {
        return YearMonth.of(2000 + Math.floorDiv(months, 12), 1 + Math.floorMod(months, 12));
    }

    /**
     * @param month a year and month
     * @return months since 2000.01
     */
    public static int monthOf(YearMonth month) {
        return Math.toIntExact((month.getYear() - 2000L) * 12 + month.getMonthValue() - 1);
    }

    /**
     * @param days days since 2000.01.01
     * @return the date
     */
    public static LocalDate localDateOfDate(int days) {
        return LocalDate.ofEpochDay(EPOCH_DAY_2000 + (long) days);
    }

    /**
     * @param date a date
     * @return days since 2000.01.01
     */
    public static int dateOf(LocalDate date) {
        return Math.toIntExact(date.toEpochDay() - EPOCH_DAY_2000);
    }

    /**
     * @param days fractional days since 2000.01.01
     * @return the instant, rounded to the millisecond as q does
     * @throws DateTimeException for an infinity or NaN, or a value beyond the range of {@code Instant}
     */
    public static Instant instantOfDatetime(double days) {
        double millis = days * MILLIS_PER_DAY;
        if (!(Math.abs(millis) < 9.0e18)) {
            throw new DateTimeException("datetime " + days + " (days since 2000.01.01) has no Instant"
                    + (Double.isInfinite(days) ? ": it is an infinity (check isInfinite())" : ""));
        }
        return Instant.ofEpochMilli(EPOCH_SECOND_2000 * 1000 + Math.round(millis));
    }

    /**
     * @param days fractional days since 2000.01.01
     * @return the UTC date-time, rounded to the millisecond
     */
    public static LocalDateTime localDateTimeOfDatetime(double days) {
        return LocalDateTime.ofInstant(instantOfDatetime(days), ZoneOffset.UTC);
    }

    /**
     * @param instant an instant (below milliseconds is dropped)
     * @return fractional days since 2000.01.01
     */
    public static double datetimeOf(Instant instant) {
        return (instant.toEpochMilli() - EPOCH_SECOND_2000 * 1000) / MILLIS_PER_DAY;
    }

    /**
     * @param time a time of day, whole minutes
     * @return minutes since midnight
     */
    public static int minuteOf(LocalTime time) {
        requireWhole(time, 60 * NANOS_PER_SECOND, "minute");
        return time.getHour() * 60 + time.getMinute();
    }

    /**
     * @param time a time of day, whole seconds
     * @return seconds since midnight
     */
    public static int secondOf(LocalTime time) {
        requireWhole(time, NANOS_PER_SECOND, "second");
        return time.toSecondOfDay();
    }

    /**
     * @param time a time of day, whole milliseconds
     * @return milliseconds since midnight
     */
    public static int timeOf(LocalTime time) {
        requireWhole(time, 1_000_000L, "time");
        return (int) (time.toNanoOfDay() / 1_000_000L);
    }

    /**
     * @param nanos nanoseconds since midnight
     * @param what the value, for the error message
     * @return the time of day
     * @throws DateTimeException when {@code nanos} is negative or not before 24:00
     */
    static LocalTime localTimeOfNanos(long nanos, Object what) {
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
            throw new DateTimeException(what + " is not a time of day (it is negative or past 24:00); use toDuration()");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static void requireWhole(LocalTime time, long unitNanos, String type) {
        if (time.toNanoOfDay() % unitNanos != 0) {
            throw new IllegalArgumentException(time + " has a finer precision than a q " + type);
        }
    }
}
