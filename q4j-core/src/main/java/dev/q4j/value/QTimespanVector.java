package dev.q4j.value;

import java.time.Duration;

/**
 * A timespan vector: nanoseconds; {@link #duration(int)} converts one.
 *
 * <pre>{@code
 * QTimespanVector.ofDurations(Duration.ofSeconds(1)).get(0);   // 1000000000
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QTimespanVector extends LongBackedVector {
    /** the empty vector */
    public static final QTimespanVector EMPTY = new QTimespanVector(new long[0], null, Attribute.NONE);

    QTimespanVector(long[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QTimespanVector of(long... values) {
        return new QTimespanVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QTimespanVector wrap(long[] values) {
        return new QTimespanVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QTimespanVector wrap(long[] values, Attribute attribute) {
        return Attributes.checked(new QTimespanVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nn}
     */
    public static QTimespanVector ofDurations(Duration... values) {
        return new QTimespanVector(rawItems(values, QTimespanVector::durationNanos), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Duration}, or {@code null} when it is {@code 0Nn}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public Duration duration(int index) {
        return isNull(index) ? null : QTemporal.durationOfTimespan(get(index));
    }

    private static long durationNanos(Duration d) {
        return d.toNanos();
    }

    @Override
    public QTimespan at(int index) {
        return QTimespan.of(get(index));
    }

    @Override
    public QType type() {
        return QType.TIMESPAN;
    }

    @Override
    public QTimespanVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QTimespanVector(values, view, attribute));
    }
}
