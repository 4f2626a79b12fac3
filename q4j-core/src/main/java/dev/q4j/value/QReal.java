package dev.q4j.value;

/**
 * A real, q's 32-bit float ({@code 1e}). NaN is q's null {@code 0Ne}; the infinities are {@code 0We} and -{@code 0We}.
 * Compared bit for bit, so that
 * {@code NULL.equals(NULL)} and {@code -0.0 != 0.0}.
 *
 * <pre>{@code
 * QReal.of(1.5f).value();
 * QReal.NULL.isNull();   // true
 * }</pre>
 *
 * @param value the value
 */
public record QReal(float value) implements QAtom {
    /** {@code 0Ne} */
    public static final QReal NULL = new QReal(Float.NaN);
    /** {@code 0We} */
    public static final QReal INFINITY = new QReal(Float.POSITIVE_INFINITY);
    /** -{@code 0We} */
    public static final QReal NEGATIVE_INFINITY = new QReal(Float.NEGATIVE_INFINITY);

    /**
     * {@return the atom}
     *
     * @param value the value
     */
    public static QReal of(float value) {
        return new QReal(value);
    }

    @Override
    public QType type() {
        return QType.REAL;
    }

    @Override
    public boolean isNull() {
        return Float.isNaN(value);
    }

    @Override
    public boolean isInfinite() {
        return Float.isInfinite(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QReal other && Float.floatToRawIntBits(value) == Float.floatToRawIntBits(other.value);
    }

    @Override
    public int hashCode() {
        return Float.hashCode(value);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
