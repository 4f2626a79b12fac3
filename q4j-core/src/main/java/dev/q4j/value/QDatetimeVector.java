package dev.q4j.value;

import java.time.Instant;

/**
 * A datetime vector: fractional days since 2000.01.01; {@link #instant(int)} converts one (to the millisecond).
 *
 * <pre>{@code
 * QDatetimeVector.ofInstants(Instant.parse("2000-01-04T05:36:57.600Z")).get(0);   // 3.234
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QDatetimeVector extends DoubleBackedVector {
    /** the empty vector */
    public static final QDatetimeVector EMPTY = new QDatetimeVector(new double[0], null, Attribute.NONE);

    QDatetimeVector(double[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QDatetimeVector of(double... values) {
        return new QDatetimeVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QDatetimeVector wrap(double[] values) {
        return new QDatetimeVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QDatetimeVector wrap(double[] values, Attribute attribute) {
        return Attributes.checked(new QDatetimeVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nz}
     */
    public static QDatetimeVector ofInstants(Instant... values) {
        return new QDatetimeVector(rawItems(values, QTemporal::datetimeOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Instant}, or {@code null} when it is {@code 0Nz}}
     *
     * @param index 0-based position
     */
    public Instant instant(int index) {
        return isNull(index) ? null : QTemporal.instantOfDatetime(get(index));
    }

    @Override
    public QDatetime at(int index) {
        return QDatetime.of(get(index));
    }

    @Override
    public QType type() {
        return QType.DATETIME;
    }

    @Override
    public QDatetimeVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QDatetimeVector(values, view, attribute));
    }
}
