package dev.q4j.examples;

// readme:begin
import dev.q4j.duckdb.QDuckDB;
// readme:end
import dev.q4j.client.QConnection;
import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The README's SQL: a q table queried with DuckDB in-process, the result published to kdb+ (a {@link FakeKdb}
 * here), and Parquet files written. On Java 17 the JVM needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED}
 * (q4j.jar's manifest carries it).
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.SqlExample}
 */
public final class SqlExample {
    private SqlExample() {
    }

    /**
     * Runs it in a temporary folder, printing the result and the files' sizes, and deletes the folder.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        QTable trades = (QTable) QText.parse("([] time:2024.01.02D09:30:00 2024.01.02D09:30:01 2024.01.02D09:30:02; "
                + "sym:`IBM`MSFT`IBM; price:101.5 410.25 102.5; size:100 200 300)");
        Path dir = Files.createTempDirectory("q4j-sql-example");
        try (FakeKdb kdb = FakeKdb.start(Map.of());
             QConnection q = QConnection.connect("localhost:" + kdb.port())) {
            // readme:begin
            try (QDuckDB db = QDuckDB.inMemory()) {
                db.register("trade", trades);      // a view over an Arrow C stream; query it any number of times
                QTable avg = db.query("SELECT sym, avg(price) AS price, sum(size) AS size FROM trade GROUP BY sym");
                q.send(".u.upd", "avgs", avg);     // VARCHAR comes back as symbols, sum(size) as long
                db.copyToParquet("SELECT * FROM trade WHERE sym = 'IBM'", dir.resolve("ibm.parquet"));
            }
            QDuckDB.writeParquet(trades, dir.resolve("trade.parquet"));
            // readme:end
            q.sync();
            System.out.println("kdb+ received: " + kdb.received());
            try (var files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    System.out.println(f.getFileName() + ": " + Files.size(f) + " bytes");
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }
}
