package dev.q4j;

/**
 * q answered with an error ({@code 'type}, {@code 'length}, {@code 'foo}...). {@link #qMessage()} is q's own text,
 * without the leading quote.
 *
 * <pre>{@code
 * try { ... } catch (QErrorException e) {
 *     if (e.qMessage().equals("type")) { ... }
 * }
 * }</pre>
 */
public class QErrorException extends Q4jException {
    private static final long serialVersionUID = 1L;
    /** q's error text */
    private final String qMessage;

    /**
     * Creates the exception for an error q sent.
     *
     * @param qMessage q's error text, e.g. {@code "type"}
     */
    public QErrorException(String qMessage) {
        super("'" + qMessage);
        this.qMessage = qMessage;
    }

    /** {@return q's error text without the leading quote, e.g. {@code "type"}} */
    public String qMessage() {
        return qMessage;
    }
}
