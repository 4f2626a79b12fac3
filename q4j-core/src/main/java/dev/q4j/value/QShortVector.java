package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A short vector ({@code 1 2 3h}); {@code Short.MIN_VALUE} is null, {@code ±Short.MAX_VALUE} the infinities.
 *
 * <pre>{@code
 * QShortVector.of((short) 1, Short.MIN_VALUE).isNull(1);   // true
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QShortVector implements QVector {
    /** the empty vector */
    public static final QShortVector EMPTY = new QShortVector(new short[0], Attribute.NONE);

    private final short[] values;
    private final Attribute attribute;

    private QShortVector(short[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QShortVector of(short... values) {
        return new QShortVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QShortVector wrap(short[] values) {
        return new QShortVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QShortVector wrap(short[] values, Attribute attribute) {
        return Attributes.checked(new QShortVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public short get(int index) {
        return values[index];
    }

    @Override
    public QShort at(int index) {
        return QShort.of(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return values[index] == Short.MIN_VALUE;
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.SHORT;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QShortVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QShortVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public short[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public short[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QShortVector other && attribute == other.attribute && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + attribute.hashCode();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
