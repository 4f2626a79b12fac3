package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.LongStream;

/**
 * The long-backed vectors: long, timestamp and timespan. They share storage, null and infinity rules; the subclasses add the
 * conversions of their type.
 *
 * <pre>{@code
 * LongBackedVector v = QLongVector.of(1, 2, 3);
 * long first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public abstract sealed class LongBackedVector implements QVector permits QLongVector, QTimestampVector, QTimespanVector {
    final long[] values;
    private final Attribute attribute;

    LongBackedVector(long[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * @param index 0-based position
     * @return the raw item
     */
    public final long get(int index) {
        return values[index];
    }

    @Override
    public final boolean isNull(int index) {
        return values[index] == Long.MIN_VALUE;
    }

    /**
     * @param index 0-based position
     * @return true when the item is {@code 0W} or {@code -0W}
     */
    public final boolean isInfinite(int index) {
        return values[index] == Long.MAX_VALUE || values[index] == -Long.MAX_VALUE;
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
    public abstract LongBackedVector withAttribute(Attribute attribute);

    /** @return the backing array, shared: read it, never modify it */
    public final long[] array() {
        return values;
    }

    /** @return a copy of the raw items */
    public final long[] toArray() {
        return values.clone();
    }

    /** @return the raw items as a stream */
    public final LongStream stream() {
        return Arrays.stream(values);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && attribute == ((LongBackedVector) o).attribute
                && Arrays.equals(values, ((LongBackedVector) o).values);
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
