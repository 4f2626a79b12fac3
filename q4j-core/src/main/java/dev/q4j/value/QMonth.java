package dev.q4j.value;

import java.time.YearMonth;

/**
 * A month ({@code 2001.01m}): months since January 2000.
 *
 * <pre>{@code
 * QMonth.of(YearMonth.of(2001, 1)).months();   // 12
 * }</pre>
 *
 * @param months months since 2000.01m
 */
public record QMonth(int months) implements QAtom {
    /** {@code 0Nm} */
    public static final QMonth NULL = new QMonth(Integer.MIN_VALUE);
    /** {@code 0Wm} */
    public static final QMonth INFINITY = new QMonth(Integer.MAX_VALUE);
    /** -{@code 0Wm} */
    public static final QMonth NEGATIVE_INFINITY = new QMonth(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param months months since 2000.01m
     */
    public static QMonth of(int months) {
        return new QMonth(months);
    }

    /**
     * {@return the month}
     *
     * @param month a year and month
     * @throws java.time.DateTimeException when it is outside the range of a q month, which the message names
     */
    public static QMonth of(YearMonth month) {
        return new QMonth(QTemporal.monthOf(month));
    }

    /**
     * {@return the year and month, or {@code null} for {@code 0Nm}}
     *
     * @throws java.time.DateTimeException for {@code 0Wm} and {@code -0Wm}, which no year and month represents
     */
    public YearMonth toYearMonth() {
        return isNull() ? null : QTemporal.finiteYearMonthOfMonth(months);
    }

    @Override
    public QType type() {
        return QType.MONTH;
    }

    @Override
    public boolean isNull() {
        return months == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return months == Integer.MAX_VALUE || months == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
