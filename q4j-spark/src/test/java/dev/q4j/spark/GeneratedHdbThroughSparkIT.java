package dev.q4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbTable;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A generated database of 10M rows over 20 date partitions (written by q4j-hdb's KdbWriter into a temporary
 * directory, deleted after): counts, sums and pushed-down filters through Spark equal what q4j-hdb computes
 * directly from the same files.
 */
class GeneratedHdbThroughSparkIT {
    static final int PARTITIONS = 20;
    static final int ROWS = 500_000;
    private static Path db;
    private static List<String> dates;
    private static SparkSession spark;
    private static Dataset<Row> trade;

    @BeforeAll
    static void start() throws IOException {
        db = Files.createTempDirectory("q4j-spark-hdb");
        dates = GeneratedHdb.write(db, PARTITIONS, ROWS);
        spark = SparkTests.session("generated");
        trade = spark.read().format("kdb").option("table", "trade").load(db.toString());
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        if (db != null) {
            try (Stream<Path> files = Files.walk(db)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** count, sum of size, sum of non-null prices, computed from q4j-hdb's own reads */
    record Totals(long count, long size, double price) {
    }

    private static Totals direct(Predicate<String> partition, Set<String> symbols) {
        HdbTable t = Hdb.open(db).table("trade").columns("sym", "price", "size");
        long n = 0;
        long size = 0;
        double price = 0;
        for (String p : dates) {
            if (!partition.test(p)) {
                continue;
            }
            QTable b = t.partitions(p).read();
            QSymbolVector s = (QSymbolVector) b.column("sym");
            QFloatVector pr = (QFloatVector) b.column("price");
            QLongVector sz = (QLongVector) b.column("size");
            for (int r = 0; r < b.count(); r++) {
                if (symbols == null || symbols.contains(s.get(r))) {
                    n++;
                    size += sz.get(r);
                    if (!pr.isNull(r)) {
                        price += pr.get(r);
                    }
                }
            }
        }
        return new Totals(n, size, price);
    }

    private static void assertTotals(Dataset<Row> ds, Totals expected) {
        Row r = ds.agg(count(lit(1)), sum("size"), sum("price")).first();
        assertThat(r.getLong(0)).as("count").isEqualTo(expected.count());
        assertThat(expected.count() == 0 ? null : r.get(1)).as("sum size")
                .isEqualTo(expected.count() == 0 ? null : expected.size());
        if (expected.count() > 0) {
            assertThat(r.getDouble(2)).as("sum price").isCloseTo(expected.price(), within(1e-6 * expected.price()));
        }
    }

    private static LocalDate day(int i) {
        return GeneratedHdb.FIRST.plusDays(i);
    }

    @Test
    void countsAndSumsOfAFullScanEqualQ4jHdbs() {
        assertThat(trade.count()).isEqualTo((long) PARTITIONS * ROWS);
        assertThat(trade.rdd().getNumPartitions()).as("a Spark partition per database partition")
                .isEqualTo(PARTITIONS);
        Dataset<Row> sizes = trade.agg(sum("size"));
        sizes.collectAsList();
        assertThat(sizes.queryExecution().executedPlan().toString()).as("columnar batches, Spark's final plan")
                .contains("isFinalPlan=true").contains("ColumnarToRow").contains("BatchScan kdb:trade[size#");
        assertTotals(trade, direct(p -> true, null));
        Row times = trade.agg(min("time"), max("time"), min("date"), max("date")).first();
        HdbTable t = Hdb.open(db).table("trade").columns("time");
        QTimestampVector first = (QTimestampVector) t.partitions(dates.get(0)).read().column("time");
        QTimestampVector last = (QTimestampVector) t.partitions(dates.get(PARTITIONS - 1)).read().column("time");
        assertThat(times.get(0)).isEqualTo(first.at(0).toLocalDateTime().truncatedTo(
                java.time.temporal.ChronoUnit.MICROS));
        assertThat(times.get(1)).isEqualTo(last.at(ROWS - 1).toLocalDateTime().truncatedTo(
                java.time.temporal.ChronoUnit.MICROS));
        assertThat(times.get(2)).isEqualTo(day(0));
        assertThat(times.get(3)).isEqualTo(day(PARTITIONS - 1));
    }

    @Test
    void countsBySymbolEqualQ4jHdbs() {
        Map<String, Long> expected = new HashMap<>();
        HdbTable t = Hdb.open(db).table("trade");
        for (String p : dates) {
            QSymbolVector s = t.enumeration(p, "sym").symbols();
            for (int r = 0; r < s.count(); r++) {
                expected.merge(s.isNull(r) ? null : s.get(r), 1L, Long::sum);
            }
        }
        Map<String, Long> got = new HashMap<>();
        for (Row r : trade.groupBy("sym").count().collectAsList()) {
            got.put(r.getString(0), r.getLong(1));
        }
        assertThat(got).isEqualTo(expected);
        assertThat(got).containsKey(null).hasSize(101);
    }

    @Test
    void partitionFiltersPruneThePartitionsAndEqualQ4jHdbs() {
        Dataset<Row> between = trade.filter(col("date").between(day(5), day(9)));
        assertThat(between.rdd().getNumPartitions()).isEqualTo(5);
        assertTotals(between, direct(p -> p.compareTo(name(5)) >= 0 && p.compareTo(name(9)) <= 0, null));
        Dataset<Row> in = trade.filter(col("date").isin(day(1), day(19), day(40)));
        assertThat(in.rdd().getNumPartitions()).isEqualTo(2);
        assertTotals(in, direct(p -> p.equals(name(1)) || p.equals(name(19)), null));
        Dataset<Row> after = trade.filter(col("date").gt(day(17)).or(col("date").lt(day(1))));
        assertThat(after.rdd().getNumPartitions()).isEqualTo(3);
        assertTotals(after, direct(p -> p.compareTo(name(17)) > 0 || p.equals(name(0)), null));
        assertThat(trade.filter(col("date").equalTo(day(-1))).count()).isZero();
        assertThat(trade.filter(col("date").equalTo(day(-1))).rdd().getNumPartitions()).isZero();
    }

    @Test
    void symbolFiltersChooseRowsByIndexAndEqualQ4jHdbs() {
        Dataset<Row> two = trade.filter(col("date").between(day(5), day(9)).and(col("sym").isin("S1", "S7")));
        assertThat(two.queryExecution().executedPlan().toString()).contains("symbol filters {sym=[S1, S7]}");
        assertTotals(two, direct(p -> p.compareTo(name(5)) >= 0 && p.compareTo(name(9)) <= 0, Set.of("S1", "S7")));
        assertTotals(trade.filter(col("sym").equalTo("S3")), direct(p -> true, Set.of("S3")));
        assertTotals(trade.filter(col("sym").equalTo("S3").and(col("sym").equalTo("S4"))), new Totals(0, 0, 0));
        assertThat(trade.filter(col("sym").equalTo("NOPE")).count()).isZero();
        // a symbol column filtered but not selected is still read for the filter
        assertThat(trade.filter(col("sym").equalTo("S3")).select("size").count())
                .isEqualTo(direct(p -> true, Set.of("S3")).count());
    }

    @Test
    void filtersSparkKeepsAreStillAppliedByIt() {
        Dataset<Row> ds = trade.filter(col("date").equalTo(day(3)).and(col("price").gt(150))
                .and(col("sym").equalTo("S2")));
        long expected = 0;
        HdbTable t = Hdb.open(db).table("trade").columns("sym", "price").partitions(name(3));
        QTable b = t.read();
        for (int r = 0; r < b.count(); r++) {
            QFloatVector p = (QFloatVector) b.column("price");
            if (((QSymbolVector) b.column("sym")).get(r).equals("S2") && !p.isNull(r) && p.get(r) > 150) {
                expected++;
            }
        }
        assertThat(ds.count()).isEqualTo(expected).isPositive();
        assertThat(trade.filter(col("price").isNull()).count()).as("q's null floats are Spark's nulls")
                .isEqualTo(nullPrices());
    }

    private static long nullPrices() {
        long n = 0;
        HdbTable t = Hdb.open(db).table("trade").columns("price");
        for (QTable b : t.batches()) {
            QFloatVector p = (QFloatVector) b.column("price");
            for (int r = 0; r < p.count(); r++) {
                n += p.isNull(r) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void rowsOfOnePartitionEqualQ4jHdbsRowByRow() {
        List<Row> rows = trade.filter(col("date").equalTo(day(4)).and(col("sym").equalTo("S5"))).collectAsList();
        QTable b = Hdb.open(db).table("trade").partitions(name(4)).read();
        QSymbolVector s = (QSymbolVector) b.column("sym");
        int i = 0;
        for (int r = 0; r < b.count(); r++) {
            if (!s.get(r).equals("S5")) {
                continue;
            }
            Row row = rows.get(i++);
            for (int c = 0; c < b.columnNames().size(); c++) {
                assertThat(row.get(c)).as("%s row %d", b.columnNames().get(c), r)
                        .isEqualTo(SparkTests.expected(b.columns().get(c).at(r)));
            }
        }
        assertThat(rows).hasSize(i);
        assertThat(i).isGreaterThan(4000);
    }

    @Test
    void timestampsAsLongKeepTheirNanoseconds() {
        Dataset<Row> nanos = spark.read().format("kdb").option("table", "trade").option("timestampAs", "long")
                .load(db.toString());
        assertThat(nanos.schema().apply("time").dataType().simpleString()).isEqualTo("bigint");
        Row r = nanos.filter(col("date").equalTo(day(2))).agg(min("time"), max("time")).first();
        QTimestampVector t = (QTimestampVector) Hdb.open(db).table("trade").columns("time").partitions(name(2))
                .read().column("time");
        assertThat(r.getLong(0)).isEqualTo(t.get(0) + 946_684_800_000_000_000L);
        assertThat(r.getLong(1)).isEqualTo(t.get(ROWS - 1) + 946_684_800_000_000_000L);
        LocalDateTime micros = (LocalDateTime) trade.filter(col("date").equalTo(day(2))).agg(min("time")).first()
                .get(0);
        assertThat(micros.getNano() % 1000).as("Spark's timestamps hold microseconds").isZero();
        assertThat(t.get(0) % 1000).as("the generated times have nanoseconds to lose").isNotZero();
    }

    @Test
    void splitsOfAtMostSoManyRowsCoverEveryRowOnce() {
        Dataset<Row> split = spark.read().format("kdb").option("table", "trade").option("maxRowsPerSplit", "150000")
                .load(db.toString()).filter(col("date").lt(day(2)));
        assertThat(split.rdd().getNumPartitions()).isEqualTo(8);
        assertTotals(split, direct(p -> p.compareTo(name(2)) < 0, null));
        Dataset<Row> packed = spark.read().format("kdb").option("table", "trade")
                .option("minRowsPerSplit", "1200000").load(db.toString());
        assertThat(packed.rdd().getNumPartitions()).as("3 partitions of 500000 rows a split, then 2").isEqualTo(7);
        assertTotals(packed, direct(p -> true, null));
        assertTotals(packed.filter(col("sym").equalTo("S9").and(col("date").geq(day(4)))),
                direct(p -> p.compareTo(name(4)) >= 0, Set.of("S9")));
        Dataset<Row> capped = spark.read().format("kdb").option("table", "trade").option("minRowsPerSplit", "1200000")
                .option("maxRowsPerSplit", "1000000").load(db.toString());
        assertThat(capped.rdd().getNumPartitions()).as("never more than maxRowsPerSplit").isEqualTo(10);
        assertThat(capped.count()).isEqualTo((long) PARTITIONS * ROWS);
    }

    private static String name(int i) {
        return day(i).toString().replace('-', '.');
    }
}
