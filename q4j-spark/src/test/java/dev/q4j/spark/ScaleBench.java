package dev.q4j.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;

import dev.q4j.duckdb.QDuckDB;
import dev.q4j.hdb.Enumeration;
import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbTable;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * bench/scale: a generated date-partitioned HDB (KdbWriter) scanned by q4j-hdb against a plain read of the same
 * files' bytes, then by Spark through the kdb source against Spark's own Parquet reader on the same rows written to
 * Parquet by DuckDB, in the same JVM and Spark session. Not a test: run by bench/scale.
 *
 * <pre>
 * ScaleBench [--partitions 20] [--rows 500000] [--runs 5] [--dir DIR (kept; else a temporary one, deleted)]
 *            [--only REGEX (only the Spark queries whose name matches; the files' scan is left out)]
 * </pre>
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options above
     * @throws IOException when the files cannot be written or read
     */
    public static void main(String[] args) throws IOException {
        int partitions = 20;
        int rows = 500_000;
        int runs = 5;
        Path dir = null;
        String only = ".*";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--partitions" -> partitions = Integer.parseInt(args[i + 1]);
                case "--rows" -> rows = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--only" -> only = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("q4j-scale") : dir;
        try {
            run(root, partitions, rows, runs, only);
        } finally {
            if (temporary) {
                delete(root);
            }
        }
    }

    private static void run(Path root, int partitions, int rows, int runs, String only) throws IOException {
        System.out.println("java " + System.getProperty("java.version") + " " + System.getProperty("java.vm.name")
                + "; " + Runtime.getRuntime().availableProcessors() + " cpus; max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB");
        System.out.println("jvm options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        Path hdb = root.resolve("hdb");
        Path parquet = root.resolve("parquet");
        long total = (long) partitions * rows;
        if (!Files.isDirectory(hdb)) {
            long t0 = System.nanoTime();
            GeneratedHdb.write(hdb, partitions, rows);
            System.out.printf("wrote the HDB: %d partitions of %d rows (%d rows) in %.1f s, %d MB%n", partitions,
                    rows, total, (System.nanoTime() - t0) / 1e9, size(hdb) >> 20);
        }
        if (!Files.isDirectory(parquet)) {
            long t0 = System.nanoTime();
            writeParquet(hdb, parquet);
            System.out.printf("wrote Parquet through DuckDB (a file per date) in %.1f s, %d MB%n",
                    (System.nanoTime() - t0) / 1e9, size(parquet) >> 20);
        }
        if (only.equals(".*")) {
            scanFiles(hdb, total, runs);
        }
        scanSpark(hdb, parquet, total, runs, only);
    }

    /** each partition's rows, with its date, through DuckDB to a Parquet file (timestamps as microseconds) */
    private static void writeParquet(Path hdb, Path parquet) throws IOException {
        Files.createDirectories(parquet);
        HdbTable t = Hdb.open(hdb).table("trade");
        try (QDuckDB db = QDuckDB.inMemory()) {
            for (String p : t.partitions()) {
                QTable day = t.partitions(p).read();
                // the time as nanoseconds since 1970, to microseconds in DuckDB (Spark reads no nanosecond Parquet)
                long[] nanos = ((QTimestampVector) day.column("time")).toArray();
                for (int i = 0; i < nanos.length; i++) {
                    nanos[i] += Vectors.EPOCH_NANOS;
                }
                List<dev.q4j.value.QSequence> cols = new ArrayList<>(day.columns());
                cols.set(day.indexOf("time"), QLongVector.wrap(nanos));
                db.register("day", QTable.of(day.columnNames(), cols));
                db.copyToParquet("SELECT date, sym, make_timestamp(time // 1000) AS time, price, size, bid, buy"
                        + " FROM day", parquet.resolve(p + ".parquet"));
                db.unregister("day");
            }
        }
    }

    /** q4j-hdb reading every column of every partition and touching each value, against reading the bytes */
    private static void scanFiles(Path hdb, long total, int runs) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(hdb)) {
            // the column files: not the .d files, nor the domain (read once per Hdb)
            s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")
                    && !f.equals(hdb.resolve("sym"))).forEach(files::add);
        }
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(8 << 20);
        LongSupplier plain = () -> {
            long n = 0;
            for (Path f : files) {
                try (FileChannel c = FileChannel.open(f, StandardOpenOption.READ)) {
                    buffer.clear();
                    while (c.read(buffer) > 0) {
                        n += buffer.position();
                        buffer.clear();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return n;
        };
        Hdb db = Hdb.open(hdb);
        LongSupplier q4j = () -> scanHdb(db);
        double plainMs = best(plain, runs);
        double q4jMs = best(q4j, runs);
        System.out.printf("files: q4j-hdb scan of %d rows (all 6 columns, every value touched): %.0f ms, %.1f M rows/s;"
                + " plain read of the same %d MB: %.0f ms (%.1f GB/s, %.1f M rows/s); q4j-hdb / plain = %.2f%n",
                total, q4jMs, total / q4jMs / 1e3, bytes >> 20, plainMs, bytes / plainMs / 1e6, total / plainMs / 1e3,
                q4jMs / plainMs);
    }

    private static long scanHdb(Hdb db) {
        HdbTable t = db.table("trade").columns("time", "price", "size", "bid", "buy");
        long check = 0;
        for (String p : t.partitions()) {
            QTable b = t.partitions(p).read();
            Enumeration sym = db.table("trade").enumeration(p, "sym");
            QLongVector idx = sym.indices();
            QTimestampVector time = (QTimestampVector) b.column("time");
            QFloatVector price = (QFloatVector) b.column("price");
            QLongVector size = (QLongVector) b.column("size");
            QRealVector bid = (QRealVector) b.column("bid");
            QBooleanVector buy = (QBooleanVector) b.column("buy");
            for (int r = 0, n = b.count(); r < n; r++) {
                check += idx.get(r) + time.get(r) + (long) price.get(r) + size.get(r) + (long) bid.get(r)
                        + (buy.get(r) ? 1 : 0);
            }
        }
        return check;
    }

    private static void scanSpark(Path hdb, Path parquet, long total, int runs, String only) {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("scale")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            System.out.println("spark " + spark.version() + ", master local[2], "
                    + "spark.sql.parquet.enableVectorizedReader="
                    + spark.conf().get("spark.sql.parquet.enableVectorizedReader") + ", columnarReaderBatchSize="
                    + spark.conf().get("spark.sql.parquet.columnarReaderBatchSize"));
            Dataset<Row> kdb = spark.read().format("kdb").option("table", "trade").load(hdb.toString());
            // the same source, small partitions packed into tasks of at least half the rows (as Spark's file
            // sources pack small files into about one task per core)
            Dataset<Row> packed = spark.read().format("kdb").option("table", "trade")
                    .option("minRowsPerSplit", Long.toString(Math.min(Integer.MAX_VALUE, total / 2)))
                    .option("maxRowsPerSplit", Integer.toString(Integer.MAX_VALUE)).load(hdb.toString());
            Dataset<Row> pq = spark.read().parquet(parquet.toString());
            System.out.println("tasks: kdb " + kdb.rdd().getNumPartitions() + ", kdb packed "
                    + packed.rdd().getNumPartitions() + ", parquet " + pq.rdd().getNumPartitions());
            List<String> names = List.of("sum(price), count", "count by sym", "all columns aggregated",
                    "sym in (S1, S7), sum(size)", "count by sym, in 2 tasks");
            List<Function<Dataset<Row>, Object>> queries = List.of(
                ds -> ds.agg(sum("price"), count(lit(1))).first(),
                ds -> ds.groupBy("sym").count().collectAsList().size(),
                ds -> ds.agg(max("time"), sum("price"), sum("size"), sum("bid"), count("buy"), count("sym"),
                        max("date")).first(),
                ds -> ds.filter(ds.col("sym").isin("S1", "S7")).agg(sum("size")).first(),
                ds -> ds.coalesce(2).groupBy("sym").count().collectAsList().size());
            for (int q = 0; q < queries.size(); q++) {
                if (!names.get(q).matches(only)) {
                    continue;
                }
                Function<Dataset<Row>, Object> query = queries.get(q);
                Object a = query.apply(kdb);
                Object b = query.apply(pq);
                if (!String.valueOf(a).equals(String.valueOf(b)) && q != 0 && q != 2) {
                    throw new IllegalStateException(names.get(q) + ": kdb " + a + " but Parquet " + b);
                }
                query.apply(packed);
                double[] kdbMs = new double[runs];
                double[] packedMs = new double[runs];
                double[] pqMs = new double[runs];
                for (int r = 0; r < runs; r++) {
                    kdbMs[r] = time(() -> query.apply(kdb));
                    packedMs[r] = time(() -> query.apply(packed));
                    pqMs[r] = time(() -> query.apply(pq));
                }
                double k = median(kdbMs);
                double kp = median(packedMs);
                double p = median(pqMs);
                System.out.printf("spark %-26s kdb %5.0f ms (%4.1f M rows/s)  kdb packed %5.0f ms (%4.1f M rows/s)"
                        + "  parquet %5.0f ms (%4.1f M rows/s)  parquet/kdb = %.2f, parquet/packed = %.2f"
                        + "  [%s | %s]%n",
                        names.get(q), k, total / k / 1e3, kp, total / kp / 1e3, p, total / p / 1e3, p / k, p / kp,
                        a, b);
            }
        } finally {
            spark.stop();
        }
    }

    private static double time(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double best(LongSupplier s, int runs) {
        double best = Double.MAX_VALUE;
        long sink = 0;
        for (int i = 0; i < runs + 2; i++) {
            long t0 = System.nanoTime();
            sink += s.getAsLong();
            double ms = (System.nanoTime() - t0) / 1e6;
            if (i >= 2) {
                best = Math.min(best, ms);
            }
        }
        if (sink == 42) {
            System.out.print("");
        }
        return best;
    }

    private static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
