package dev.q4j.value;

/**
 * A boolean ({@code 1b}, {@code 0b}). Booleans have no null in q.
 *
 * <pre>{@code
 * QBoolean.of(true).value();   // true
 * }</pre>
 *
 * @param value the value
 */
public record QBoolean(boolean value) implements QAtom {
    /** {@code 1b} */
    public static final QBoolean TRUE = new QBoolean(true);
    /** {@code 0b} */
    public static final QBoolean FALSE = new QBoolean(false);

    /**
     * {@return {@link #TRUE} or {@link #FALSE}}
     *
     * @param value the value
     */
    public static QBoolean of(boolean value) {
        return value ? TRUE : FALSE;
    }

    @Override
    public QType type() {
        return QType.BOOLEAN;
    }

    /** {@return false: booleans have no null} */
    @Override
    public boolean isNull() {
        return false;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
