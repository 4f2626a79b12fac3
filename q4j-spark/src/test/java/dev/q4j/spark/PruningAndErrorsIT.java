package dev.q4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.KdbWriter;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Column pruning proven by a broken file: a scan that does not ask for the column never opens it. And the errors a
 * user meets through Spark name what is wrong.
 */
class PruningAndErrorsIT {
    private static SparkSession spark;
    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkTests.session("pruning");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    /** the corpus's ORD partition and its domain, copied, with the price file's header broken */
    private Path brokenPrice() throws IOException {
        Path corpus = SparkTests.corpus().resolve("kdb_sample");
        Path db = tmp.resolve("db");
        Path ord = db.resolve("2022.12.05/ORD");
        Files.createDirectories(ord);
        Files.copy(corpus.resolve("sym_ORD"), db.resolve("sym_ORD"));
        try (Stream<Path> files = Files.list(corpus.resolve("2022.12.05/ORD"))) {
            for (Path f : files.toList()) {
                Files.copy(f, ord.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        byte[] price = Files.readAllBytes(ord.resolve("price"));
        price[0] = 0x42;
        Files.write(ord.resolve("price"), price);
        return db;
    }

    @Test
    void aColumnNotAskedForIsNeverOpened() throws IOException {
        Path db = brokenPrice();
        QTable direct = Hdb.open(db).table("ORD").columns("code", "volume").read();
        StructType schema = new StructType().add("date", DataTypes.DateType).add("code", DataTypes.StringType)
                .add("volume", DataTypes.DoubleType).add("price", DataTypes.DoubleType);
        Dataset<Row> ord = spark.read().format("kdb").schema(schema).option("table", "ORD").load(db.toString());
        List<Row> rows = ord.select("code", "volume").collectAsList();
        assertThat(rows).hasSize(direct.count());
        assertThat(rows.get(17).getString(0)).isEqualTo(SparkTests.expected(direct.column("code").at(17)));
        assertThat(ord.filter(col("code").equalTo(rows.get(17).getString(0))).count()).isPositive();
        assertThatThrownBy(() -> ord.select("price").collectAsList()).hasStackTraceContaining("price")
                .hasStackTraceContaining("HdbException");
    }

    @Test
    void monthAndIntPartitionsArePrunedByTheirColumn() {
        QTable byMonth = QTable.of(List.of("month", "x"), List.of(QMonthVector.of(0, 1, 2, 3, 3),
                QLongVector.of(1, 2, 3, 4, 5)));
        KdbWriter.writePartitioned(tmp.resolve("m"), "t", byMonth);
        Dataset<Row> m = spark.read().format("kdb").option("table", "t").load(tmp.resolve("m").toString());
        Dataset<Row> between = m.filter(col("month").between(LocalDate.of(2000, 2, 1), LocalDate.of(2000, 3, 31)));
        assertThat(between.rdd().getNumPartitions()).isEqualTo(2);
        assertThat(between.agg(sum("x")).first().getLong(0)).isEqualTo(5);
        assertThat(m.filter(col("month").geq(LocalDate.of(2000, 3, 15))).agg(sum("x")).first().getLong(0))
                .as("2000.04 only: the month column holds first days").isEqualTo(9);
        QTable byInt = QTable.of(List.of("int", "x"), List.of(QIntVector.of(5, 6, 7, 7), QLongVector.of(1, 2, 3, 4)));
        KdbWriter.writePartitioned(tmp.resolve("i"), "t", byInt);
        Dataset<Row> i = spark.read().format("kdb").option("table", "t").load(tmp.resolve("i").toString());
        Dataset<Row> in = i.filter(col("int").isin(5, 7));
        assertThat(in.rdd().getNumPartitions()).isEqualTo(2);
        assertThat(in.agg(sum("x")).first().getLong(0)).isEqualTo(8);
        assertThat(i.filter(col("int").gt(5).and(col("int").lt(7))).agg(sum("x")).first().getLong(0)).isEqualTo(2);
    }

    @Test
    void schemaInferenceNamesTheBrokenFile() throws IOException {
        Path db = brokenPrice();
        assertThatThrownBy(() -> spark.read().format("kdb").option("table", "ORD").load(db.toString()))
                .hasMessageContaining("price");
    }

    @Test
    void badTablesAndSchemasAreClearErrors() {
        String sample = SparkTests.corpus().resolve("kdb_sample").toString();
        assertThatThrownBy(() -> spark.read().format("kdb").option("table", "nope").load(sample))
                .hasMessageContaining("no table nope");
        assertThatThrownBy(() -> spark.read().format("kdb").load(sample))
                .hasMessageContaining("option table is missing");
        StructType wrongType = new StructType().add("code", DataTypes.LongType);
        assertThatThrownBy(() -> spark.read().format("kdb").schema(wrongType).option("table", "ORD").load(sample)
                .collectAsList()).hasStackTraceContaining("kdb column code holds symbols (Spark string) where the"
                        + " schema says bigint");
        StructType unknown = new StructType().add("nope", DataTypes.LongType);
        assertThatThrownBy(() -> spark.read().format("kdb").schema(unknown).option("table", "ORD").load(sample))
                .hasMessageContaining("names a column nope that table ORD lacks");
    }
}
