package dev.q4j.value;

import java.util.List;

/**
 * A composition (type 105), {@code '[f;g]}: the functions in the order kdb+ sends them.
 * Immutable; equal when the items are. It keeps its nesting depth, so that nested functions cost time proportional
 * to their size to build.
 *
 * <pre>{@code
 * QComposition.of(QUnaryPrimitive.of(15), QLambda.of("{x+1}"));
 * }</pre>
 */
public final class QComposition implements QFunction {
    private final List<QValue> items;
    private final int depth;

    /**
     * Creates a composition of the given functions.
     *
     * @param items the items kdb+ sends, at least one (copied)
     * @throws IllegalArgumentException when there are none, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    public QComposition(List<QValue> items) {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a composition needs at least one item");
        }
        this.items = items;
        this.depth = Shapes.depthOver(items);
    }

    /**
     * {@return the composition}
     *
     * @param items the items
     */
    public static QComposition of(QValue... items) {
        return new QComposition(List.of(items));
    }

    /** {@return the items, unmodifiable} */
    public List<QValue> items() {
        return items;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public QType type() {
        return QType.COMPOSITION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QComposition other && items.equals(other.items);
    }

    @Override
    public int hashCode() {
        return items.hashCode();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
