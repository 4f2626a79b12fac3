package dev.q4j.codec;

/**
 * Whether the encoder compresses a message.
 *
 * <pre>{@code
 * byte[] b = new Encoder().encode(MessageType.ASYNC, value, Compression.KDB);
 * }</pre>
 */
public enum Compression {
    /** never compress */
    NEVER,
    /**
     * kdb+'s rules, as {@code -18!} applies them: only a message over 2000 bytes, and only when the result is under
     * half the size. (kdb+ also skips compression for peers on localhost; that is the transport's decision.)
     */
    KDB,
    /** compress whatever the size, whenever kdb+'s compressor gets it under half the size */
    ALWAYS
}
