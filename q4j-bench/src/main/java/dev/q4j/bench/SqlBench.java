package dev.q4j.bench;

import dev.q4j.duckdb.QDuckDB;
import dev.q4j.value.QTable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * SQL over the 1M-row trade table with DuckDB: {@code SELECT sym, avg(price) ... GROUP BY sym ORDER BY sym}.
 *
 * <ul>
 *   <li>{@link #registerAndGroupBy}: what a user of {@code QDuckDB} pays: the q table registered (an Arrow C stream)
 *       and the query run, converting every column DuckDB reads to Arrow on the way;
 *   <li>{@link #groupByMaterialized}: the same query over DuckDB's own copy of the table, made once in the setup: the
 *       query alone, so that the difference is the share of handing the q table to DuckDB;
 *   <li>{@link #materialize}: copying the q table into DuckDB's storage, once, for repeated queries.
 * </ul>
 *
 * <p>DuckDB runs its own threads (two here, one per core) besides the benchmark's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class SqlBench {
    static final String GROUP_BY = "SELECT sym, avg(price) AS price FROM %s GROUP BY sym ORDER BY sym";

    private QTable trade;
    private QDuckDB db;

    /** Opens DuckDB and copies the table in once, for the query-alone case. */
    @Setup
    public void setup() {
        trade = (QTable) Data.value("trade");
        db = QDuckDB.inMemory();
        db.materialize("trade_copy", trade);
        QTable a = registerAndGroupBy();
        QTable b = groupByMaterialized();
        if (a.count() != Data.TRADE_SYMBOLS || b.count() != Data.TRADE_SYMBOLS) {
            throw new IllegalStateException("the group-by gives " + a.count() + " and " + b.count() + " rows, not "
                    + Data.TRADE_SYMBOLS);
        }
    }

    /** Closes DuckDB. */
    @TearDown
    public void tearDown() {
        db.close();
    }

    /** {@return the average price by symbol, the q table registered anew as an Arrow C stream} */
    @Benchmark
    public QTable registerAndGroupBy() {
        db.register("trade", trade);
        return db.query(String.format(GROUP_BY, "trade"));
    }

    /** {@return the average price by symbol, from DuckDB's own copy of the table} */
    @Benchmark
    public QTable groupByMaterialized() {
        return db.query(String.format(GROUP_BY, "trade_copy"));
    }

    /** {@return the database, after the table is copied into its storage} */
    @Benchmark
    public QDuckDB materialize() {
        return db.materialize("trade_stored", trade);
    }
}
