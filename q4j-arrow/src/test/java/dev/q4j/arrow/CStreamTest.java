package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.Test;

/**
 * The reader through Arrow's C stream interface, as DuckDB consumes it ({@code Data.exportArrayStream}): exported,
 * imported back by arrow-c-data's own importer, every batch read with its own dictionary.
 */
class CStreamTest extends ArrowMemoryTest {
    @Test
    void batchesCrossTheCStreamInterfaceWithTheirDictionaries() throws Exception {
        QTable a = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("IBM", "MSFT", "IBM", "AAPL", "IBM"),
                QFloatVector.of(1, 2, 3, 4, 5)));
        QTable b = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("GOOG", "", "IBM"),
                QFloatVector.of(6, Double.NaN, 8)));
        ArrowOptions two = ArrowOptions.builder().batchRows(2).build();
        List<QValue> batches = new ArrayList<>();
        try (ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            try (ArrowReader reader = QArrow.reader(allocator, List.of(a, b), two)) {
                Data.exportArrayStream(allocator, reader, stream);
                try (ArrowReader imported = Data.importArrayStream(allocator, stream)) {
                    while (imported.loadNextBatch()) {
                        batches.add(QArrow.toQ(imported.getVectorSchemaRoot(), imported));
                    }
                }
            }
        }
        assertThat(batches).containsExactly(
                table(QSymbolVector.of("IBM", "MSFT"), QFloatVector.of(1, 2)),
                table(QSymbolVector.of("IBM", "AAPL"), QFloatVector.of(3, 4)),
                table(QSymbolVector.of("IBM"), QFloatVector.of(5)),
                table(QSymbolVector.of("GOOG", ""), QFloatVector.of(6, Double.NaN)),
                table(QSymbolVector.of("IBM"), QFloatVector.of(8)));
    }

    /**
     * A consumer may keep a batch while it asks for the next: the reader then writes the next into fresh memory,
     * not into buffers the kept batch still uses.
     */
    @Test
    void aBatchKeptByItsConsumerDoesNotChangeWhenTheNextIsLoaded() throws Exception {
        QTable t = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("a", "b", "c", "d"),
                QFloatVector.of(1, 2, 3, 4).withAttribute(Attribute.NONE)));
        ArrowOptions two = ArrowOptions.builder().batchRows(2).build();
        try (ArrowReader reader = QArrow.reader(allocator, List.of(t), two)) {
            assertThat(reader.loadNextBatch()).isTrue();
            try (org.apache.arrow.vector.VectorSchemaRoot kept = reader.getVectorSchemaRoot().slice(0)) {
                // slice shares the buffers (their reference counts go up), as an exported batch does
                assertThat(reader.loadNextBatch()).isTrue();
                assertThat(((org.apache.arrow.vector.Float8Vector) kept.getVector("px")).get(1)).isEqualTo(2.0);
                assertThat(QArrow.toQ(reader.getVectorSchemaRoot(), reader))
                        .isEqualTo(table(QSymbolVector.of("c", "d"), QFloatVector.of(3, 4)));
            }
        }
    }

    private static QTable table(QSymbolVector sym, QFloatVector px) {
        return QTable.of(List.of("sym", "px"), List.of(sym, px));
    }
}
