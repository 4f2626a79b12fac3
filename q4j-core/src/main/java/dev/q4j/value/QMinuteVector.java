package dev.q4j.value;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A minute vector: minutes, kept exactly even when negative or past 24:00; {@link #duration(int)} converts one.
 *
 * <pre>{@code
 * QMinuteVector.ofDurations(Duration.ofMinutes(721)).get(0);   // 721
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QMinuteVector extends IntBackedVector {
    /** the empty vector */
    public static final QMinuteVector EMPTY = new QMinuteVector(new int[0], null, Attribute.NONE);

    QMinuteVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QMinuteVector of(int... values) {
        return new QMinuteVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QMinuteVector wrap(int[] values) {
        return new QMinuteVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QMinuteVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QMinuteVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nu}
     */
    public static QMinuteVector ofDurations(Duration... values) {
        return new QMinuteVector(rawItems(values, QMinuteVector::minutesOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Duration}, or {@code null} when it is {@code 0Nu}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public Duration duration(int index) {
        return isNull(index) ? null : QTemporal.durationOf(get(index), ChronoUnit.MINUTES, 'u');
    }

    private static int minutesOf(Duration d) {
        return Math.toIntExact(d.toMinutes());
    }

    @Override
    public QMinute at(int index) {
        return QMinute.of(get(index));
    }

    @Override
    public QType type() {
        return QType.MINUTE;
    }

    @Override
    public QMinuteVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QMinuteVector(values, view, attribute));
    }
}
