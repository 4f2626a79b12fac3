package dev.q4j.text;

import dev.q4j.Q4jException;

/**
 * Text that {@link QText#parse(String)} cannot read: the message says what was wrong and where, and
 * {@link #position()} gives the 0-based character offset in the input.
 *
 * <pre>{@code
 * try {
 *     QText.parse("1 2 3x");
 * } catch (QTextException e) {
 *     e.position();   // 5
 * }
 * }</pre>
 */
public class QTextException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /** the 0-based character offset of the problem */
    private final int position;

    /**
     * Creates an exception naming where in the text parsing failed.
     *
     * @param message what was wrong
     * @param position the 0-based character offset where it was found
     */
    public QTextException(String message, int position) {
        super(message + " (at position " + position + ")");
        this.position = position;
    }

    /**
     * Creates an exception naming where in the text parsing failed, and why.
     *
     * @param message what was wrong
     * @param position the 0-based character offset where it was found
     * @param cause the underlying failure
     */
    public QTextException(String message, int position, Throwable cause) {
        super(message + " (at position " + position + ")", cause);
        this.position = position;
    }

    /** {@return the 0-based character offset in the parsed text where the problem was found} */
    public int position() {
        return position;
    }
}
