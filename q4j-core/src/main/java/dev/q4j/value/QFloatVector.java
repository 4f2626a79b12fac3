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
    public static final QFloatVector EMPTY = new QFloatVector(new double[0], Attribute.NONE);

    private QFloatVector(double[] values, Attribute attribute) {
        super(values, attribute);
    }

    /**
     * @param values the raw items, copied
     * @return the vector
     */
    public static QFloatVector of(double... values) {
        return new QFloatVector(values.clone(), Attribute.NONE);
    }

    /**
     * @param values the raw items, shared: do not modify the array afterwards
     * @return the vector
     */
    public static QFloatVector wrap(double[] values) {
        return new QFloatVector(values, Attribute.NONE);
    }

    /**
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @return the vector
     */
    public static QFloatVector wrap(double[] values, Attribute attribute) {
        return new QFloatVector(values, attribute);
    }

    @Override
    public QFloat at(int index) {
        return QFloat.of(values[index]);
    }

    @Override
    public QType type() {
        return QType.FLOAT;
    }

    @Override
    public QFloatVector withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : new QFloatVector(values, attribute);
    }
}
