package dev.q4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * README.md's Spark snippet (between the markers; q4j-examples' ReadmeSnippetsTest compares it with the README,
 * which this module's tests run in {@code IpcSourceIT.theReadmeExampleReadsFilesAndALiveKdb}). It lives here, not in
 * q4j-examples, because only this module may depend on Spark.
 */
final class ReadmeExample {
    private ReadmeExample() {
    }

    /** {@return the sizes by symbol read from the files, and the live table} */
    static List<Dataset<Row>> run(SparkSession spark, String hdbDirectory, String host, int port) {
        // readme:begin
        Dataset<Row> trade = spark.read().format("kdb").option("table", "trade").load(hdbDirectory);
        Dataset<Row> sizes = trade.filter(col("date").between("2024-01-02", "2024-01-05")
                        .and(col("sym").isin("S1", "S7")))
                .groupBy("sym").agg(sum("size"));

        Dataset<Row> live = spark.read().format("kdb")
                .option("host", host).option("port", port).option("user", "spark").option("password", "secret")
                .option("table", "trade").option("from", "2024-01-02").option("to", "2024-01-05").load();
        // readme:end
        return List.of(sizes, live);
    }
}
