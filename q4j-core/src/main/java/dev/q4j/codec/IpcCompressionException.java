package dev.q4j.codec;

/**
 * A compressed kdb+ IPC message cannot be decompressed: its header, its declared uncompressed size or its compressed
 * stream is malformed, or the declared size breaks the caller's limit. The message names what was wrong and the byte
 * offset (counted from the start of the message) where it was found.
 */
public final class IpcCompressionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong, including the offset where it was found
     */
    public IpcCompressionException(String message) {
        super(message);
    }
}
