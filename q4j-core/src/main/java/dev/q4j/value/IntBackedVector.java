package dev.q4j.value;

import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The int-backed vectors: int, month, date, minute, second and time. They share storage, null and infinity rules; the
 * subclasses add the
 * conversions of their type.
 *
 * <p>The items are held in an {@code int[]}, or, for a vector decoded in place, read from the received message's
 * bytes (see {@link QVectors#inPlace}); both behave the same.
 *
 * <pre>{@code
 * IntBackedVector v = QIntVector.of(1, 2, 3);
 * int first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public abstract sealed class IntBackedVector implements QVector
        permits QIntVector, QMonthVector, QDateVector, QMinuteVector, QSecondVector, QTimeVector {
    /** the items, or {@code null} when they are read from {@link #view} */
    final int[] values;
    /** where the items are read from in place, or {@code null} when they are in {@link #values} */
    final ByteView view;
    private final Attribute attribute;

    IntBackedVector(int[] values, ByteView view, Attribute attribute) {
        this.values = view == null ? Objects.requireNonNull(values, "values") : null;
        this.view = view;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the raw items of java.time values, for the factories of the temporal vectors}
     *
     * @param items the items; {@code null} items become the type's null ({@code Integer.MIN_VALUE})
     * @param raw the conversion of one item that is not {@code null}
     * @param <T> the java.time type
     */
    static <T> int[] rawItems(T[] items, ToIntFunction<? super T> raw) {
        int[] r = new int[items.length];
        for (int i = 0; i < items.length; i++) {
            r[i] = items[i] == null ? Integer.MIN_VALUE : raw.applyAsInt(items[i]);
        }
        return r;
    }

    /**
     * {@return the raw item}
     *
     * @param index 0-based position
     */
    public final int get(int index) {
        int[] v = values;
        return v != null ? v[index] : view.getInt(index);
    }

    @Override
    public final boolean isNull(int index) {
        return get(index) == Integer.MIN_VALUE;
    }

    /**
     * {@return true when the item is {@code 0W} or {@code -0W}}
     *
     * @param index 0-based position
     */
    public final boolean isInfinite(int index) {
        int v = get(index);
        return v == Integer.MAX_VALUE || v == -Integer.MAX_VALUE;
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
    public abstract IntBackedVector withAttribute(Attribute attribute);

    /**
     * {@return the items in an array, shared: read it, never modify it. A vector decoded in place copies its items into
     * one at the first call, and keeps it.}
     */
    public final int[] array() {
        return values != null ? values : view.intArray();
    }

    /**
     * The items without copying them, as a read-only buffer: of the array, or of the received bytes for a vector
     * decoded in place (whose buffer then has the message's byte order; either way {@code get} gives the items).
     * For bulk reading and writing, as {@code buffer().get(dst)} or {@code out.put(buffer())}.
     *
     * @return a read-only buffer of the raw items, positioned at the first
     */
    public final IntBuffer buffer() {
        return (values != null ? IntBuffer.wrap(values) : view.ints()).asReadOnlyBuffer();
    }

    /** {@return a copy of the raw items} */
    public final int[] toArray() {
        return values != null ? values.clone() : view.toInts();
    }

    /** {@return the raw items as a stream} */
    public final IntStream stream() {
        return values != null ? Arrays.stream(values) : IntStream.range(0, count()).map(view::getInt);
    }

    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || attribute != ((IntBackedVector) o).attribute) {
            return false;
        }
        IntBackedVector other = (IntBackedVector) o;
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
                h = 31 * h + get(i);
            }
        }
        return 31 * (31 * h + attribute.hashCode()) + type().hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
