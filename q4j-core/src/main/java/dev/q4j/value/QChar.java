package dev.q4j.value;

/**
 * A char ({@code "a"}): one byte, as in q. Multi-byte UTF-8 text lives in {@link QCharVector}s. The null is a space.
 *
 * <pre>{@code
 * QChar.of('a').toChar();   // 'a'
 * }</pre>
 *
 * @param value the byte
 */
public record QChar(byte value) implements QAtom {
    private static final QChar[] ALL = new QChar[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = new QChar((byte) i);
        }
    }

    /** {@code " "}, q's char null */
    public static final QChar NULL = ALL[' '];

    /**
     * {@return the atom (one shared instance per byte)}
     *
     * @param value the byte
     */
    public static QChar of(byte value) {
        return ALL[value & 0xFF];
    }

    /**
     * {@return the atom}
     *
     * @param value a character 0 .. 255
     * @throws IllegalArgumentException when {@code value} does not fit in one byte
     */
    public static QChar of(char value) {
        if (value > 0xFF) {
            throw new IllegalArgumentException("a q char is one byte; '" + value + "' (U+"
                    + Integer.toHexString(value).toUpperCase() + ") is not: use a QCharVector for UTF-8 text");
        }
        return ALL[value];
    }

    /** {@return the byte as a Java char (ISO-8859-1)} */
    public char toChar() {
        return (char) (value & 0xFF);
    }

    @Override
    public QType type() {
        return QType.CHAR;
    }

    @Override
    public boolean isNull() {
        return value == ' ';
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
