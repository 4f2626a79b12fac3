package dev.q4j.value;

/**
 * An iterator (adverb) on its own (type 103), by its byte code: e.g. {@code '} or {@code /}.
 *
 * <pre>{@code
 * QIterator.of(0);
 * }</pre>
 *
 * @param code the byte kdb+ sends, 0 .. 255
 */
public record QIterator(int code) implements QFunction {
    private static final QIterator[] ALL = new QIterator[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = new QIterator(i);
        }
    }

    /**
     * Checks the code.
     *
     * @param code the byte kdb+ sends
     * @throws IllegalArgumentException when it is not 0 .. 255
     */
    public QIterator {
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
    public static QIterator of(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException("primitive code must be 0 .. 255, not " + code);
        }
        return ALL[code];
    }

    @Override
    public QType type() {
        return QType.ITERATOR;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
