package dev.q4j.value;


/**
 * A float vector ({@code 1.5 2.5}).
 *
 * <pre>{@code
 * QFloatVector.of(1.5, 2.5).get(1);   // 2.5
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QFloatVector extends DoubleBackedVector {
    /** the empty vector */
    public static final QFloatVector EMPTY = new QFloatVector(new double[0], null, Attribute.NONE);

    QFloatVector(double[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static QFloatVector of(double... values) {
        return new QFloatVector(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static QFloatVector wrap(double[] values) {
        return new QFloatVector(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QFloatVector wrap(double[] values, Attribute attribute) {
        return Attributes.checked(new QFloatVector(values, null, attribute));
    }

    @Override
    public QFloat at(int index) {
        return QFloat.of(get(index));
    }

    @Override
    public QType type() {
        return QType.FLOAT;
    }

    @Override
    public QFloatVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new QFloatVector(values, view, attribute));
    }
}
