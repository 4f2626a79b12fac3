package dev.q4j.codec;

/**
 * Limits the decoder enforces before it allocates, so that hostile or corrupt input fails with a clear
 * {@link dev.q4j.QProtocolException} naming the limit, never with an {@link OutOfMemoryError} or a
 * {@link StackOverflowError}. Counts inside a message are always checked against the bytes that remain, whatever the
 * limits.
 *
 * <pre>{@code
 * DecodeLimits limits = DecodeLimits.DEFAULT.withMaxMessageSize(64L << 20).withMaxDepth(64);
 * Decoder decoder = new Decoder(limits);
 * }</pre>
 *
 * @param maxMessageSize the largest message accepted, in bytes, counted after decompression, header included
 * @param maxDepth how deeply lists, dictionaries, tables and functions may nest
 */
public record DecodeLimits(long maxMessageSize, int maxDepth) {
    /**
     * The deepest nesting that can be allowed: the decoder recurses once per level, and decoding a value this deep
     * needs up to about 1 MiB of thread stack (the JVM default for new threads).
     */
    public static final int MAX_DEPTH = 1000;

    /** The largest a Java byte array can be, so the largest message q4j can hold. */
    public static final long JVM_MAX_MESSAGE = Integer.MAX_VALUE - 8;

    /** 1 GiB messages, nesting 256 deep. */
    public static final DecodeLimits DEFAULT = new DecodeLimits(1L << 30, 256);

    /** No limits beyond what the JVM can hold (trusted peers only). */
    public static final DecodeLimits UNLIMITED = new DecodeLimits(JVM_MAX_MESSAGE, MAX_DEPTH);

    /**
     * Checks and holds the limits.
     *
     * @param maxMessageSize largest message in bytes, at least 9
     * @param maxDepth deepest nesting, 1 .. {@link #MAX_DEPTH}
     */
    public DecodeLimits {
        if (maxMessageSize < 9) {
            throw new IllegalArgumentException("maxMessageSize must be at least 9 bytes, not " + maxMessageSize);
        }
        if (maxDepth < 1 || maxDepth > MAX_DEPTH) {
            throw new IllegalArgumentException("maxDepth must be 1 .. " + MAX_DEPTH + ", not " + maxDepth);
        }
    }

    /**
     * {@return a copy with that limit}
     *
     * @param bytes largest message in bytes
     */
    public DecodeLimits withMaxMessageSize(long bytes) {
        return new DecodeLimits(bytes, maxDepth);
    }

    /**
     * {@return a copy with that limit}
     *
     * @param depth deepest nesting
     */
    public DecodeLimits withMaxDepth(int depth) {
        return new DecodeLimits(maxMessageSize, depth);
    }
}
