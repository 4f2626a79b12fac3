package dev.q4j.codec;

import dev.q4j.QProtocolException;

/**
 * A compressed kdb+ IPC message cannot be decompressed: its header, its declared uncompressed size or its compressed
 * stream is malformed. The message names what was wrong and {@link #offset()} the byte (counted from the start of
 * the message) where it was found. A declared size over the caller's limit is a {@link dev.q4j.QLimitException}
 * instead; both are {@link QProtocolException}s.
 *
 * <pre>{@code
 * try {
 *     byte[] plain = IpcCompression.decompress(message, limits.maxMessageSize());
 * } catch (IpcCompressionException e) {
 *     log("corrupt compressed message at byte " + e.offset() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class IpcCompressionException extends QProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, without the offset (which this appends)
     * @param offset byte offset from the start of the message where it was found
     */
    public IpcCompressionException(String message, long offset) {
        super(message, offset);
    }
}
