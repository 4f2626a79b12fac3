package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A boolean vector ({@code 101b}).
 *
 * <pre>{@code
 * QBooleanVector.of(true, false, true).get(1);   // false
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QBooleanVector implements QVector {
    /** the empty vector */
    public static final QBooleanVector EMPTY = new QBooleanVector(new boolean[0], Attribute.NONE);

    private final boolean[] values;
    private final Attribute attribute;

    private QBooleanVector(boolean[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QBooleanVector of(boolean... values) {
        return new QBooleanVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QBooleanVector wrap(boolean[] values) {
        return new QBooleanVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QBooleanVector wrap(boolean[] values, Attribute attribute) {
        return Attributes.checked(new QBooleanVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public boolean get(int index) {
        return values[index];
    }

    @Override
    public QBoolean at(int index) {
        return QBoolean.of(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return false;
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.BOOLEAN;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QBooleanVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QBooleanVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public boolean[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public boolean[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QBooleanVector other && attribute == other.attribute && Arrays.equals(values, other.values);
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
