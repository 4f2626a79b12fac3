package dev.q4j.value;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The long-backed vectors: long, timestamp and timespan. They share storage, null and infinity rules; the subclasses
 * add the
 * conversions of their type.
 *
 * <p>The items are held in a {@code long[]}, or, for a vector decoded in place, read from the received message's
 * bytes (see {@link QVectors#inPlace}); both behave the same.
 *
 * <pre>{@code
 * LongBackedVector v = QLongVector.of(1, 2, 3);
 * long first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public abstract sealed class LongBackedVector implements QVector
        permits QLongVector, QTimestampVector, QTimespanVector {
    /** the items, or {@code null} when they are read from {@link #view} */
    final long[] values;
    /** where the items are read from in place, or {@code null} when they are in {@link #values} */
    final ByteView view;
    private final Attribute attribute;

    LongBackedVector(long[] values, ByteView view, Attribute attribute) {
        this.values = view == null ? Objects.requireNonNull(values, "values") : null;
        this.view = view;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the raw items of java.time values, for the factories of the temporal vectors}
     *
     * @param items the items; {@code null} items become the type's null ({@code Long.MIN_VALUE})
     * @param raw the conversion of one item that is not {@code null}
     * @param <T> the java.time type
     */
    static <T> long[] rawItems(T[] items, ToLongFunction<? super T> raw) {
        long[] r = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            r[i] = items[i] == null ? Long.MIN_VALUE : raw.applyAsLong(items[i]);
        }
        return r;
    }

    /**
     * {@return the raw item}
     *
     * @param index 0-based position
     */
    public final long get(int index) {
        long[] v = values;
        return v != null ? v[index] : view.getLong(index);
    }

    @Override
    public final boolean isNull(int index) {
        return get(index) == Long.MIN_VALUE;
    }

    /**
     * {@return true when the item is {@code 0W} or {@code -0W}}
     *
     * @param index 0-based position
     */
    public final boolean isInfinite(int index) {
        long v = get(index);
        return v == Long.MAX_VALUE || v == -Long.MAX_VALUE;
    }

    @Override
    public final int count() {
        return values != null ? values.length : view.count();
    }

    @Override
    public final Attribute attribute() {
        return attribute;
    }

    @Override
    public abstract LongBackedVector withAttribute(Attribute attribute);

    /**
     * {@return the items in an array, shared: read it, never modify it. A vector decoded in place copies its items into
     * one at the first call, and keeps it.}
     */
    public final long[] array() {
        return values != null ? values : view.longArray();
    }

    /**
     * The items without copying them, as a read-only buffer: of the array, or of the received bytes for a vector
     * decoded in place (whose buffer then has the message's byte order; either way {@code get} gives the items).
     * For bulk reading and writing, as {@code buffer().get(dst)} or {@code out.put(buffer())}.
     *
     * @return a read-only buffer of the raw items, positioned at the first
     */
    public final LongBuffer buffer() {
        return (values != null ? LongBuffer.wrap(values) : view.longs()).asReadOnlyBuffer();
    }

    /** {@return a copy of the raw items} */
    public final long[] toArray() {
        return values != null ? values.clone() : view.toLongs();
    }

    /** {@return the raw items as a stream} */
    public final LongStream stream() {
        return values != null ? Arrays.stream(values) : IntStream.range(0, count()).mapToLong(view::getLong);
    }

    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || attribute != ((LongBackedVector) o).attribute) {
            return false;
        }
        LongBackedVector other = (LongBackedVector) o;
        if (values != null && other.values != null) {
            return Arrays.equals(values, other.values);
        }
        int n = count();
        if (other.count() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (get(i) != other.get(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final int hashCode() {
        int h;
        if (values != null) {
            h = Arrays.hashCode(values);
        } else {
            // what Arrays.hashCode gives for the same items, so that equal vectors hash alike
            h = 1;
            for (int i = 0, n = count(); i < n; i++) {
                h = 31 * h + Long.hashCode(get(i));
            }
        }
        return 31 * (31 * h + attribute.hashCode()) + type().hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
