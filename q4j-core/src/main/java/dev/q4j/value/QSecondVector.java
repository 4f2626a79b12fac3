package dev.q4j.value;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A second vector: seconds, kept exactly even when negative or past 24:00; {@link #duration(int)} converts one.
 *
 * <pre>{@code
 * QSecondVector.ofDurations(Duration.ofSeconds(43500)).get(0);   // 43500
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QSecondVector extends IntBackedVector {
    /** the empty vector */
    public static final QSecondVector EMPTY = new QSecondVector(new int[0], null, Attribute.NONE);

    QSecondVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QSecondVector of(int... values) {
        return new QSecondVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QSecondVector wrap(int[] values) {
        return new QSecondVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QSecondVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QSecondVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nv}
     */
    public static QSecondVector ofDurations(Duration... values) {
        return new QSecondVector(rawItems(values, QSecondVector::secondsOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Duration}, or {@code null} when it is {@code 0Nv}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public Duration duration(int index) {
        return isNull(index) ? null : QTemporal.durationOf(get(index), ChronoUnit.SECONDS, 'v');
    }

    private static int secondsOf(Duration d) {
        return Math.toIntExact(d.getSeconds());
    }

    @Override
    public QSecond at(int index) {
        return QSecond.of(get(index));
    }

    @Override
    public QType type() {
        return QType.SECOND;
    }

    @Override
    public QSecondVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QSecondVector(values, view, attribute));
    }
}
