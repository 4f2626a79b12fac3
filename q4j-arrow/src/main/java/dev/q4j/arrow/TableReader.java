package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.io.IOException;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** Streams q tables as record batches (skeleton: filled in by the next commits). */
final class TableReader extends ArrowReader {
    TableReader(BufferAllocator allocator, Iterator<? extends QValue> tables, ArrowOptions options) {
        super(allocator);
        throw new UnsupportedOperationException("not yet implemented");
    }

    void useDictionariesOf(Iterable<? extends QValue> tables) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
    }

    @Override
    protected Schema readSchema() {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
