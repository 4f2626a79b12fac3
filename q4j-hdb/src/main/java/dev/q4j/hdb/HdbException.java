package dev.q4j.hdb;

import dev.q4j.Q4jException;
import java.nio.file.Path;

/**
 * A kdb+ file that cannot be read as what it claims to be, or a layout q4j does not know: the message names the
 * file and, where there is one, the byte offset of what was wrong.
 *
 * <pre>{@code
 * try {
 *     KdbFiles.read(Path.of("/data/hdb/2024.01.02/trade/price"));
 * } catch (HdbException e) {
 *     System.err.println(e.file() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public final class HdbException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /** the file, as a string (paths are not serializable) */
    private final String file;
    private final long offset;

    /**
     * @param file the file
     * @param offset the byte offset of what was wrong, or -1 for the file as a whole
     * @param message what was wrong
     */
    HdbException(Path file, long offset, String message) {
        super(file + (offset >= 0 ? " at offset " + offset : "") + ": " + message);
        this.file = String.valueOf(file);
        this.offset = offset;
    }

    /**
     * @param file the file
     * @param offset the byte offset of what was wrong, or -1 for the file as a whole
     * @param message what was wrong
     * @param cause the underlying failure
     */
    HdbException(Path file, long offset, String message, Throwable cause) {
        super(file + (offset >= 0 ? " at offset " + offset : "") + ": " + message, cause);
        this.file = String.valueOf(file);
        this.offset = offset;
    }

    /** {@return the file that could not be read} */
    public Path file() {
        return Path.of(file);
    }

    /** {@return the byte offset of what was wrong in the (uncompressed) file, or -1 when it is the file as a whole} */
    public long offset() {
        return offset;
    }
}
