package dev.q4j.value;

/**
 * A unary primitive (type 101), by its byte code. Code 0 is the generic null {@code ::} (see {@link #IDENTITY}).
 *
 * <pre>{@code
 * QUnaryPrimitive.IDENTITY.isGenericNull();   // true
 * }</pre>
 *
 * @param code the byte kdb+ sends, 0 .. 255
 */
public record QUnaryPrimitive(int code) implements QFunction {
    private static final QUnaryPrimitive[] ALL = new QUnaryPrimitive[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = new QUnaryPrimitive(i);
        }
    }
    /** {@code ::}, the identity function, which q also uses as the generic null */
    public static final QUnaryPrimitive IDENTITY = ALL[0];

    /**
     * Checks the code.
     *
     * @param code the byte kdb+ sends
     * @throws IllegalArgumentException when it is not 0 .. 255
     */
    public QUnaryPrimitive {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("primitive code must be 0 .. 255, not " + code);
        }
    }

    /**
     * {@return the primitive (one shared instance per code)}
     *
     * @param code the byte kdb+ sends
     * @throws IllegalArgumentException when it is not 0 .. 255
     */
    public static QUnaryPrimitive of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("primitive code must be 0 .. 255, not " + code);
        }
        return ALL[code];
    }

    @Override
    public QType type() {
        return QType.UNARY_PRIMITIVE;
    }

    @Override
    public boolean isGenericNull() {
        return code == 0;
    }
    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
