package dev.q4j.value;

import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * The double-backed vectors: float and datetime. They share storage, null and infinity rules; the subclasses add the
 * conversions of their type.
 *
 * <p>The items are held in a {@code double[]}, or, for a vector decoded in place, read from the received message's
 * bytes (see {@link QVectors#inPlace}); both behave the same.
 *
 * <pre>{@code
 * DoubleBackedVector v = QFloatVector.of(1.5, 2.5);
 * double first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public abstract sealed class DoubleBackedVector implements QVector permits QFloatVector, QDatetimeVector {
    /** the items, or {@code null} when they are read from {@link #view} */
    final double[] values;
    /** where the items are read from in place, or {@code null} when they are in {@link #values} */
    final ByteView view;
    private final Attribute attribute;

    DoubleBackedVector(double[] values, ByteView view, Attribute attribute) {
        this.values = view == null ? Objects.requireNonNull(values, "values") : null;
        this.view = view;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the raw items of java.time values, for the factories of the temporal vectors}
     *
     * @param items the items; {@code null} items become the type's null ({@code Double.NaN})
     * @param raw the conversion of one item that is not {@code null}
     * @param <T> the java.time type
     */
    static <T> double[] rawItems(T[] items, ToDoubleFunction<? super T> raw) {
        double[] r = new double[items.length];
        for (int i = 0; i < items.length; i++) {
            r[i] = items[i] == null ? Double.NaN : raw.applyAsDouble(items[i]);
        }
        return r;
    }

    /**
     * {@return the raw item}
     *
     * @param index 0-based position
     */
    public final double get(int index) {
        double[] v = values;
        return v != null ? v[index] : view.getDouble(index);
    }

    @Override
    public final boolean isNull(int index) {
        return Double.isNaN(get(index));
    }

    /**
     * {@return true when the item is {@code 0W} or {@code -0W}}
     *
     * @param index 0-based position
     */
    public final boolean isInfinite(int index) {
        return Double.isInfinite(get(index));
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
    public abstract DoubleBackedVector withAttribute(Attribute attribute);

    /**
     * {@return the items in an array, shared: read it, never modify it. A vector decoded in place copies its items into
     * one at the first call, and keeps it.}
     */
    public final double[] array() {
        return values != null ? values : view.doubleArray();
    }

    /**
     * The items without copying them, as a read-only buffer: of the array, or of the received bytes for a vector
     * decoded in place (whose buffer then has the message's byte order; either way {@code get} gives the items).
     * For bulk reading and writing, as {@code buffer().get(dst)} or {@code out.put(buffer())}.
     *
     * @return a read-only buffer of the raw items, positioned at the first
     */
    public final DoubleBuffer buffer() {
        return (values != null ? DoubleBuffer.wrap(values) : view.doubles()).asReadOnlyBuffer();
    }

    /** {@return a copy of the raw items} */
    public final double[] toArray() {
        return values != null ? values.clone() : view.toDoubles();
    }

    /** {@return the raw items as a stream} */
    public final DoubleStream stream() {
        return values != null ? Arrays.stream(values) : IntStream.range(0, count()).mapToDouble(view::getDouble);
    }

    /** Compares bit for bit, as the atoms do: {@code 0n} and a NaN with another payload are different values. */
    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || attribute != ((DoubleBackedVector) o).attribute) {
            return false;
        }
        DoubleBackedVector other = (DoubleBackedVector) o;
        int n = count();
        if (other.count() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Double.doubleToRawLongBits(get(i)) != Double.doubleToRawLongBits(other.get(i))) {
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
                h = 31 * h + Double.hashCode(get(i));
            }
        }
        return 31 * (31 * h + attribute.hashCode()) + type().hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
