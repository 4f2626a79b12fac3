package dev.q4j.arrow;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedWidthVector;

/**
 * Builds the expected Arrow vectors of the tests with Arrow's own setters.
 *
 * <pre>{@code
 * try (BigIntVector j = new BigIntVector("j", allocator)) {
 *     ArrowFill.fill(j, j::set, 1L, null, Long.MAX_VALUE);
 * }
 * }</pre>
 */
final class ArrowFill {
    /** Sets one item of an Arrow vector: the vector's own {@code set(int, value)}. */
    interface Setter<T> {
        void set(int index, T value);
    }

    private ArrowFill() {
    }

    /** Fills {@code v} with {@code items} through its own setter, a {@code null} item as Arrow's null. */
    @SafeVarargs
    static <V extends FieldVector & FixedWidthVector, T> void fill(V v, Setter<T> setter, T... items) {
        v.allocateNew(items.length);
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                v.setNull(i);
            } else {
                setter.set(i, items[i]);
            }
        }
        v.setValueCount(items.length);
    }
}
