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
public final class QProjection extends FunctionItems implements QFunction {
    /**
     * Creates a projection: a function and its arguments, some elided.
     *
     * @param items the items kdb+ sends, at least one (copied)
     * @throws IllegalArgumentException when there are none, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    public QProjection(List<QValue> items) {
        super(items, QType.PROJECTION);
    }

    /**
     * {@return the projection}
     *
     * @param items the items
     */
    public static QProjection of(QValue... items) {
        return new QProjection(List.of(items));
    }
}
