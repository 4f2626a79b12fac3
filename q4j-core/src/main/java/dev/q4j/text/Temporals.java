package dev.q4j.text;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Text of q's temporal literals, both ways: {@code 2001.01.01}, {@code 2001.01m}, {@code
 * 2000.01.04D05:36:57.600000000},
 * {@code 2000.01.04T05:36:57.600}, {@code 0D05:36:57.600000000}, {@code 12:01}, {@code 12:05:00}, {@code 12:04:59.123}.
 * Times of day that are negative or past 24:00 print with a leading sign and unwrapped hours ({@code -23:12:34.567},
 * {@code 43:12:34.567}). Formatting returns {@code null} when q's text cannot hold the value (years outside
 * 0001..9999, or a datetime whose text would not read back to the same double).
 */
final class Temporals {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    static final long MILLIS_PER_DAY = 86_400_000L;
    /** 2000.01.01 as a java.time epoch day */
    static final long EPOCH_DAY_2000 = 10_957L;
    private static final long MIN_DAY = LocalDate.of(1, 1, 1).toEpochDay() - EPOCH_DAY_2000;
    private static final long MAX_DAY = LocalDate.of(9999, 12, 31).toEpochDay() - EPOCH_DAY_2000;
    /** the datetimes whose milliseconds fit a long, by their days */
    private static final double MAX_DATETIME_DAYS = Long.MAX_VALUE / (double) MILLIS_PER_DAY;

    private Temporals() {
    }

    // ------------------------------------------------------------------ formatting

    /** {@return {@code YYYY.MM.DD} or null when the year is outside 1..9999} */
    static String date(long days) {
        return days < MIN_DAY || days > MAX_DAY ? null : displayDate(days);
    }

    /** {@code YYYY.MM.DD} for any year: one below 1 gets a sign, one past 9999 more digits. */
    private static void appendDate(StringBuilder sb, long days) {
        LocalDate d = LocalDate.ofEpochDay(EPOCH_DAY_2000 + days);
        appendYear(sb, d.getYear()).append('.');
        pad(sb, d.getMonthValue(), 2).append('.');
        pad(sb, d.getDayOfMonth(), 2);
    }

    private static StringBuilder appendYear(StringBuilder sb, long year) {
        return pad(sb, sign(sb, year), 4);
    }

    /** {@return {@code YYYY.MM} (without the m) or null when the year is outside 1..9999} */
    static String month(int months) {
        long year = 2000L + Math.floorDiv(months, 12);
        return year < 1 || year > 9999 ? null : displayMonth(months);
    }

