package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.types.pojo.Schema;

/** Converts q tables of one shape into Arrow vectors (skeleton: filled in by the next commits). */
final class TableEncoder {
    /** A table's rows as columns, key columns first. */
    interface Rows {
        int count();
    }

    static TableEncoder of(QValue table, ArrowOptions options) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    Schema messageSchema() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    ArrowTable newTable(BufferAllocator allocator) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    Rows rowsOf(QValue table) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    void encode(Rows rows, int from, int to, VectorSchemaRoot root, Map<Long, Dictionary> dictionaries) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
