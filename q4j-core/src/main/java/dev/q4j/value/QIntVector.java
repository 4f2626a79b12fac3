package dev.q4j.value;


/**
 * An int vector ({@code 1 2 3i}).
 *
 * <pre>{@code
 * QIntVector.of(1, 2, 3).get(2);   // 3
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QIntVector extends IntBackedVector {
    /** the empty vector */
    public static final QIntVector EMPTY = new QIntVector(new int[0], null, Attribute.NONE);

    QIntVector(int[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QIntVector of(int... values) {
        return new QIntVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QIntVector wrap(int[] values) {
        return new QIntVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QIntVector wrap(int[] values, Attribute attribute) {
        return Attributes.checked(new QIntVector(values, null, attribute));
    }

    @Override
    public QInt at(int index) {
        return QInt.of(get(index));
    }

    @Override
    public QType type() {
        return QType.INT;
    }

    @Override
    public QIntVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QIntVector(values, view, attribute));
    }
}
