package dev.q4j.codec;

import dev.q4j.QLimitException;

/**
 * Limits the decoder enforces before it allocates, so that hostile or corrupt input fails with a clear
 * {@link QLimitException} naming the limit, never with an {@link OutOfMemoryError} or a
 * {@link StackOverflowError}. Counts inside a message are always checked against the bytes that remain, whatever the
 * limits (a count that does not fit is malformed input, a plain {@link dev.q4j.QProtocolException}).
 *
 * <p>Each limit has one check, {@link #checkMessageSize(long, long)} and {@link #checkDepth(int, long)}, which every
 * reader of messages calls: the {@link Decoder}, the {@link IncrementalDecoder} and the blocking framing of the
 * q4j-ipc module.
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

    /**
     * Checks the size of a whole message, before anything of that size is allocated, against
     * {@link #maxMessageSize()} and against {@link #JVM_MAX_MESSAGE}, whichever is lower.
     *
     * <pre>{@code
     * MessageHeader h = MessageHeader.read(header, 0);
     * limits.checkMessageSize(h.length(), 4);            // the length field is at offset 4
     * byte[] message = new byte[(int) h.length()];
     * }</pre>
     *
     * @param size the message's total length in bytes, header included, uncompressed
     * @param offset where in the message the size was read (4: the header's length field; 8: the uncompressed size
     *     of a compressed message), or -1 when it was not read from the message
     * @throws QLimitException ({@link QLimitException.Limit#MESSAGE_SIZE}) when {@code size} is over the limit
     */
    public void checkMessageSize(long size, long offset) {
        long max = Math.min(maxMessageSize, JVM_MAX_MESSAGE);
        if (size > max) {
            throw new QLimitException("message of " + size + " bytes is over the limit of " + max + " bytes"
                    + (maxMessageSize < JVM_MAX_MESSAGE ? " (raise DecodeLimits.maxMessageSize to accept it)"
                            : ", the most a Java array can hold"),
                    offset, QLimitException.Limit.MESSAGE_SIZE, max, size);
        }
    }

    /**
     * Checks the nesting level of a value about to be decoded: the message's value is at level 0, the items of a
     * list, of a dictionary's keys and values, of a table and of a function at one level more than it.
     *
     * <pre>{@code
     * limits.checkDepth(depth + 1, offset);   // before reading the items of a list at level depth
     * }</pre>
     *
     * @param depth the level of the value about to be read
     * @param offset where in the message that value starts (counted from the message's first byte), or -1
     * @throws QLimitException ({@link QLimitException.Limit#DEPTH}) when {@code depth} is over
     *     {@link #maxDepth()}
     */
    public void checkDepth(int depth, long offset) {
        if (depth > maxDepth) {
            throw new QLimitException("nesting deeper than " + maxDepth
                    + " levels (raise DecodeLimits.maxDepth to accept it)", offset, QLimitException.Limit.DEPTH,
                    maxDepth, depth);
        }
    }
}
