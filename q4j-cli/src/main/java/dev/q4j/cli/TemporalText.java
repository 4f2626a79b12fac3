package dev.q4j.cli;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Text of temporal values, two ways: as q writes them ({@code 2000.01.01D00:00:00.000000000}, {@code 2000.01m}
 * without its suffix) for the console, and as ISO-8601 ({@code 2000-01-01T00:00:00.000000000}) for JSON and CSV.
 * Callers handle nulls and infinities; every method takes the raw value of a non-null, finite item.
 */
final class TemporalText {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    private static final long MILLIS_PER_DAY = 86_400_000L;
    /** 2000.01.01 as a java.time epoch day */
    private static final long EPOCH_DAY_2000 = 10_957L;

    private TemporalText() {
    }

    // ------------------------------------------------------------------ q's way

    /** {@return {@code YYYY.MM.DD}} */
    static String qDate(long days) {
        return date(new StringBuilder(10), days, '.').toString();
    }

    /** {@return {@code YYYY.MM} (no {@code m})} */
    static String qMonth(int months) {
        return month(new StringBuilder(7), months, '.').toString();
    }

    /** {@return {@code YYYY.MM.DDDhh:mm:ss.nnnnnnnnn}} */
    static String qTimestamp(long nanos) {
        StringBuilder sb = new StringBuilder(29);
        date(sb, Math.floorDiv(nanos, NANOS_PER_DAY), '.').append('D');
        return clock(sb, Math.floorMod(nanos, NANOS_PER_DAY), 9).toString();
    }

    /** {@return {@code YYYY.MM.DDThh:mm:ss.mmm}, to the nearest millisecond} */
    static String qDatetime(double days) {
        return datetime(new StringBuilder(23), days, '.').toString();
    }

    /** {@return {@code [-]dDhh:mm:ss.nnnnnnnnn}} */
    static String qTimespan(long nanos) {
        StringBuilder sb = new StringBuilder(24);
        if (nanos < 0) {
            sb.append('-');
        }
        long n = Math.abs(nanos);
        sb.append(n / NANOS_PER_DAY).append('D');
        return clock(sb, n % NANOS_PER_DAY, 9).toString();
    }

    /** {@return {@code [-]hh:mm}, hours unwrapped} */
    static String minute(int minutes) {
        StringBuilder sb = new StringBuilder(6);
        long m = minutes;
        if (m < 0) {
            sb.append('-');
            m = -m;
        }
        pad(sb, m / 60, 2).append(':');
        return pad(sb, m % 60, 2).toString();
    }

    /** {@return {@code [-]hh:mm:ss}, hours unwrapped} */
    static String second(int seconds) {
        StringBuilder sb = new StringBuilder(9);
        long s = seconds;
        if (s < 0) {
            sb.append('-');
            s = -s;
        }
        return clock(sb, s * NANOS_PER_SECOND, 0).toString();
    }

    /** {@return {@code [-]hh:mm:ss.mmm}, hours unwrapped} */
    static String time(int millis) {
        StringBuilder sb = new StringBuilder(13);
        long ms = millis;
        if (ms < 0) {
            sb.append('-');
            ms = -ms;
        }
        return clock(sb, ms * 1_000_000L, 3).toString();
    }

    // ------------------------------------------------------------------ ISO-8601

    /** {@return {@code YYYY-MM-DD}} */
    static String isoDate(long days) {
        return date(new StringBuilder(10), days, '-').toString();
    }

    /** {@return {@code YYYY-MM}} */
    static String isoMonth(int months) {
        return month(new StringBuilder(7), months, '-').toString();
    }

    /** {@return {@code YYYY-MM-DDThh:mm:ss.nnnnnnnnn}: a local date-time, no zone (kdb+ keeps none)} */
    static String isoTimestamp(long nanos) {
        StringBuilder sb = new StringBuilder(29);
        date(sb, Math.floorDiv(nanos, NANOS_PER_DAY), '-').append('T');
        return clock(sb, Math.floorMod(nanos, NANOS_PER_DAY), 9).toString();
    }

    /** {@return {@code YYYY-MM-DDThh:mm:ss.mmm}, to the nearest millisecond} */
    static String isoDatetime(double days) {
        return datetime(new StringBuilder(23), days, '-').toString();
    }

    /** {@return an ISO-8601 duration, as {@link Duration#toString()} writes it: {@code PT1H2M3.5S}} */
    static String isoTimespan(long nanos) {
        return Duration.ofNanos(nanos).toString();
    }

    // ------------------------------------------------------------------ parts

    private static StringBuilder date(StringBuilder sb, long days, char separator) {
        LocalDate d = LocalDate.ofEpochDay(EPOCH_DAY_2000 + days);
        year(sb, d.getYear()).append(separator);
        pad(sb, d.getMonthValue(), 2).append(separator);
        return pad(sb, d.getDayOfMonth(), 2);
    }

    private static StringBuilder month(StringBuilder sb, int months, char separator) {
        year(sb, 2000L + Math.floorDiv(months, 12)).append(separator);
        return pad(sb, Math.floorMod(months, 12) + 1, 2);
    }

    private static StringBuilder datetime(StringBuilder sb, double days, char separator) {
        long millis = Math.round(days * MILLIS_PER_DAY);
        date(sb, Math.floorDiv(millis, MILLIS_PER_DAY), separator).append('T');
        return clock(sb, Math.floorMod(millis, MILLIS_PER_DAY) * 1_000_000L, 3);
    }

    private static StringBuilder year(StringBuilder sb, long year) {
        if (year < 0) {
            sb.append('-');
        }
        return pad(sb, Math.abs(year), 4);
    }

    /** hh:mm:ss and {@code fractionDigits} digits of the second (none when 0); hours unwrapped. */
    private static StringBuilder clock(StringBuilder sb, long nanos, int fractionDigits) {
        long seconds = nanos / NANOS_PER_SECOND;
        pad(sb, seconds / 3600, 2).append(':');
        pad(sb, seconds / 60 % 60, 2).append(':');
        pad(sb, seconds % 60, 2);
        if (fractionDigits > 0) {
            long frac = nanos % NANOS_PER_SECOND;
            for (int i = fractionDigits; i < 9; i++) {
                frac /= 10;
            }
            sb.append('.');
            pad(sb, frac, fractionDigits);
        }
        return sb;
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
