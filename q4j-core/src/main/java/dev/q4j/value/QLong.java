package dev.q4j.value;

/**
 * a long ({@code 1}, {@code 1j}): exact wire value; {@link #NULL} is {@code 0N}, {@link #INFINITY} is {@code 0W}.
 *
 * <pre>{@code
 * QLong.of(1).value();
 * QLong.NULL.isNull();   // true
 * }</pre>
 *
 * @param value the value; the type's minimum is null, its maximum and minimum+1 are the infinities
 */
public record QLong(long value) implements QAtom {
    /** {@code 0N} */
    public static final QLong NULL = new QLong(Long.MIN_VALUE);
    /** {@code 0W} */
    public static final QLong INFINITY = new QLong(Long.MAX_VALUE);
    /** -{@code 0W} */
    public static final QLong NEGATIVE_INFINITY = new QLong(-Long.MAX_VALUE);

    /**
     * {@return the atom}
     *
     * @param value the value
     */
    public static QLong of(long value) {
        return new QLong(value);
    }

    @Override
    public QType type() {
        return QType.LONG;
    }

    @Override
    public boolean isNull() {
        return value == Long.MIN_VALUE;
    }

    @Override
    public boolean isInfinite() {
        return value == Long.MAX_VALUE || value == -Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
