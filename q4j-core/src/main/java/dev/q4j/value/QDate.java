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
     * @param days days since 2000.01.01
     * @return the atom
     */
    public static QDate of(int days) {
        return new QDate(days);
    }

    /**
     * @param date a date
     * @return the q date
     */
    public static QDate of(LocalDate date) {
        return new QDate(QTemporal.dateOf(date));
    }

    /** @return the date, or {@code null} for {@code 0Nd} */
    public LocalDate toLocalDate() {
        return isNull() ? null : QTemporal.localDateOfDate(days);
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
