package dev.q4j.value;

import java.time.LocalDate;

/**
 * A date ({@code 2001.01.01}): days since 2000.01.01.
 *
 * <pre>{@code
 * QDate.of(LocalDate.of(2001, 1, 1)).days();   // 366
 * }</pre>
 *
 * @param days days since 2000.01.01
 */
public record QDate(int days) implements QAtom {
    /** {@code 0Nd} */
    public static final QDate NULL = new QDate(Integer.MIN_VALUE);
    /** {@code 0Wd} */
    public static final QDate INFINITY = new QDate(Integer.MAX_VALUE);
    /** -{@code 0Wd} */
    public static final QDate NEGATIVE_INFINITY = new QDate(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param days days since 2000.01.01
     */
    public static QDate of(int days) {
        return new QDate(days);
    }

    /**
     * {@return the q date}
     *
     * @param date a date
     * @throws java.time.DateTimeException when it is outside the range of a q date (about 5.9 million years either
     *     side of 2000), which the message names
     */
    public static QDate of(LocalDate date) {
        return new QDate(QTemporal.dateOf(date));
    }

    /**
     * {@return the date, or {@code null} for {@code 0Nd}}
     *
     * @throws java.time.DateTimeException for {@code 0Wd} and {@code -0Wd}, which no date represents
     */
    public LocalDate toLocalDate() {
        return isNull() ? null : QTemporal.finiteLocalDateOfDate(days);
    }

    @Override
    public QType type() {
        return QType.DATE;
    }

    @Override
    public boolean isNull() {
        return days == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return days == Integer.MAX_VALUE || days == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
