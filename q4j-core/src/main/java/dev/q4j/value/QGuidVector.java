package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A guid vector.
 *
 * <pre>{@code
 * QGuidVector.of(UUID.randomUUID(), new UUID(0, 0)).isNull(1);   // true
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QGuidVector implements QVector {
    /** the empty vector */
    public static final QGuidVector EMPTY = new QGuidVector(new UUID[0], Attribute.NONE);

    private final UUID[] values;
    private final Attribute attribute;

    private QGuidVector(UUID[] values, Attribute attribute) {
        for (int i = 0; i < values.length; i++) {
            Objects.requireNonNull(values[i], "item " + i);
        }
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QGuidVector of(UUID... values) {
        return new QGuidVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QGuidVector wrap(UUID[] values) {
        return new QGuidVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QGuidVector wrap(UUID[] values, Attribute attribute) {
        return Attributes.checked(new QGuidVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public UUID get(int index) {
        return values[index];
    }

    @Override
    public QGuid at(int index) {
        return QGuid.of(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return values[index].getMostSignificantBits() == 0 && values[index].getLeastSignificantBits() == 0;
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.GUID;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QGuidVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QGuidVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public UUID[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public UUID[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QGuidVector other && attribute == other.attribute && Arrays.equals(values, other.values);
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
