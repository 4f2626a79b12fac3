package dev.q4j.value;

import java.time.Instant;

/**
 * A timestamp vector: nanoseconds since 2000.01.01, kept as numbers; {@link #instant(int)} converts one.
 *
 * <pre>{@code
 * QTimestampVector.ofInstants(Instant.parse("2000-01-04T05:36:57.600Z")).get(0);   // 279417600000000
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QTimestampVector extends LongBackedVector {
    /** the empty vector */
    public static final QTimestampVector EMPTY = new QTimestampVector(new long[0], null, Attribute.NONE);

    QTimestampVector(long[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QTimestampVector of(long... values) {
        return new QTimestampVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QTimestampVector wrap(long[] values) {
        return new QTimestampVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QTimestampVector wrap(long[] values, Attribute attribute) {
        return Attributes.checked(new QTimestampVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Np}
     */
    public static QTimestampVector ofInstants(Instant... values) {
        return new QTimestampVector(rawItems(values, QTemporal::timestampOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Instant}, or {@code null} when it is {@code 0Np}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public Instant instant(int index) {
        return isNull(index) ? null : QTemporal.finiteInstantOfTimestamp(get(index));
    }

    @Override
    public QTimestamp at(int index) {
        return QTimestamp.of(get(index));
    }

    @Override
    public QType type() {
        return QType.TIMESTAMP;
    }

    @Override
    public QTimestampVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QTimestampVector(values, view, attribute));
    }
}
