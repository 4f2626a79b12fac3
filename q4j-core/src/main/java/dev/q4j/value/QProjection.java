package dev.q4j.value;

import java.util.List;

/**
 * A projection (type 104): a function and its fixed arguments, {@code {x+y}[3]}. The first item is the function.
 * Immutable; equal when the items are. It keeps its nesting depth, so that nested functions cost time proportional
 * to their size to build.
 *
 * <pre>{@code
 * QProjection.of(QLambda.of("{x+y}"), QLong.of(3));
 * }</pre>
 */
public final class QProjection implements QFunction {
    private final List<QValue> items;
    private final int depth;

    /**
     * Creates a projection: a function and its arguments, some elided.
     *
     * @param items the items kdb+ sends, at least one (copied)
     * @throws IllegalArgumentException when there are none, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    public QProjection(List<QValue> items) {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a projection needs at least one item");
        }
        this.items = items;
        this.depth = Shapes.depthOver(items);
    }

    /**
     * {@return the projection}
     *
     * @param items the items
     */
    public static QProjection of(QValue... items) {
        return new QProjection(List.of(items));
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
        return QType.PROJECTION;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QProjection other && items.equals(other.items);
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
