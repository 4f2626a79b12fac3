package dev.q4j.value;

import java.util.List;

/**
 * A projection (type 104): a function and its fixed arguments, {@code {x+y}[3]}. The first item is the function.
 *
 * <pre>{@code
 * QProjection.of(QLambda.of("{x+y}"), QLong.of(3));
 * }</pre>
 *
 * @param items the items kdb+ sends, at least one
 */
public record QProjection(List<QValue> items) implements QFunction {

    /**
     * @param items the items
     * @throws IllegalArgumentException when there are none
     */
    public QProjection {
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a projection needs at least one item");
        }
        Shapes.depthOver(items);
    }

    @Override
    public int depth() {
        return Shapes.depthOver(items);
    }

    /**
     * @param items the items
     * @return the projection
     */
    public static QProjection of(QValue... items) {
        return new QProjection(List.of(items));
    }

    @Override
    public QType type() {
        return QType.PROJECTION;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
