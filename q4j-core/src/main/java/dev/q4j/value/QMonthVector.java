package dev.q4j.value;

import java.time.YearMonth;

/**
 * A month vector: months since 2000.01; {@link #yearMonth(int)} converts one.
 *
 * <pre>{@code
 * QMonthVector.ofYearMonths(YearMonth.of(2001, 1)).get(0);   // 12
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QMonthVector extends IntBackedVector {
    /** the empty vector */
    public static final QMonthVector EMPTY = new QMonthVector(new int[0], null, Attribute.NONE);

    QMonthVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QMonthVector of(int... values) {
        return new QMonthVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QMonthVector wrap(int[] values) {
        return new QMonthVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QMonthVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QMonthVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nm}
     */
    public static QMonthVector ofYearMonths(YearMonth... values) {
        return new QMonthVector(rawItems(values, QTemporal::monthOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link YearMonth}, or {@code null} when it is {@code 0Nm}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public YearMonth yearMonth(int index) {
        return isNull(index) ? null : QTemporal.finiteYearMonthOfMonth(get(index));
    }

    @Override
    public QMonth at(int index) {
        return QMonth.of(get(index));
    }

    @Override
    public QType type() {
        return QType.MONTH;
    }

    @Override
    public QMonthVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QMonthVector(values, view, attribute));
    }
}
