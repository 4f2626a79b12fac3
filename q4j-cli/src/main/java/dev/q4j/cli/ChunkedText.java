package dev.q4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Text built in a buffer and handed to a sink in chunks, so that a large result streams out instead of being held
 * whole: what the JSON and CSV writers share.
 */
abstract class ChunkedText {
    /** flush to the sink past this many buffered characters */
    private static final int CHUNK = 1 << 14;

    /** the text not yet handed to the sink */
    final StringBuilder sb = new StringBuilder();
    private final Appendable sink;

    ChunkedText(Appendable sink) {
        this.sink = sink;
    }

    /** Hands the buffer to the sink once it holds a chunk. */
    final void maybeFlush() {
        if (sb.length() >= CHUNK) {
            flush();
        }
    }

    /**
     * Hands the buffer to the sink.
     *
     * @throws UncheckedIOException when the sink fails
     */
    final void flush() {
        try {
            sink.append(sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sb.setLength(0);
    }
}
