package dev.q4j.examples;

// readme:begin
import dev.q4j.arrow.*;
// readme:end
import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The README's Arrow: a q table as Arrow vectors, reused for the next table, streamed batch by batch, and written
 * to an Arrow file and read back. On Java 17 the JVM needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED}
 * (q4j.jar's manifest carries it).
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.ArrowExample}
 */
public final class ArrowExample {
    private ArrowExample() {
    }

    /**
     * Runs it in a temporary folder, printing what it sees, and deletes the folder at the end.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        QTable trades = (QTable) QText.parse("([] time:2024.01.02D09:30:00 2024.01.02D09:30:01; sym:`IBM`MSFT; "
                + "price:101.5 410.25; size:100 200)");
        QTable moreTrades = (QTable) QText.parse("([] time:2024.01.02D09:31:00 2024.01.02D09:31:01; sym:`IBM`IBM; "
                + "price:101.75 102.0; size:300 400)");
        List<QTable> pagesFromKdb = List.of(trades, moreTrades);
        Path dir = Files.createTempDirectory("q4j-arrow-example");
        // readme:begin
        try (BufferAllocator allocator = new RootAllocator();
             ArrowTable arrow = QArrow.toArrow(trades, allocator)) {   // VectorSchemaRoot + symbol dictionaries
            VectorSchemaRoot root = arrow.root();
            arrow.load(moreTrades);                                     // the same vectors, reused
            System.out.println("loaded: " + root.getRowCount() + " rows");   // readme:hide
            try (ArrowReader batches = QArrow.reader(allocator, pagesFromKdb, ArrowOptions.defaults())) {
                while (batches.loadNextBatch()) {                       // streamed, batch by batch
                    System.out.println(batches.getVectorSchemaRoot().contentToTSVString());
                }
            }
        }
        QArrow.writeFile(trades, dir.resolve("trades.arrow"));          // pyarrow, Polars, DuckDB, arrow JS read it
        QTable read = (QTable) QArrow.readFile(dir.resolve("trades.arrow"));   // equals trades: q types, attributes
        // readme:end
        System.out.println("read back equals trades: " + read.equals(trades));
        Files.delete(dir.resolve("trades.arrow"));
        Files.delete(dir);
    }
}
