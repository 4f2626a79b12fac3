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
public final class QComposition extends FunctionItems implements QFunction {
    /**
     * Creates a composition of the given functions.
     *
     * @param items the items kdb+ sends, at least one (copied)
     * @throws IllegalArgumentException when there are none, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    public QComposition(List<QValue> items) {
        super(items, QType.COMPOSITION);
    }

    /**
     * {@return the composition}
     *
     * @param items the items
     */
    public static QComposition of(QValue... items) {
        return new QComposition(List.of(items));
    }
}
