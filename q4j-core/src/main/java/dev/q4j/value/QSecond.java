package dev.q4j.value;

import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * A second ({@code 12:05:00}): a number of seconds, kept exactly even when it is negative or past 24:00:00.
 *
 * <pre>{@code
 * QSecond.of(LocalTime.of(12, 5)).seconds();   // 43500
 * }</pre>
 *
 * @param seconds seconds (may be negative or past 24:00:00)
 */
public record QSecond(int seconds) implements QAtom {
    /** {@code 0Nv} */
    public static final QSecond NULL = new QSecond(Integer.MIN_VALUE);
    /** {@code 0Wv} */
    public static final QSecond INFINITY = new QSecond(Integer.MAX_VALUE);
    /** -{@code 0Wv} */
    public static final QSecond NEGATIVE_INFINITY = new QSecond(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param seconds seconds (may be negative or past 24:00:00)
     */
    public static QSecond of(int seconds) {
        return new QSecond(seconds);
    }

    /**
     * {@return the second}
     *
     * @param time a time of day (nanoseconds must be zero)
     */
    public static QSecond of(LocalTime time) {
        return new QSecond(QTemporal.secondOf(time));
    }

    /**
     * {@return the duration, or {@code null} for {@code 0Nv}}
     *
     * @throws java.time.DateTimeException for {@code 0Wv} and {@code -0Wv}, which no duration represents
     */
    public Duration toDuration() {
        return isNull() ? null : QTemporal.durationOf(seconds, ChronoUnit.SECONDS, 'v');
    }

    /**
     * {@return the time of day, or {@code null} for {@code 0Nv}}
     *
     * @throws java.time.DateTimeException when the value is an infinity, negative or not before 24:00:00
     */
    public LocalTime toLocalTime() {
        return isNull() ? null : QTemporal.localTimeOf(seconds, 1_000_000_000L, 'v', this);
    }

    @Override
    public QType type() {
        return QType.SECOND;
    }

    @Override
    public boolean isNull() {
        return seconds == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return seconds == Integer.MAX_VALUE || seconds == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
