package dev.q4j.bench;

import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the benchmarks with JMH and prints one line per case:
 * {@code <case> q4j=<value> javakdb=<value> speedup=<ratio>} (speedup above 1: q4j is faster), then the reference
 * point (decoding 10M longs against a plain copy) and the bytes each decode allocates against the message size.
 * Progress, and each benchmark's median, mean, 90th percentile and sample count, go to standard error.
 *
 * <p>Every benchmark runs in JMH's sample-time mode and is scored by its <em>median</em> time per operation, which
 * the pauses of a shared machine (other processes taking the CPU for a while) disturb far less than the mean. The
 * allocation figures come from JMH's gc profiler ({@code gc.alloc.rate.norm}, bytes per operation).
 *
 * <pre>
 * java -jar q4j-bench/target/benchmarks.jar [--quick] [--only REGEX] [--jvm 'JVM OPTIONS'] [--verbose]
 * </pre>
 */
public final class Harness {
    /**
     * JVM options of every benchmark fork, the same for both libraries: a fixed 2 GB heap and the parallel
     * collector. Both libraries allocate arrays of megabytes (q4j's columns, javakdb's columns and its arrays of
     * Instants and Strings); G1, the default collector, makes each of those a humongous object, and a decode loop
     * then spends most of its time in young pauses of hundreds of milliseconds that grow as humongous reference
     * arrays pile up in the old generation: a measure of G1 on this workload, not of either codec (see
     * BENCHMARKS.md, and {@code --jvm} to try others).
     */
    static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"};

    private final boolean quick;
    private final String only;
    private final boolean verbose;
    private final String[] jvmArgs;
    private final PrintStream out = System.out;
    private final PrintStream log = System.err;
    /** benchmark label (class.method[:dataset]) to result */
    private final Map<String, RunResult> results = new LinkedHashMap<>();

    private Harness(boolean quick, String only, boolean verbose, String[] jvmArgs) {
        this.quick = quick;
        this.jvmArgs = jvmArgs;
        this.only = only;
        this.verbose = verbose;
    }

