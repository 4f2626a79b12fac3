package dev.q4j.value;

import java.time.LocalDate;

/**
 * A date vector: days since 2000.01.01; {@link #localDate(int)} converts one.
 *
 * <pre>{@code
 * QDateVector.ofDates(LocalDate.of(2001, 1, 1)).get(0);   // 366
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QDateVector extends IntBackedVector {
    /** the empty vector */
    public static final QDateVector EMPTY = new QDateVector(new int[0], null, Attribute.NONE);

    QDateVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QDateVector of(int... values) {
        return new QDateVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QDateVector wrap(int[] values) {
        return new QDateVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QDateVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QDateVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nd}
     */
    public static QDateVector ofDates(LocalDate... values) {
        return new QDateVector(rawItems(values, QTemporal::dateOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link LocalDate}, or {@code null} when it is {@code 0Nd}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public LocalDate localDate(int index) {
        return isNull(index) ? null : QTemporal.finiteLocalDateOfDate(get(index));
    }

    @Override
    public QDate at(int index) {
        return QDate.of(get(index));
    }

    @Override
    public QType type() {
        return QType.DATE;
    }

    @Override
    public QDateVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QDateVector(values, view, attribute));
    }
}
