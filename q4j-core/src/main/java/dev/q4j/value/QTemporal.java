package dev.q4j.value;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
    /** the range of q's finite timestamps, dates and months (beyond them lie the infinities and the null) */
    private static final String TIMESTAMP_RANGE = "q timestamps run from " + instantOf(-Long.MAX_VALUE + 1) + " to "
            + instantOf(Long.MAX_VALUE - 1);
    private static final String DATE_RANGE = "q dates run from " + dateOfDays(-Integer.MAX_VALUE + 1) + " to "
            + dateOfDays(Integer.MAX_VALUE - 1);
    private static final String MONTH_RANGE = "q months run from " + monthOfMonths(-Integer.MAX_VALUE + 1) + " to "
            + monthOfMonths(Integer.MAX_VALUE - 1);

    private QTemporal() {
    }

    /**
     * The raw conversion: {@code 0Wp} and {@code -0Wp} give the instants their counts would be,
     * 2292-04-10T23:47:16.854775807Z
     * and 1707-09-22T00:12:43.145224193Z, which {@link QTimestamp#toInstant} and {@link QTimestampVector#instant}
     * refuse.
     *
     * @param nanos nanoseconds since 2000.01.01
     * @return the instant
     */
    public static Instant instantOfTimestamp(long nanos) {
        return instantOf(nanos);
    }

    /** {@link #instantOfTimestamp}, refusing the infinities (a DateTimeException) as the atoms and vectors do */
    static Instant finiteInstantOfTimestamp(long nanos) {
        if (nanos == Long.MAX_VALUE || nanos == -Long.MAX_VALUE) {
            throw infinity(nanos > 0 ? "0Wp" : "-0Wp", "Instant");
        }
        return instantOf(nanos);
    }

    private static Instant instantOf(long nanos) {
        return Instant.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(nanos, NANOS_PER_SECOND),
                Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /**
     * The raw conversion: the infinities give the date-times their counts would be (see {@link #instantOfTimestamp}).
     *
     * @param nanos nanoseconds since 2000.01.01
     * @return the UTC date-time
     */
    public static LocalDateTime localDateTimeOfTimestamp(long nanos) {
        return LocalDateTime.ofEpochSecond(EPOCH_SECOND_2000 + Math.floorDiv(nanos, NANOS_PER_SECOND),
                (int) Math.floorMod(nanos, NANOS_PER_SECOND), ZoneOffset.UTC);
    }

    /**
     * {@return nanoseconds since 2000.01.01}
     *
     * @param instant an instant
     * @throws DateTimeException when the instant is beyond the range of a q timestamp (1707-09-22T00:12:43.145224194Z
     *     to 2292-04-10T23:47:16.854775806Z), which the message names
     */
    public static long timestampOf(Instant instant) {
        long seconds = instant.getEpochSecond() - EPOCH_SECOND_2000;   // cannot overflow: Instant's seconds are small
        int nanos = instant.getNano();
        long t;
        try {
            if (seconds < 0 && nanos > 0) {
                // near the lower bound seconds * 1e9 alone would overflow though the sum fits
                t = Math.addExact(Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
            } else {
                t = Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
            }
        } catch (ArithmeticException e) {
            t = Long.MIN_VALUE;
        }
        if (t == Long.MIN_VALUE || t == Long.MAX_VALUE || t == -Long.MAX_VALUE) {
            throw new DateTimeException(instant + " is beyond the range of a q timestamp: " + TIMESTAMP_RANGE);
        }
        return t;
    }

    /**
     * {@return nanoseconds since 2000.01.01}
     *
     * @param dateTime a UTC date-time
     * @throws DateTimeException when it is beyond the range of a q timestamp, which the message names
     */
    public static long timestampOf(LocalDateTime dateTime) {
        return timestampOf(dateTime.toInstant(ZoneOffset.UTC));
    }

    /**
     * The raw conversion: the infinities give the months their counts would be, which {@link QMonth#toYearMonth} and
     * {@link QMonthVector#yearMonth} refuse.
     *
     * @param months months since 2000.01
     * @return the year and month
     */
    public static YearMonth yearMonthOfMonth(int months) {
        return monthOfMonths(months);
    }

    /** {@link #yearMonthOfMonth}, refusing the infinities (a DateTimeException) as the atoms and vectors do */
    static YearMonth finiteYearMonthOfMonth(int months) {
        if (months == Integer.MAX_VALUE || months == -Integer.MAX_VALUE) {
            throw infinity(months > 0 ? "0Wm" : "-0Wm", "YearMonth");
        }
        return monthOfMonths(months);
    }

    private static YearMonth monthOfMonths(int months) {
        return YearMonth.of(2000 + Math.floorDiv(months, 12), 1 + Math.floorMod(months, 12));
    }

    /**
     * {@return months since 2000.01}
     *
     * @param month a year and month
     * @throws DateTimeException when it is beyond the range of a q month, which the message names
     */
    public static int monthOf(YearMonth month) {
        long m = (month.getYear() - 2000L) * 12 + month.getMonthValue() - 1;
        if (m <= -Integer.MAX_VALUE || m >= Integer.MAX_VALUE) {
            throw new DateTimeException(month + " is beyond the range of a q month: " + MONTH_RANGE);
        }
        return (int) m;
    }

    /**
     * The raw conversion: the infinities give the dates their counts would be, which {@link QDate#toLocalDate} and
     * {@link QDateVector#localDate} refuse.
     *
     * @param days days since 2000.01.01
     * @return the date
     */
    public static LocalDate localDateOfDate(int days) {
        return dateOfDays(days);
    }

    /** {@link #localDateOfDate}, refusing the infinities (a DateTimeException) as the atoms and vectors do */
    static LocalDate finiteLocalDateOfDate(int days) {
        if (days == Integer.MAX_VALUE || days == -Integer.MAX_VALUE) {
            throw infinity(days > 0 ? "0Wd" : "-0Wd", "LocalDate");
        }
        return dateOfDays(days);
    }

    private static LocalDate dateOfDays(int days) {
        return LocalDate.ofEpochDay(EPOCH_DAY_2000 + (long) days);
    }

    /**
     * {@return days since 2000.01.01}
     *
     * @param date a date
     * @throws DateTimeException when it is beyond the range of a q date, which the message names
     */
    public static int dateOf(LocalDate date) {
        long d = date.toEpochDay() - EPOCH_DAY_2000;
        if (d <= -Integer.MAX_VALUE || d >= Integer.MAX_VALUE) {
            throw new DateTimeException(date + " is beyond the range of a q date: " + DATE_RANGE);
        }
        return (int) d;
    }

    /**
     * {@return the exception for asking an infinity for a java.time value}
     *
     * @param literal how q prints the infinity
     * @param javaType the type it was to become
     */
    static DateTimeException infinity(String literal, String javaType) {
        return new DateTimeException(literal + " is an infinity, which no " + javaType
                + " represents (check isInfinite() first)");
    }

    /**
     * {@return the duration}
     *
     * @param amount an int-based time span (minutes, seconds or milliseconds), not null
     * @param unit its unit
     * @param type the q type's letter in its infinity's literal: {@code u}, {@code v} or {@code t}
     * @throws DateTimeException for an infinity
     */
    static Duration durationOf(int amount, ChronoUnit unit, char type) {
        if (amount == Integer.MAX_VALUE || amount == -Integer.MAX_VALUE) {
            throw infinity((amount > 0 ? "0W" : "-0W") + type, "Duration");
        }
        return Duration.of(amount, unit);
    }

    /**
     * {@return the duration}
     *
     * @param nanos a timespan, not null
     * @throws DateTimeException for {@code 0Wn} and {@code -0Wn}
     */
    static Duration durationOfTimespan(long nanos) {
        if (nanos == Long.MAX_VALUE || nanos == -Long.MAX_VALUE) {
            throw infinity(nanos > 0 ? "0Wn" : "-0Wn", "Duration");
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * {@return the time of day}
     *
     * @param amount an int-based time (minutes, seconds or milliseconds since midnight), not null
     * @param unitNanos nanoseconds per unit
     * @param type the q type's letter in its infinity's literal: {@code u}, {@code v} or {@code t}
     * @param what the value, for the error message
     * @throws DateTimeException for an infinity, or a value that is negative or not before 24:00
     */
    static LocalTime localTimeOf(int amount, long unitNanos, char type, Object what) {
        if (amount == Integer.MAX_VALUE || amount == -Integer.MAX_VALUE) {
            throw infinity((amount > 0 ? "0W" : "-0W") + type, "LocalTime");
        }
        return localTimeOfNanos(amount * unitNanos, what);
    }

    /**
     * {@return the instant, rounded to the millisecond as q does}
     *
     * @param days fractional days since 2000.01.01
     * @throws DateTimeException for an infinity or NaN, or a value beyond the range of {@code Instant}
     */
    public static Instant instantOfDatetime(double days) {
        if (Double.isInfinite(days)) {
            throw infinity(days > 0 ? "0wz" : "-0wz", "Instant");
        }
        double millis = days * MILLIS_PER_DAY;
        if (!(Math.abs(millis) < 9.0e18)) {
            throw new DateTimeException("datetime " + days + " (days since 2000.01.01) has no Instant"
                    + (Double.isInfinite(days) ? ": it is an infinity (check isInfinite())" : ""));
        }
        return Instant.ofEpochMilli(EPOCH_SECOND_2000 * 1000 + Math.round(millis));
    }

    /**
     * {@return the UTC date-time, rounded to the millisecond}
     *
     * @param days fractional days since 2000.01.01
     */
    public static LocalDateTime localDateTimeOfDatetime(double days) {
        return LocalDateTime.ofInstant(instantOfDatetime(days), ZoneOffset.UTC);
    }

    /**
     * {@return fractional days since 2000.01.01}
     *
     * @param instant an instant (below milliseconds is dropped)
     */
    public static double datetimeOf(Instant instant) {
        return (instant.toEpochMilli() - EPOCH_SECOND_2000 * 1000) / MILLIS_PER_DAY;
    }

    /**
     * {@return minutes since midnight}
     *
     * @param time a time of day, whole minutes
     */
    public static int minuteOf(LocalTime time) {
        requireWhole(time, 60 * NANOS_PER_SECOND, "minute");
        return time.getHour() * 60 + time.getMinute();
    }

    /**
     * {@return seconds since midnight}
     *
     * @param time a time of day, whole seconds
     */
    public static int secondOf(LocalTime time) {
        requireWhole(time, NANOS_PER_SECOND, "second");
        return time.toSecondOfDay();
    }

    /**
     * {@return milliseconds since midnight}
     *
     * @param time a time of day, whole milliseconds
     */
    public static int timeOf(LocalTime time) {
        requireWhole(time, 1_000_000L, "time");
        return (int) (time.toNanoOfDay() / 1_000_000L);
    }

    /**
     * {@return the time of day}
     *
     * @param nanos nanoseconds since midnight
     * @param what the value, for the error message
     * @throws DateTimeException when {@code nanos} is negative or not before 24:00
     */
    static LocalTime localTimeOfNanos(long nanos, Object what) {
        if (nanos < 0 || nanos >= NANOS_PER_DAY) {
            throw new DateTimeException(
                    what + " is not a time of day (it is negative or past 24:00); use toDuration()");
        }
        return LocalTime.ofNanoOfDay(nanos);
    }

    private static void requireWhole(LocalTime time, long unitNanos, String type) {
        if (time.toNanoOfDay() % unitNanos != 0) {
            throw new IllegalArgumentException(time + " has a finer precision than a q " + type);
        }
    }
}
