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
     * Creates an exception naming where in the message the bytes went wrong.
     *
     * @param message what was wrong
     * @param offset byte offset from the start of the message, or -1
     */
    public QProtocolException(String message, long offset) {
        super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
        this.offset = offset;
    }

    /**
     * Creates an exception for bytes whose place in the message is unknown.
     *
     * @param message what was wrong
     */
    public QProtocolException(String message) {
        this(message, -1);
    }

    /** {@return byte offset from the start of the message where the problem was found, or -1 when unknown} */
    public long offset() {
        return offset;
    }
}
