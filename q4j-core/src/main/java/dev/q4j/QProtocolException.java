package dev.q4j;

/**
 * The bytes are not a valid kdb+ IPC message, or they break a configured limit. The message names what was wrong
 * and {@link #offset()} says where (counted from the start of the message, or -1 when unknown).
 */
public class QProtocolException extends Q4jException {
    private static final long serialVersionUID = 1L;
    /** where the problem was found */
    private final long offset;

    /**
     * @param message what was wrong
     * @param offset byte offset from the start of the message, or -1
     */
    public QProtocolException(String message, long offset) {
        super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
        this.offset = offset;
    }

    /** @param message what was wrong */
    public QProtocolException(String message) {
        this(message, -1);
    }

    /** @return byte offset from the start of the message where the problem was found, or -1 when unknown */
    public long offset() {
        return offset;
    }
}
