package dev.q4j.value;

import java.time.Duration;

/**
 * A timespan ({@code 0D05:36:57.600000000}): a signed number of nanoseconds.
 *
 * <pre>{@code
 * QTimespan.of(Duration.ofHours(5)).nanos();   // 18000000000000
 * }</pre>
 *
 * @param nanos nanoseconds
 */
public record QTimespan(long nanos) implements QAtom {
    /** {@code 0Nn} */
    public static final QTimespan NULL = new QTimespan(Long.MIN_VALUE);
    /** {@code 0Wn} */
    public static final QTimespan INFINITY = new QTimespan(Long.MAX_VALUE);
    /** -{@code 0Wn} */
    public static final QTimespan NEGATIVE_INFINITY = new QTimespan(-Long.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param nanos nanoseconds
     */
    public static QTimespan of(long nanos) {
        return new QTimespan(nanos);
    }

    /**
     * {@return the timespan}
     *
     * @param duration a duration
     * @throws ArithmeticException when it does not fit in 64-bit nanoseconds
     */
    public static QTimespan of(Duration duration) {
        return new QTimespan(duration.toNanos());
    }

    /**
     * {@return the duration, or {@code null} for {@code 0Nn}}
     *
     * @throws java.time.DateTimeException for {@code 0Wn} and {@code -0Wn}, which no duration represents
     */
    public Duration toDuration() {
        return isNull() ? null : QTemporal.durationOfTimespan(nanos);
    }

    @Override
    public QType type() {
        return QType.TIMESPAN;
    }

    @Override
    public boolean isNull() {
        return nanos == Long.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return nanos == Long.MAX_VALUE || nanos == -Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
