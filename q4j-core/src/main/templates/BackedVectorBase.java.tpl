package ${package};

import java.nio.${Box}Buffer;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.To${Box}Function;
${streamImports}

/**
${summary}
 *
 * <p>The items are held in ${article} {@code ${prim}[]}, or, for a vector decoded in place, read from the received message's
 * bytes (see {@link QVectors#inPlace}); both behave the same.
 *
 * <pre>{@code
 * ${Class} v = ${example};
 * ${prim} first = v.get(0);
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
${declaration}
    /** the items, or {@code null} when they are read from {@link #view} */
    final ${prim}[] values;
    /** where the items are read from in place, or {@code null} when they are in {@link #values} */
    final ByteView view;
    private final Attribute attribute;

    ${Class}(${prim}[] values, ByteView view, Attribute attribute) {
        this.values = view == null ? Objects.requireNonNull(values, "values") : null;
        this.view = view;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the raw items of java.time values, for the factories of the temporal vectors}
     *
     * @param items the items; {@code null} items become the type's null ({@code ${nullValue}})
     * @param raw the conversion of one item that is not {@code null}
     * @param <T> the java.time type
     */
    static <T> ${prim}[] rawItems(T[] items, To${Box}Function<? super T> raw) {
        ${prim}[] r = new ${prim}[items.length];
        for (int i = 0; i < items.length; i++) {
            r[i] = items[i] == null ? ${nullValue} : raw.applyAs${Box}(items[i]);
        }
        return r;
    }

    /**
     * {@return the raw item}
     *
     * @param index 0-based position
     */
    public final ${prim} get(int index) {
        ${prim}[] v = values;
        return v != null ? v[index] : view.get${Box}(index);
    }

    @Override
    public final boolean isNull(int index) {
        return ${isNull};
    }

    /**
     * {@return true when the item is {@code 0W} or {@code -0W}}
     *
     * @param index 0-based position
     */
    public final boolean isInfinite(int index) {
${isInfinite}
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
    public abstract ${Class} withAttribute(Attribute attribute);

    /**
     * {@return the items in an array, shared: read it, never modify it. A vector decoded in place copies its items into
     * one at the first call, and keeps it.}
     */
    public final ${prim}[] array() {
        return values != null ? values : view.${prim}Array();
    }

    /**
     * The items without copying them, as a read-only buffer: of the array, or of the received bytes for a vector
     * decoded in place (whose buffer then has the message's byte order; either way {@code get} gives the items).
     * For bulk reading and writing, as {@code buffer().get(dst)} or {@code out.put(buffer())}.
     *
     * @return a read-only buffer of the raw items, positioned at the first
     */
    public final ${Box}Buffer buffer() {
        return (values != null ? ${Box}Buffer.wrap(values) : view.${prim}s()).asReadOnlyBuffer();
    }

    /** {@return a copy of the raw items} */
    public final ${prim}[] toArray() {
        return values != null ? values.clone() : view.to${Box}s();
    }

    /** {@return the raw items as a stream} */
    public final ${Box}Stream stream() {
        return values != null ? Arrays.stream(values) : IntStream.range(0, count()).${streamMap}(view::get${Box});
    }

${equalsDoc}
    @Override
    public final boolean equals(Object o) {
        if (o == null || o.getClass() != getClass() || attribute != ((${Class}) o).attribute) {
            return false;
        }
        ${Class} other = (${Class}) o;
${arraysEqual}
        int n = count();
        if (other.count() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (${itemsDiffer}) {
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
                h = 31 * h + ${itemHash};
            }
        }
        return 31 * (31 * h + attribute.hashCode()) + type().hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
