package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;

/**
 * A real vector ({@code 1 2 3e}); NaN is null.
 *
 * <pre>{@code
 * QRealVector.of(1.5f, Float.NaN).isNull(1);   // true
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QRealVector implements QVector {
    /** the empty vector */
    public static final QRealVector EMPTY = new QRealVector(new float[0], Attribute.NONE);

    private final float[] values;
    private final Attribute attribute;

    private QRealVector(float[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QRealVector of(float... values) {
        return new QRealVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QRealVector wrap(float[] values) {
        return new QRealVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QRealVector wrap(float[] values, Attribute attribute) {
        return Attributes.checked(new QRealVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public float get(int index) {
        return values[index];
    }

    @Override
    public QReal at(int index) {
        return QReal.of(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return Float.isNaN(values[index]);
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.REAL;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QRealVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QRealVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public float[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public float[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof QRealVector other) || attribute != other.attribute || other.values.length != values.length) {
            return false;
        }
        // bit for bit, as the atoms compare: a NaN payload is part of the value
        for (int i = 0; i < values.length; i++) {
            if (Float.floatToRawIntBits(values[i]) != Float.floatToRawIntBits(other.values[i])) {
                return false;
            }
        }
        return true;
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
