package dev.q4j.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A general list ({@code (1;`a;"abc")}): items of any type.
 *
 * <pre>{@code
 * QList l = QList.of(QLong.of(1), QSymbol.of("a"), QCharVector.of("abc"));
 * l.at(1);   // `a
 * }</pre>
 */
public final class QList implements QSequence {
    /** the empty list {@code ()} */
    public static final QList EMPTY = new QList(new QValue[0], Attribute.NONE);

    private final QValue[] items;
    private final Attribute attribute;
    private final int depth;

    private QList(QValue[] items, Attribute attribute) {
        int deepest = 0;
        for (int i = 0; i < items.length; i++) {
            Objects.requireNonNull(items[i], "list item");
            deepest = Math.max(deepest, Shapes.depthOf(items[i]));
        }
        this.items = items;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.depth = deepest + 1;
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested " + depth + " levels deep; q4j values nest at most "
                    + MAX_DEPTH + " levels");
        }
    }

    @Override
    public int depth() {
        return depth;
    }

    /**
     * {@return the list}
     *
     * @param items the items, copied
     */
    public static QList of(QValue... items) {
        return new QList(items.clone(), Attribute.NONE);
    }

    /**
     * {@return the list}
     *
     * @param items the items, copied
     */
    public static QList of(List<? extends QValue> items) {
        return new QList(items.toArray(new QValue[0]), Attribute.NONE);
    }

    /**
     * {@return the list}
     *
     * @param items the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     */
    public static QList wrap(QValue[] items, Attribute attribute) {
        return new QList(items, attribute);
    }

    @Override
    public QValue at(int index) {
        return items[index];
    }

    @Override
    public int count() {
        return items.length;
    }

    @Override
    public QType type() {
        return QType.LIST;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    /**
     * {@return a list with the same items and the given attribute}
     *
     * @param attribute the attribute to carry
     */
    public QList withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : new QList(items, attribute);
    }

    /** {@return the items as an unmodifiable list} */
    public List<QValue> items() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QList other && attribute == other.attribute && Arrays.equals(items, other.items);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(items) + attribute.hashCode();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
