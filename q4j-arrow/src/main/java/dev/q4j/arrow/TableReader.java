package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.io.IOException;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Streams q tables as record batches: each table cut into batches of at most {@link ArrowOptions#batchRows()} rows,
 * converted when the consumer asks for the next, into the reader's one set of vectors (whose memory is reused when
 * no consumer still holds the previous batch's buffers).
 */
final class TableReader extends ArrowReader {
    private final Iterator<? extends QValue> tables;
    private final ArrowOptions options;
    private final TableEncoder encoder;
    private TableEncoder.Rows current;
    private int next;

    TableReader(BufferAllocator allocator, Iterator<? extends QValue> tables, ArrowOptions options) {
        super(allocator);
        this.tables = tables;
        this.options = options;
        if (!tables.hasNext()) {
            throw new QArrowException(null, -1, "no table to read: the first table gives the schema");
        }
        QValue first = tables.next();
        this.encoder = TableEncoder.of(first, options);
        this.current = encoder.rowsOf(first);
    }

    /** Gives every batch one dictionary per symbol column, made of every symbol of {@code tables}. */
    void useDictionariesOf(Iterable<? extends QValue> tables) {
        encoder.collectSymbols(tables);
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        while (next >= current.count()) {
            if (!tables.hasNext()) {
                return false;
            }
            current = encoder.rowsOf(tables.next());
            next = 0;
        }
        int to = (int) Math.min((long) next + options.batchRows(), current.count());
        encoder.encode(current, next, to, getVectorSchemaRoot(), getDictionaryVectors());
        next = to;
        return true;
    }

    /** {@return 0: nothing is read, the tables are already in memory} */
    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // the tables belong to the caller
    }

    @Override
    protected Schema readSchema() {
        return encoder.messageSchema();
    }
}
