package dev.q4j.value;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * A time ({@code 12:04:59.123}): a number of milliseconds, kept exactly even when it is negative or past 24:00
 * (kdb+ sends such values; they are not wrapped).
 *
 * <pre>{@code
 * QTime.of(LocalTime.parse("12:04:59.123")).millis();   // 43499123
 * QTime.of(155554567).toDuration();   // PT43H12M34.567S, not wrapped
 * }</pre>
 *
 * @param millis milliseconds (may be negative or past 24:00:00.000)
 */
public record QTime(int millis) implements QAtom {
    /** {@code 0Nt} */
    public static final QTime NULL = new QTime(Integer.MIN_VALUE);
    /** {@code 0Wt} */
    public static final QTime INFINITY = new QTime(Integer.MAX_VALUE);
    /** -{@code 0Wt} */
    public static final QTime NEGATIVE_INFINITY = new QTime(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param millis milliseconds (may be negative or past 24:00:00.000)
     */
    public static QTime of(int millis) {
        return new QTime(millis);
    }

    /**
     * {@return the time}
     *
     * @param time a time of day (below milliseconds must be zero)
     */
    public static QTime of(LocalTime time) {
        return new QTime(QTemporal.timeOf(time));
    }

    /**
     * {@return the duration, or {@code null} for {@code 0Nt}}
     *
     * @throws java.time.DateTimeException for {@code 0Wt} and {@code -0Wt}, which no duration represents
     */
    public Duration toDuration() {
        return isNull() ? null : QTemporal.durationOf(millis, ChronoUnit.MILLIS, 't');
    }

    /**
     * {@return the time of day, or {@code null} for {@code 0Nt}}
     *
     * @throws java.time.DateTimeException when the value is an infinity, negative or not before 24:00
     */
    public LocalTime toLocalTime() {
        return isNull() ? null : QTemporal.localTimeOf(millis, 1_000_000L, 't', this);
    }

    @Override
    public QType type() {
        return QType.TIME;
    }

    @Override
    public boolean isNull() {
        return millis == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return millis == Integer.MAX_VALUE || millis == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
