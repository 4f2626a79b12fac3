package dev.q4j.value;

/**
 * A float, q's 64-bit float ({@code 1f}, {@code 1.5}). NaN is q's null {@code 0n}; the infinities are {@code 0w} and
 * -{@code 0w}. Compared bit for bit, so that
 * {@code NULL.equals(NULL)} and {@code -0.0 != 0.0}.
 *
 * <pre>{@code
 * QFloat.of(1.5).value();
 * QFloat.NULL.isNull();   // true
 * }</pre>
 *
 * @param value the value
 */
public record QFloat(double value) implements QAtom {
    /** {@code 0n} */
    public static final QFloat NULL = new QFloat(Double.NaN);
    /** {@code 0w} */
    public static final QFloat INFINITY = new QFloat(Double.POSITIVE_INFINITY);
    /** -{@code 0w} */
    public static final QFloat NEGATIVE_INFINITY = new QFloat(Double.NEGATIVE_INFINITY);

    /**
     * {@return the atom}
     *
     * @param value the value
     */
    public static QFloat of(double value) {
        return new QFloat(value);
    }

    @Override
    public QType type() {
        return QType.FLOAT;
    }

    @Override
    public boolean isNull() {
        return Double.isNaN(value);
    }

    @Override
    public boolean isInfinite() {
        return Double.isInfinite(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QFloat other
                && Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(other.value);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
