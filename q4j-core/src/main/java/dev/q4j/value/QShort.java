package dev.q4j.value;

/**
 * a short ({@code 1h}): exact wire value; {@link #NULL} is {@code 0Nh}, {@link #INFINITY} is {@code 0Wh}.
 *
 * <pre>{@code
 * QShort.of((short) 1).value();
 * QShort.NULL.isNull();   // true
 * }</pre>
 *
 * @param value the value; the type's minimum is null, its maximum and minimum+1 are the infinities
 */
public record QShort(short value) implements QAtom {
    /** {@code 0Nh} */
    public static final QShort NULL = new QShort(Short.MIN_VALUE);
    /** {@code 0Wh} */
    public static final QShort INFINITY = new QShort(Short.MAX_VALUE);
    /** -{@code 0Wh} */
    public static final QShort NEGATIVE_INFINITY = new QShort((short) -Short.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param value the value
     */
    public static QShort of(short value) {
        return new QShort(value);
    }

    @Override
    public QType type() {
        return QType.SHORT;
    }

    @Override
    public boolean isNull() {
        return value == Short.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return value == Short.MAX_VALUE || value == (short) -Short.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
