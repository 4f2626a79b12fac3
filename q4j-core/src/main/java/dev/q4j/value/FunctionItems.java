package dev.q4j.value;

import java.util.List;

/**
 * What a projection and a composition share: a function value that is a list of items kdb+ sends (type 104 or 105).
 * Immutable; equal when the class and the items are. It keeps its nesting depth, so that nested functions cost time
 * proportional to their size to build.
 *
 * <pre>{@code
 * QProjection.of(QLambda.of("{x+y}"), QLong.of(3)).items();   // [{x+y}, 3]
 * }</pre>
 */
abstract sealed class FunctionItems permits QProjection, QComposition {
    private final List<QValue> items;
    private final int depth;
    private final QType type;

    /**
     * Checks and keeps the items.
     *
     * @param items the items kdb+ sends, at least one (copied)
     * @param type {@link QType#PROJECTION} or {@link QType#COMPOSITION}
     * @throws IllegalArgumentException when there are none, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    FunctionItems(List<QValue> items, QType type) {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a " + type.qName() + " needs at least one item");
        }
        this.items = items;
        this.depth = Shapes.depthOver(items);
        this.type = type;
    }

    /** {@return the items, unmodifiable} */
    public final List<QValue> items() {
        return items;
    }

    /** {@return how deeply the value nests (see {@link QValue#depth})} */
    public final int depth() {
        return depth;
    }

    /** {@return the q type} */
    public final QType type() {
        return type;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && items.equals(((FunctionItems) o).items);
    }

    @Override
    public final int hashCode() {
        return items.hashCode();
    }

    @Override
    public final String toString() {
        return dev.q4j.text.QText.print((QFunction) this);   // both permitted classes are functions
    }
}
