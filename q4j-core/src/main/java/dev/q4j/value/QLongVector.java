package dev.q4j.value;


/**
 * A long vector ({@code 1 2 3}).
 *
 * <pre>{@code
 * QLongVector.of(1, 2, 3).get(2);   // 3
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QLongVector extends LongBackedVector {
    /** the empty vector */
    public static final QLongVector EMPTY = new QLongVector(new long[0], null, Attribute.NONE);

    QLongVector(long[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QLongVector of(long... values) {
        return new QLongVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QLongVector wrap(long[] values) {
        return new QLongVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QLongVector wrap(long[] values, Attribute attribute) {
        return Attributes.checked(new QLongVector(values, null, attribute));
    }

    @Override
    public QLong at(int index) {
        return QLong.of(get(index));
    }

    @Override
    public QType type() {
        return QType.LONG;
    }

    @Override
    public QLongVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QLongVector(values, view, attribute));
    }
}
