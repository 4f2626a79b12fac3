package dev.q4j.value;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * A minute ({@code 12:01}): a number of minutes, kept exactly even when it is negative or past 24:00.
 *
 * <pre>{@code
 * QMinute.of(LocalTime.of(12, 1)).minutes();   // 721
 * }</pre>
 *
 * @param minutes minutes (may be negative or past 24:00)
 */
public record QMinute(int minutes) implements QAtom {
    /** {@code 0Nu} */
    public static final QMinute NULL = new QMinute(Integer.MIN_VALUE);
    /** {@code 0Wu} */
    public static final QMinute INFINITY = new QMinute(Integer.MAX_VALUE);
    /** -{@code 0Wu} */
    public static final QMinute NEGATIVE_INFINITY = new QMinute(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param minutes minutes (may be negative or past 24:00)
     */
    public static QMinute of(int minutes) {
        return new QMinute(minutes);
    }

    /**
     * {@return the minute}
     *
     * @param time a time of day (seconds and below must be zero)
     */
    public static QMinute of(LocalTime time) {
        return new QMinute(QTemporal.minuteOf(time));
    }

    /**
     * {@return the duration, or {@code null} for {@code 0Nu}}
     *
     * @throws java.time.DateTimeException for {@code 0Wu} and {@code -0Wu}, which no duration represents
     */
    public Duration toDuration() {
        return isNull() ? null : QTemporal.durationOf(minutes, ChronoUnit.MINUTES, 'u');
    }

    /**
     * {@return the time of day, or {@code null} for {@code 0Nu}}
     *
     * @throws java.time.DateTimeException when the value is an infinity, negative or not before 24:00
     */
    public LocalTime toLocalTime() {
        return isNull() ? null : QTemporal.localTimeOf(minutes, 60_000_000_000L, 'u', this);
    }

    @Override
    public QType type() {
        return QType.MINUTE;
    }

    @Override
    public boolean isNull() {
        return minutes == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return minutes == Integer.MAX_VALUE || minutes == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
