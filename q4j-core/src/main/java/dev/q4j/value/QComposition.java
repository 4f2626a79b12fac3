package dev.q4j.value;

import java.util.List;

/**
 * A composition (type 105), {@code '[f;g]}: the functions in the order kdb+ sends them.
 *
 * <pre>{@code
 * QComposition.of(QUnaryPrimitive.of(15), QLambda.of("{x+1}"));
 * }</pre>
 *
 * @param items the items kdb+ sends, at least one
 */
public record QComposition(List<QValue> items) implements QFunction {

    /**
     * @param items the items
     * @throws IllegalArgumentException when there are none
     */
    public QComposition {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a composition needs at least one item");
        }
        Shapes.depthOver(items);
    }

    @Override
    public int depth() {
        return Shapes.depthOver(items);
    }

    /**
     * @param items the items
     * @return the composition
     */
    public static QComposition of(QValue... items) {
        return new QComposition(List.of(items));
    }

    @Override
    public QType type() {
        return QType.COMPOSITION;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
