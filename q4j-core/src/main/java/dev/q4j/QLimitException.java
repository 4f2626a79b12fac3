package dev.q4j;

/**
 * The bytes break a configured limit: the message is larger, or its values nest deeper, than the receiver agreed to
 * accept ({@link dev.q4j.codec.DecodeLimits}). Unlike its parent {@link QProtocolException}, this says nothing about
 * whether the bytes are valid kdb+ IPC: the decoder stopped before it could tell. {@link #limit()} names the limit,
 * {@link #maximum()} gives its value and {@link #actual()} the figure that broke it, so that a caller can tell "too
 * big" or "too deep" from "malformed", and say which setting to raise.
 *
 * <pre>{@code
 * try {
 *     QMessage m = decoder.decode(bytes);
 * } catch (QLimitException e) {
 *     log("refused: " + e.limit() + " is " + e.maximum() + " but the message needs " + e.actual());
 * } catch (QProtocolException e) {
 *     log("malformed at byte " + e.offset() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class QLimitException extends QProtocolException {
    private static final long serialVersionUID = 1L;

    /** Which limit was hit. */
    public enum Limit {
        /**
         * The size of a whole message in bytes, header included, counted after decompression:
         * {@link dev.q4j.codec.DecodeLimits#maxMessageSize()}, or the most a Java array can hold when that is lower.
         */
        MESSAGE_SIZE("maxMessageSize"),
        /**
         * How deeply lists, dictionaries, tables and functions nest: {@link dev.q4j.codec.DecodeLimits#maxDepth()}.
         */
        DEPTH("maxDepth");

        private final String setting;

        Limit(String setting) {
            this.setting = setting;
        }

        /** {@return the name of the {@link dev.q4j.codec.DecodeLimits} setting that holds this limit} */
        public String setting() {
            return setting;
        }
    }

    /** the limit that was hit */
    private final Limit limit;
    /** the limit's value */
    private final long maximum;
    /** the figure that broke it */
    private final long actual;

    /**
     * Creates the exception.
     *
     * @param message what was refused and which setting to raise, without the offset (which this appends)
     * @param offset byte offset from the start of the message where the figure was read, or -1
     * @param limit which limit was hit
     * @param maximum the limit's value: the most bytes, or the deepest level, allowed
     * @param actual the figure that broke it: the message's size, or the level at which decoding stopped
     */
    public QLimitException(String message, long offset, Limit limit, long maximum, long actual) {
        super(message, offset);
        if (limit == null) {
            throw new NullPointerException("limit");
        }
        this.limit = limit;
        this.maximum = maximum;
        this.actual = actual;
    }

    /** {@return which limit was hit} */
    public Limit limit() {
        return limit;
    }

    /** {@return the limit's value: the most bytes ({@link Limit#MESSAGE_SIZE}) or the deepest level allowed} */
    public long maximum() {
        return maximum;
    }

    /**
     * {@return the figure that broke the limit, always above {@link #maximum()}: the message's size in bytes, or for
     * {@link Limit#DEPTH} the level at which decoding stopped} That level is {@code maximum() + 1}: the decoder reads
     * no deeper to learn how deep the value really goes.
     */
    public long actual() {
        return actual;
    }
}
