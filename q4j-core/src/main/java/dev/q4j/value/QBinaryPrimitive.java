package dev.q4j.value;

/**
 * A binary primitive, an operator (type 102), by its byte code: e.g. {@code +} or {@code &}.
 *
 * <pre>{@code
 * QBinaryPrimitive.of(1);   // +
 * }</pre>
 *
 * @param code the byte kdb+ sends, 0 .. 255
 */
public record QBinaryPrimitive(int code) implements QFunction {
    private static final QBinaryPrimitive[] ALL = new QBinaryPrimitive[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = new QBinaryPrimitive(i);
        }
    }

    /**
     * Checks the code.
     *
     * @param code the byte kdb+ sends
     * @throws IllegalArgumentException when it is not 0 .. 255
     */
    public QBinaryPrimitive {
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
    public static QBinaryPrimitive of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("primitive code must be 0 .. 255, not " + code);
        }
        return ALL[code];
    }

    @Override
    public QType type() {
        return QType.BINARY_PRIMITIVE;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
