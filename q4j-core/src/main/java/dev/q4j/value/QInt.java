package dev.q4j.value;

/**
 * an int ({@code 1i}): exact wire value; {@link #NULL} is {@code 0Ni}, {@link #INFINITY} is {@code 0Wi}.
 *
 * <pre>{@code
 * QInt.of(1).value();
 * QInt.NULL.isNull();   // true
 * }</pre>
 *
 * @param value the value; the type's minimum is null, its maximum and minimum+1 are the infinities
 */
public record QInt(int value) implements QAtom {
    /** {@code 0Ni} */
    public static final QInt NULL = new QInt(Integer.MIN_VALUE);
    /** {@code 0Wi} */
    public static final QInt INFINITY = new QInt(Integer.MAX_VALUE);
    /** -{@code 0Wi} */
    public static final QInt NEGATIVE_INFINITY = new QInt(-Integer.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param value the value
     */
    public static QInt of(int value) {
        return new QInt(value);
    }

    @Override
    public QType type() {
        return QType.INT;
    }

    @Override
    public boolean isNull() {
        return value == Integer.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return value == Integer.MAX_VALUE || value == -Integer.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