    /**
     * {@return {@code YYYY.MM.DD} as the console shows it whatever the year ({@code -0001.01.01}, {@code 12000.01.01}),
     * text that reads back only for years 1..9999}
     *
     * @param days days since 2000.01.01
     */
    static String displayDate(long days) {
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, days);
        return sb.toString();
    }

    /**
     * {@return {@code YYYY.MM} (without the m) as the console shows it whatever the year}
     *
     * @param months months since 2000.01
     */
    static String displayMonth(int months) {
        StringBuilder sb = new StringBuilder(7);
        appendYear(sb, 2000L + Math.floorDiv(months, 12)).append('.');
        pad(sb, Math.floorMod(months, 12) + 1, 2);
        return sb.toString();
    }

    /**
     * {@return {@code YYYY.MM.DDThh:mm:ss.mmm} to the nearest millisecond, as the console shows it whatever the year,
     * without {@link #datetime(double)}'s check that it reads back; null when its milliseconds do not fit a long
     * (beyond about 1.07e11 days either way), where rounding would clamp it to one wrong date}
     *
     * @param days a finite datetime value
     */
    static String displayDatetime(double days) {
        if (!(Math.abs(days) < MAX_DATETIME_DAYS)) {
            return null;
        }
        long millis = Math.round(days * MILLIS_PER_DAY);
        StringBuilder sb = new StringBuilder(23);
        appendDate(sb, Math.floorDiv(millis, MILLIS_PER_DAY));
        sb.append('T');
        appendClock(sb, Math.floorMod(millis, MILLIS_PER_DAY) * 1_000_000L, 3);
        return sb.toString();
    }

    /** {@return {@code YYYY.MM.DDDhh:mm:ss.nnnnnnnnn}; every non-null long fits in years 1707..2292} */
    static String timestamp(long nanos) {
        long days = Math.floorDiv(nanos, NANOS_PER_DAY);
        long rem = Math.floorMod(nanos, NANOS_PER_DAY);
        StringBuilder sb = new StringBuilder(29);
        appendDate(sb, days);
        sb.append('D');
        appendClock(sb, rem, 9);
        return sb.toString();
    }

    /** {@return {@code [-]dDhh:mm:ss.nnnnnnnnn} for any long except Long.MIN_VALUE} */
    static String timespan(long nanos) {
        StringBuilder sb = new StringBuilder(24);
        long n = sign(sb, nanos);
        sb.append(n / NANOS_PER_DAY).append('D');
        appendClock(sb, n % NANOS_PER_DAY, 9);
        return sb.toString();
    }

    /** {@return {@code [-]hh:mm} with unwrapped hours} */
    static String minute(int minutes) {
        StringBuilder sb = new StringBuilder(6);
        long m = sign(sb, minutes);
        pad(sb, m / 60, 2).append(':');
        return pad(sb, m % 60, 2).toString();
    }

    /** {@return {@code [-]hh:mm:ss} with unwrapped hours} */
    static String second(int seconds) {
        StringBuilder sb = new StringBuilder(9);
        appendClock(sb, sign(sb, seconds) * NANOS_PER_SECOND, 0);
        return sb.toString();
    }

    /** {@return {@code [-]hh:mm:ss.mmm} with unwrapped hours} */
    static String time(int millis) {
        StringBuilder sb = new StringBuilder(13);
        appendClock(sb, sign(sb, millis) * 1_000_000L, 3);
        return sb.toString();
    }

    /** Appends a minus sign for a negative {@code v}; returns its magnitude (not for Long.MIN_VALUE). */
    private static long sign(StringBuilder sb, long v) {
        if (v < 0) {
            sb.append('-');
            return -v;
        }
        return v;
    }

    /**
     * {@return {@code YYYY.MM.DDThh:mm:ss.mmm} when that text reads back to exactly {@code days}, else null}
     *
     * @param days a finite datetime value
     */
    static String datetime(double days) {
        if (!(days >= MIN_DAY - 1 && days <= MAX_DAY + 1)) {
            return null;
        }
        long millis = Math.round(days * MILLIS_PER_DAY);
        if (Double.doubleToRawLongBits(datetimeOfMillis(millis)) != Double.doubleToRawLongBits(days)) {
            return null;
        }
        long day = Math.floorDiv(millis, MILLIS_PER_DAY);
        return day < MIN_DAY || day > MAX_DAY ? null : displayDatetime(days);
    }

    /** How q turns datetime text into its double: milliseconds since 2000.01.01 divided by 8.64e7. */
    static double datetimeOfMillis(long millis) {
        return millis / 8.64e7;
    }

    /** hh:mm:ss followed by {@code fractionDigits} digits of the second (none when 0); hours unwrapped. */
    private static void appendClock(StringBuilder sb, long nanos, int fractionDigits) {
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
    }

    private static StringBuilder pad(StringBuilder sb, long value, int width) {
        String s = Long.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    // ------------------------------------------------------------------ parsing (text already matched by the lexer)

    /**
     * {@return days since 2000.01.01}
     *
     * @param text {@code YYYY.MM.DD}
     * @throws IllegalArgumentException when it is not a real date
     */
    static long parseDate(String text) {
        int y = Integer.parseInt(text.substring(0, 4));
        int m = Integer.parseInt(text.substring(5, 7));
        int d = Integer.parseInt(text.substring(8, 10));
        try {
            return LocalDate.of(y, m, d).toEpochDay() - EPOCH_DAY_2000;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("no such date " + text);
        }
    }

    /**
     * {@return months since 2000.01}
     *
     * @param text {@code YYYY.MM}
     */
    static int parseMonth(String text) {
        int dot = text.indexOf('.');
        if (dot != 4 || text.length() != 7) {
            throw new IllegalArgumentException("a month is written YYYY.MM, not " + text);
        }
        int y = Integer.parseInt(text.substring(0, 4));
        int m = Integer.parseInt(text.substring(5, 7));
        if (m < 1 || m > 12) {
            throw new IllegalArgumentException("no such month " + text);
        }
        return (y - 2000) * 12 + m - 1;
    }

    /**
     * Parses a clock {@code h+:mm[:ss[.f*]]} into nanoseconds.
     *
     * @param text the clock text, without sign
     * @param maxFraction the most fraction digits allowed
     * @param withinDay true when the value must be below 24:00 (a time of day inside a timestamp)
     * @return nanoseconds
     */
    static long parseClock(String text, int maxFraction, boolean withinDay) {
        return parseClock(text, maxFraction, withinDay, 1L);
    }

    /**
     * Parses a clock {@code h+:mm[:ss[.f*]]} into a count of {@code unit} nanoseconds (1 for timespans, 1e6 for
     * times, 1e9 for seconds, 6e10 for minutes), without overflowing for long hour counts. Minutes and seconds must
     * be below 60; hours are unbounded unless {@code withinDay}.
     *
     * @param text the clock text, without sign
     * @param maxFraction the most fraction digits allowed
     * @param withinDay true when the value must be below 24:00 (a time of day inside a timestamp)
     * @param unit nanoseconds per unit of the result
     * @return the clock in units
     */
    static long parseClock(String text, int maxFraction, boolean withinDay, long unit) {
        int c1 = text.indexOf(':');
        long hours = Long.parseLong(text.substring(0, c1));
        int minutes = Integer.parseInt(text.substring(c1 + 1, c1 + 3));
        int seconds = 0;
        long frac = 0;
        int p = c1 + 3;
        if (p < text.length()) {
            seconds = Integer.parseInt(text.substring(p + 1, p + 3));
            p += 3;
            if (p < text.length()) {
                String f = text.substring(p + 1);
                if (f.length() > maxFraction) {
                    throw new IllegalArgumentException("too many fraction digits in " + text);
                }
                StringBuilder nine = new StringBuilder(f);
                while (nine.length() < 9) {
                    nine.append('0');
                }
                frac = Long.parseLong(nine.toString());
            }
        }
        if (minutes >= 60 || seconds >= 60) {
            throw new IllegalArgumentException("minutes and seconds must be below 60 in " + text);
        }
        if (withinDay && hours >= 24) {
            throw new IllegalArgumentException("a time of day must be below 24:00 in " + text);
        }
        long total = Math.addExact(Math.multiplyExact(hours, 3600L), minutes * 60L + seconds);
        if (unit >= NANOS_PER_SECOND) {
            return total / (unit / NANOS_PER_SECOND);
        }
        return Math.addExact(Math.multiplyExact(total, NANOS_PER_SECOND / unit), frac / unit);
    }
}
