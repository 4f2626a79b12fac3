package dev.q4j.value;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * A datetime ({@code 2000.01.04T05:36:57.600}): fractional days since 2000.01.01. Deprecated in q, still sent by
 * old schemas. Compared bit for bit.
 *
 * <pre>{@code
 * QDatetime.of(Instant.parse("2000-01-04T05:36:57.600Z")).days();   // 3.234
 * }</pre>
 *
 * @param days fractional days since 2000.01.01
 */
public record QDatetime(double days) implements QAtom {
    /** {@code 0Nz} */
    public static final QDatetime NULL = new QDatetime(Double.NaN);
    /** {@code 0Wz} */
    public static final QDatetime INFINITY = new QDatetime(Double.POSITIVE_INFINITY);
    /** -{@code 0Wz} */
    public static final QDatetime NEGATIVE_INFINITY = new QDatetime(Double.NEGATIVE_INFINITY);

    /**
     * {@return the atom}
     *
     * @param days fractional days since 2000.01.01
     */
    public static QDatetime of(double days) {
        return new QDatetime(days);
    }

    /**
     * {@return the datetime}
     *
     * @param instant a point in time (kept to the millisecond, as q does)
     */
    public static QDatetime of(Instant instant) {
        return new QDatetime(QTemporal.datetimeOf(instant));
    }

    /**
     * {@return the instant rounded to the millisecond, as q displays it, or {@code null} for {@code 0Nz}}
     *
     * @throws java.time.DateTimeException for {@code 0Wz} and {@code -0Wz}, and values beyond {@code Instant}
     */
    public Instant toInstant() {
        return isNull() ? null : QTemporal.instantOfDatetime(days);
    }

    /**
     * {@return the UTC date and time rounded to the millisecond, or {@code null} for {@code 0Nz}}
     *
     * @throws java.time.DateTimeException for {@code 0Wz} and {@code -0Wz}, and values beyond {@code Instant}
     */
    public LocalDateTime toLocalDateTime() {
        return isNull() ? null : QTemporal.localDateTimeOfDatetime(days);
    }

    @Override
    public QType type() {
        return QType.DATETIME;
    }

    @Override
    public boolean isNull() {
        return Double.isNaN(days);
    }

    @Override
    public boolean isInfinite() {
        return Double.isInfinite(days);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QDatetime other
                && Double.doubleToRawLongBits(days) == Double.doubleToRawLongBits(other.days);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(days);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
