package dev.q4j.value;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A time vector: milliseconds, kept exactly even when negative or past 24:00; {@link #duration(int)} converts one.
 *
 * <pre>{@code
 * QTimeVector.ofDurations(Duration.ofMillis(43499123)).get(0);   // 43499123
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QTimeVector extends IntBackedVector {
    /** the empty vector */
    public static final QTimeVector EMPTY = new QTimeVector(new int[0], null, Attribute.NONE);

    QTimeVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QTimeVector of(int... values) {
        return new QTimeVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QTimeVector wrap(int[] values) {
        return new QTimeVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QTimeVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QTimeVector(values, null, attribute));
    }

    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0Nt}
     */
    public static QTimeVector ofDurations(Duration... values) {
        return new QTimeVector(rawItems(values, QTimeVector::millisOf), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link Duration}, or {@code null} when it is {@code 0Nt}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public Duration duration(int index) {
        return isNull(index) ? null : QTemporal.durationOf(get(index), ChronoUnit.MILLIS, 't');
    }

    private static int millisOf(Duration d) {
        return Math.toIntExact(d.toMillis());
    }

    @Override
    public QTime at(int index) {
        return QTime.of(get(index));
    }

    @Override
    public QType type() {
        return QType.TIME;
    }

    @Override
    public QTimeVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QTimeVector(values, view, attribute));
    }
}
