package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A byte vector ({@code 0x0102}).
 *
 * <pre>{@code
 * QByteVector.of((byte) 1, (byte) 2).get(0);   // 1
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QByteVector implements QVector {
    /** the empty vector */
    public static final QByteVector EMPTY = new QByteVector(new byte[0], Attribute.NONE);

    private final byte[] values;
    private final Attribute attribute;

    private QByteVector(byte[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QByteVector of(byte... values) {
        return new QByteVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QByteVector wrap(byte[] values) {
        return new QByteVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QByteVector wrap(byte[] values, Attribute attribute) {
        return Attributes.checked(new QByteVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public byte get(int index) {
        return values[index];
    }

    @Override
    public QByte at(int index) {
        return QByte.of(values[index]);
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
        return QType.BYTE;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QByteVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QByteVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public byte[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public byte[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QByteVector other && attribute == other.attribute && Arrays.equals(values, other.values);
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
