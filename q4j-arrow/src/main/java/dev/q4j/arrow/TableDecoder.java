package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/** Converts Arrow record batches into q tables (skeleton: filled in by the next commits). */
final class TableDecoder {
    /** One record batch's columns, converted. */
    record Batch(List<dev.q4j.value.QSequence> columns) {
    }

    private TableDecoder() {
    }

    static Batch batch(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    static QValue decode(List<Batch> batches, Schema schema) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
