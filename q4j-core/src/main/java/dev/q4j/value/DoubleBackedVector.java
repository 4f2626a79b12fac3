package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.DoubleStream;

/**
 * The double-backed vectors: float and datetime. They share storage, null and infinity rules; the subclasses add the
 * conversions of their type.
 *
 * <pre>{@code
 * DoubleBackedVector v = QFloatVector.of(1.5, 2.5);
 * double first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public abstract sealed class DoubleBackedVector implements QVector permits QFloatVector, QDatetimeVector {
    final double[] values;
    private final Attribute attribute;

    DoubleBackedVector(double[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * @param index 0-based position
     * @return the raw item
     */
    public final double get(int index) {
        return values[index];
    }

    @Override
    public final boolean isNull(int index) {
        return Double.isNaN(values[index]);
    }

    /**
     * @param index 0-based position
     * @return true when the item is {@code 0W} or {@code -0W}
     */
    public final boolean isInfinite(int index) {
        return Double.isInfinite(values[index]);
    }

    @Override
    public final int count() {
        return values.length;
    }

    @Override
    public final Attribute attribute() {
        return attribute;
    }

    @Override
    public abstract DoubleBackedVector withAttribute(Attribute attribute);

    /** @return the backing array, shared: read it, never modify it */
    public final double[] array() {
        return values;
    }

    /** @return a copy of the raw items */
    public final double[] toArray() {
        return values.clone();
    }

    /** @return the raw items as a stream */
    public final DoubleStream stream() {
        return Arrays.stream(values);
    }

    /** Compares bit for bit, as the atoms do: {@code 0n} and a NaN with another payload are different values. */
    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || attribute != ((DoubleBackedVector) o).attribute) {
            return false;
        }
        double[] other = ((DoubleBackedVector) o).values;
        if (other.length != values.length) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(other[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + attribute.hashCode()) + type().hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
