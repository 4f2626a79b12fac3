package dev.q4j.examples;

// readme:begin
import dev.q4j.hdb.*;
// readme:end
import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The README's "kdb+ files": a date-partitioned database read from disk with no kdb+ process. The example first
 * writes one, as kdb+ lays it out ({@link KdbWriter}, two days of a trade table enumerated against {@code sym}), in a
 * temporary folder that it deletes afterwards.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.HdbExample}
 */
public final class HdbExample {
    private HdbExample() {
    }

    /**
     * Runs it, printing what the README's comments say.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("q4j-hdb-example");
        try {
            KdbWriter.writeSplayed(root.resolve("2024.01.02/trade"), (QTable) QText.parse(
                    "([] sym:`IBM`MSFT`IBM; price:187.25 410.5 187.5; size:100 200 300)"), root.resolve("sym"));
            KdbWriter.writeSplayed(root.resolve("2024.01.03/trade"), (QTable) QText.parse(
                    "([] sym:`MSFT`IBM; price:411.0 188.0; size:50 75)"), root.resolve("sym"));
            Path dir = root;
            // readme:begin
            Hdb hdb = Hdb.open(dir);                       // a database root: par.txt, partitions, sym
            System.out.println(hdb.tables());              // [trade]
            System.out.println(hdb.partitions());          // [2024.01.02, 2024.01.03]
            HdbTable trade = hdb.table("trade");
            System.out.println(trade.schema());            // names, types, attributes: from the files' headers
            QTable day = trade.partitions("2024.01.03").columns("sym", "price").read();   // reads only those files
            System.out.println(day);                       // +`sym`price!(`MSFT`IBM;411 188f)
            for (QTable slice : trade.batches(2)) {        // a partition's rows at most 2 at a time, mapped in place
                System.out.println(slice.count());         // 2, 1, 2
            }
            // readme:end
        } finally {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