    /**
     * @param args {@code --quick}: one fork, few short iterations (about two minutes in all; the default is two
     *     forks of 3 warm-up and 5 measured one-second iterations, about a quarter of an hour); {@code --only REGEX}:
     *     run only the
     *     benchmarks whose full name ({@code dev.q4j.bench.Class.method}) matches; {@code --jvm 'OPTIONS'}: the
     *     benchmark JVMs' options instead of {@link #JVM_ARGS}; {@code --verbose}: JMH's own output
     * @throws RunnerException when a benchmark fails
     */
    public static void main(String[] args) throws RunnerException {
        boolean quick = false;
        boolean verbose = false;
        String only = null;
        String[] jvmArgs = JVM_ARGS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick": quick = true; break;
                case "--verbose": verbose = true; break;
                case "--only": only = args[++i]; break;
                case "--jvm": jvmArgs = args[++i].trim().split("\\s+"); break;
                default:
                    System.err.println("usage: bench/run [--quick] [--only REGEX] [--jvm 'JVM OPTIONS'] [--verbose]");
                    System.exit(2);
            }
        }
        new Harness(quick, only, verbose, jvmArgs).run();
    }

    private void run() throws RunnerException {
        long start = System.nanoTime();
        log.printf("q4j benchmarks (%s) on %s, %d CPUs, Java %s, JVM options %s%n", quick ? "quick" : "full",
                System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                String.join(" ", jvmArgs));
        // codec: times from microseconds (small reply) to about half a second (javakdb's trade table)
        group("codec", esc(DecodeBench.class) + "|" + esc(EncodeBench.class) + "|" + esc(CompressionBench.class)
                + "|" + esc(CopyBench.class) + "|" + esc(ReadBench.class) + "|" + esc(ArrowBench.class)
                + "|" + esc(RecordsBench.class) + "|" + esc(JdbcBench.class),
                quick ? 4 : 3, quick ? 300 : 1000, quick ? 3 : 5, quick ? 300 : 1000, quick ? 1 : 2);
        group("sync", esc(NetworkBench.class) + "\\.sync.*",
                quick ? 2 : 3, quick ? 400 : 1000, quick ? 3 : 5, quick ? 400 : 1000, quick ? 1 : 2);
        // one invocation is 100,000 requests: seconds for javakdb
        group("pipelined", esc(NetworkBench.class) + "\\.(?:pipelined|loop).*",
                1, quick ? 100 : 1000, quick ? 2 : 5, quick ? 100 : 1000, quick ? 1 : 2);
        // SQL: one group-by over the 1M-row table is tens of milliseconds
        group("sql", esc(SqlBench.class),
                quick ? 2 : 3, quick ? 1000 : 2000, quick ? 3 : 5, quick ? 1000 : 2000, quick ? 1 : 2);
        report();
        log.printf("done in %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void group(String name, String classes, int warmups, int warmupMs, int iterations, int iterationMs,
            int forks) throws RunnerException {
        String include = "^" + (only == null ? "" : "(?=.*(?:" + only + "))") + "(?:" + classes + ")(?:\\..*|$)";
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.milliseconds(warmupMs))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMs))
                .forks(forks)
                .jvmArgs(jvmArgs)
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true)
                .verbosity(verbose ? VerboseMode.NORMAL : VerboseMode.SILENT);
        log.printf("running %s benchmarks...%n", name);
        Collection<RunResult> run;
        try {
            run = new Runner(options.build()).run();
        } catch (NoBenchmarksException e) {
            return;   // --only left nothing of this group
        }
        for (RunResult r : run) {
            String label = label(r);
            results.put(label, r);
            Statistics st = r.getPrimaryResult().getStatistics();
            log.printf(Locale.ROOT, "  %-42s median %12.3f  mean %12.3f  p90 %12.3f us/op  (%d samples)%s%n", label,
                    st.getPercentile(50), st.getMean(), st.getPercentile(90), st.getN(),
                    alloc(r) < 0 ? "" : String.format(Locale.ROOT, "  alloc %,.0f B/op", alloc(r)));
        }
    }

    private static String esc(Class<?> c) {
        return c.getName().replace(".", "\\.");
    }

    private static String label(RunResult r) {
        String benchmark = r.getParams().getBenchmark();
        String[] parts = benchmark.split("\\.");
        String label = parts[parts.length - 2] + "." + parts[parts.length - 1];
        String dataset = r.getParams().getParam("dataset");
        return dataset == null ? label : label + ":" + dataset;
    }

    /** {@return the median time per operation in microseconds: robust to the pauses of a shared machine} */
    private static double score(RunResult r) {
        return r.getPrimaryResult().getStatistics().getPercentile(50);
    }

    private static double alloc(RunResult r) {
        for (String key : r.getSecondaryResults().keySet()) {
            if (key.endsWith("gc.alloc.rate.norm")) {
                Result<?> alloc = r.getSecondaryResults().get(key);
                return alloc.getScore();
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- report

    private void report() {
        for (String d : new String[] {"trade", "symbols", "small", "longs", "floats"}) {
            timeLine("decode-" + d, "DecodeBench.decodeQ4j:" + d, "DecodeBench.decodeJavakdb:" + d);
        }
        timeLine("decode-trade-in-place", "ReadBench.decodeInPlaceQ4j", "DecodeBench.decodeJavakdb:trade");
        timeLine("decode-and-read-trade-in-place", "ReadBench.decodeInPlaceAndReadQ4j",
                "ReadBench.decodeAndReadJavakdb");
        timeLine("decode-and-read-trade", "ReadBench.decodeAndReadQ4j", "ReadBench.decodeAndReadJavakdb");
        for (String d : new String[] {"trade", "symbols", "small", "longs", "floats"}) {
            timeLine("encode-" + d, "EncodeBench.encodeQ4j:" + d, "EncodeBench.encodeJavakdb:" + d);
        }
        timeLine("compress-trade", "CompressionBench.serializeCompressedQ4j",
                "CompressionBench.serializeCompressedJavakdb");
        timeLine("decompress-trade", "CompressionBench.decodeCompressedQ4j",
                "CompressionBench.decodeCompressedJavakdb");
        timeLine("compress-only-trade", "CompressionBench.compressOnlyQ4j", "CompressionBench.compressOnlyJavakdb");
        timeLine("decompress-only-trade", "CompressionBench.decompressOnlyQ4j",
                "CompressionBench.decompressOnlyJavakdb");
        timeLine("sync-roundtrip", "NetworkBench.syncQ4j", "NetworkBench.syncJavakdb");
        timeLine("sync-roundtrip-no-reader-thread", "NetworkBench.syncQ4jDirect", "NetworkBench.syncJavakdb");
        RunResult pq = results.get("NetworkBench.pipelinedQ4j");
        RunResult pk = results.get("NetworkBench.loopJavakdb");
        if (pq != null && pk != null) {
            double q = 1e6 / score(pq);
            double k = 1e6 / score(pk);
            out.printf(Locale.ROOT, "pipelined-100k q4j=%s javakdb=%s speedup=%.2f%n", rate(q), rate(k), q / k);
        }
        RunResult copy = results.get("CopyBench.plainCopy");
        RunResult longs = results.get("DecodeBench.decodeQ4j:longs");
        if (copy != null && longs != null) {
            double c = score(copy);
            double q = score(longs);
            out.printf(Locale.ROOT, "decode-longs-vs-plain-copy q4j=%s copy=%s ratio=%.2f%n", time(q), time(c), q / c);
        }
        limitLine("decode-trade-vs-plain-copy", "CopyBench.plainCopyTrade", "copy", "trade");
        limitLine("decode-symbols-vs-scan", "CopyBench.scanSymbols", "scan", "symbols");
        RunResult arrow = results.get("ArrowBench.toArrowTrade");
        RunResult copyTrade = results.get("CopyBench.plainCopyTrade");
        if (arrow != null && copyTrade != null) {
            out.printf(Locale.ROOT, "to-arrow-trade arrow=%s copy=%s ratio=%.2f%n", time(score(arrow)),
                    time(score(copyTrade)), score(arrow) / score(copyTrade));
        }
        recordsLine("to-records-trade", "RecordsBench.toRecordsMapper", "RecordsBench.toRecordsHand");
        recordsLine("from-records-trade", "RecordsBench.fromRecordsMapper", "RecordsBench.fromRecordsHand");
        RunResult jdbc = results.get("JdbcBench.readResultSet");
        RunResult vectors = results.get("JdbcBench.readVectors");
        if (jdbc != null && vectors != null) {
            // the JDBC driver's getters against the vectors read directly (the target is 2)
            out.printf(Locale.ROOT, "jdbc-iterate-trade resultset=%s vectors=%s ratio=%.2f%n", time(score(jdbc)),
                    time(score(vectors)), score(jdbc) / score(vectors));
        }
        sqlLine();
        allocLine("decode-trade-in-place", "ReadBench.decodeInPlaceQ4j", "DecodeBench.decodeJavakdb:trade", "trade");
        for (String d : new String[] {"trade", "symbols", "small", "longs", "floats"}) {
            allocLine("decode-" + d, "DecodeBench.decodeQ4j:" + d, "DecodeBench.decodeJavakdb:" + d, d);
        }
    }

    /** The group-by over the registered q table, and how much of it is handing the table to DuckDB. */
    private void sqlLine() {
        RunResult all = results.get("SqlBench.registerAndGroupBy");
        RunResult query = results.get("SqlBench.groupByMaterialized");
        RunResult copy = results.get("SqlBench.materialize");
        if (all != null && query != null) {
            double a = score(all);
            double q = score(query);
            // the two are measured apart: when the query alone came out slower (noise), there is no share to tell
            String share = q <= a ? String.format(Locale.ROOT, "%.0f%%", 100 * (a - q) / a)
                    : "none-measured(query-alone-slower)";
            out.printf(Locale.ROOT, "sql-groupby-trade registered=%s query-alone=%s registering-share=%s%s%n",
                    time(a), time(q), share, copy == null ? "" : " materialize=" + time(score(copy)));
        }
    }

    /** Both libraries' decoding of a data set against a reference point that no decoder could beat. */
    private void limitLine(String name, String reference, String label, String dataset) {
        RunResult r = results.get(reference);
        RunResult q = results.get("DecodeBench.decodeQ4j:" + dataset);
        RunResult k = results.get("DecodeBench.decodeJavakdb:" + dataset);
        if (r != null && q != null && k != null) {
            double c = score(r);
            out.printf(Locale.ROOT, "%s q4j=%s javakdb=%s %s=%s q4j/%s=%.2f javakdb/%s=%.2f%n", name,
                    time(score(q)), time(score(k)), label, time(c), label, score(q) / c, label, score(k) / c);
        }
    }

    /** Bytes each library allocates per operation, against the size of the data set's message. */
    private void allocLine(String name, String q4j, String javakdb, String dataset) {
        RunResult q = results.get(q4j);
        RunResult k = results.get(javakdb);
        if (q != null && k != null && alloc(q) >= 0 && alloc(k) >= 0) {
            long size = Data.messageSize(dataset);
            out.printf(Locale.ROOT, "alloc-%s q4j=%s javakdb=%s message=%s q4j/message=%.2f javakdb/message=%.2f%n",
                    name, bytes(alloc(q)), bytes(alloc(k)), bytes(size), alloc(q) / size, alloc(k) / size);
        }
    }

    /** The record mapper against a hand-written loop doing the same (ratio = mapper / hand; the target is 2). */
    private void recordsLine(String name, String mapper, String hand) {
        RunResult m = results.get(mapper);
        RunResult h = results.get(hand);
        if (m != null && h != null) {
            out.printf(Locale.ROOT, "%s mapper=%s hand=%s ratio=%.2f%n", name, time(score(m)), time(score(h)),
                    score(m) / score(h));
        }
    }

    private void timeLine(String name, String q4j, String javakdb) {
        RunResult q = results.get(q4j);
        RunResult k = results.get(javakdb);
        if (q == null || k == null) {
            return;
        }
        double qs = score(q);
        double ks = score(k);
        out.printf(Locale.ROOT, "%s q4j=%s javakdb=%s speedup=%.2f%n", name, time(qs), time(ks), ks / qs);
    }

    /** @param us microseconds */
    private static String time(double us) {
        if (us >= 1000) {
            return String.format(Locale.ROOT, "%.2fms", us / 1000);
        }
        return String.format(Locale.ROOT, us >= 10 ? "%.1fus" : "%.2fus", us);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0freq/s", perSecond);
    }

    private static String bytes(double b) {
        if (b >= 1e6) {
            return String.format(Locale.ROOT, "%.1fMB", b / 1e6);
        }
        if (b >= 1e3) {
            return String.format(Locale.ROOT, "%.1fKB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.0fB", b);
    }
}
