package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A q table converted to Arrow: a {@link VectorSchemaRoot} and the dictionaries of its symbol columns, which own
 * Arrow memory until {@link #close()}. Made by {@link QArrow#toArrow(QValue, org.apache.arrow.memory.BufferAllocator)};
 * {@link #load(QValue)} converts another table of the same columns into the same vectors, reusing their memory.
 *
 * <p>A symbol column is dictionary-encoded: {@link #root()} holds its indices (Int32) and {@link #dictionaries()}
 * the distinct symbols (Utf8), under the id in the field's {@code DictionaryEncoding}. Each load makes new
 * dictionaries: the distinct symbols of that table, in order of first appearance.
 *
 * <pre>{@code
 * try (BufferAllocator allocator = new RootAllocator();
 *      ArrowTable arrow = QArrow.toArrow(trades, allocator)) {
 *     VectorSchemaRoot root = arrow.root();
 *     BigIntVector size = (BigIntVector) root.getVector("size");
 *     arrow.load(moreTrades);                      // same vectors, new values
 * }
 * }</pre>
 */
public final class ArrowTable implements AutoCloseable {
    private final TableEncoder encoder;
    private final VectorSchemaRoot root;
    private final Map<Long, Dictionary> dictionaries;
    private final DictionaryProvider provider;
    private boolean closed;

    ArrowTable(TableEncoder encoder, VectorSchemaRoot root, Map<Long, Dictionary> dictionaries) {
        this.encoder = encoder;
        this.root = root;
        this.dictionaries = dictionaries;
        this.provider = new DictionaryProvider() {
            @Override
            public Dictionary lookup(long id) {
                return dictionaries.get(id);
            }

            @Override
            public Set<Long> getDictionaryIds() {
                return dictionaries.keySet();
            }
        };
    }

    /** {@return the vectors: the columns in q's order, key columns first for a keyed table} */
    public VectorSchemaRoot root() {
        checkOpen();
        return root;
    }

    /** {@return the dictionaries of the symbol columns, by the ids in their fields' dictionary encodings} */
    public DictionaryProvider dictionaries() {
        checkOpen();
        return provider;
    }

    /**
     * {@return the schema of {@link #root()}: a symbol column's field has the index type (Int32) and the dictionary
     * encoding; each field's metadata holds its q type ({@value QArrow#TYPE}) and attribute ({@value
     * QArrow#ATTRIBUTE}), the schema's the number of key columns ({@value QArrow#KEYS})}
     */
    public Schema schema() {
        checkOpen();
        return root.getSchema();
    }

    /** {@return the number of rows loaded} */
    public int rowCount() {
        checkOpen();
        return root.getRowCount();
    }

    /**
     * Converts another table into these vectors, replacing the rows and the dictionaries, reusing the memory where
     * it is large enough. Vectors taken from {@link #root()} stay valid and show the new rows.
     *
     * @param table a table ({@code QTable}) or keyed table ({@code QKeyedTable}) with the same column names and types
     *     (and key columns) as the first
     * @return this holder
     * @throws QArrowException when the table's columns differ from the first table's, or a value cannot be
     *     converted (the message names the column and row); the holder then has no rows, never some columns of
     *     the new table beside others of the old
     * @throws IllegalStateException when this holder is closed
     */
    public ArrowTable load(QValue table) {
        checkOpen();
        Objects.requireNonNull(table, "table");
        TableEncoder.Rows rows = encoder.rowsOf(table);
        try {
            encoder.encode(rows, 0, rows.count(), root, dictionaries);
        } catch (RuntimeException e) {
            // a column failed half-way: columns already written hold the new rows, the rest the old ones
            for (FieldVector v : root.getFieldVectors()) {
                v.setValueCount(0);
            }
            root.setRowCount(0);
            throw e;
        }
        return this;
    }

    /** Frees the Arrow memory of the vectors and dictionaries. Closing twice does nothing. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            root.close();
            dictionaries.values().forEach(d -> d.getVector().close());
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this ArrowTable is closed");
        }
    }
}
