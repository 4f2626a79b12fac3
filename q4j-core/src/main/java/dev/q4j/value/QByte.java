package dev.q4j.value;

/**
 * A byte ({@code 0x2a}). Bytes have no null in q.
 *
 * <pre>{@code
 * QByte.of((byte) 0x2a).unsigned();   // 42
 * }</pre>
 *
 * @param value the value (Java's signed byte; q shows it as unsigned hex)
 */
public record QByte(byte value) implements QAtom {
    private static final QByte[] ALL = new QByte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALL[i] = new QByte((byte) i);
        }
    }

    /**
     * {@return the atom (one shared instance per byte)}
     *
     * @param value the value
     */
    public static QByte of(byte value) {
        return ALL[value & 0xFF];
    }

    /** {@return the value as 0 .. 255} */
    public int unsigned() {
        return value & 0xFF;
    }

    @Override
    public QType type() {
        return QType.BYTE;
    }

    /** {@return false: bytes have no null} */
    @Override
    public boolean isNull() {
        return false;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
