package dev.q4j.value;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A timestamp ({@code 2000.01.04D05:36:57.600000000}): nanoseconds since 2000.01.01, in UTC as kdb+ keeps it.
 *
 * <pre>{@code
 * QTimestamp t = QTimestamp.of(Instant.parse("2000-01-04T05:36:57.600Z"));   // nanos 279417600000000
 * Instant i = t.toInstant();
 * }</pre>
 *
 * @param nanos nanoseconds since 2000.01.01D00:00:00
 */
public record QTimestamp(long nanos) implements QAtom {
    /** {@code 0Np} */
    public static final QTimestamp NULL = new QTimestamp(Long.MIN_VALUE);
    /** {@code 0Wp} */
    public static final QTimestamp INFINITY = new QTimestamp(Long.MAX_VALUE);
    /** -{@code 0Wp} */
    public static final QTimestamp NEGATIVE_INFINITY = new QTimestamp(-Long.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param nanos nanoseconds since 2000.01.01D00:00:00
     */
    public static QTimestamp of(long nanos) {
        return new QTimestamp(nanos);
    }

    /**
     * {@return the timestamp}
     *
     * @param instant a point in time
     * @throws java.time.DateTimeException when the instant is outside the range of a q timestamp
     *     (1707-09-22T00:12:43.145224194Z to 2292-04-10T23:47:16.854775806Z), which the message names
     */
    public static QTimestamp of(Instant instant) {
        return new QTimestamp(QTemporal.timestampOf(instant));
    }

    /**
     * {@return the timestamp}
     *
     * @param dateTime a UTC date and time
     * @throws java.time.DateTimeException when it is outside the range of a q timestamp, which the message names
     */
    public static QTimestamp of(LocalDateTime dateTime) {
        return new QTimestamp(QTemporal.timestampOf(dateTime));
    }

    /**
     * {@return the instant, or {@code null} for {@code 0Np}}
     *
     * @throws java.time.DateTimeException for {@code 0Wp} and {@code -0Wp}, which no instant represents (as for
     *     every temporal type's infinities)
     */
    public Instant toInstant() {
        return isNull() ? null : QTemporal.finiteInstantOfTimestamp(nanos);
    }

    /**
     * {@return the UTC date and time, or {@code null} for {@code 0Np}}
     *
     * @throws java.time.DateTimeException for {@code 0Wp} and {@code -0Wp}
     */
    public LocalDateTime toLocalDateTime() {
        if (isInfinite()) {
            throw QTemporal.infinity(nanos > 0 ? "0Wp" : "-0Wp", "LocalDateTime");
        }
        return isNull() ? null : QTemporal.localDateTimeOfTimestamp(nanos);
    }

    @Override
    public QType type() {
        return QType.TIMESTAMP;
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
