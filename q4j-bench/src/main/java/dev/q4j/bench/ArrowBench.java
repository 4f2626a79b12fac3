package dev.q4j.bench;

import dev.q4j.arrow.ArrowTable;
import dev.q4j.arrow.QArrow;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
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
 * The 1,000,000-row trade table converted to Arrow (q4j-arrow, default options: q nulls as Arrow nulls), into the
 * same vectors each time ({@link ArrowTable#load}), as a reader of record batches does: fresh Arrow memory per
 * conversion would cost page faults that swamp the copying. Compared with {@link CopyBench#plainCopyTrade}, one bulk
 * copy of the table's message bytes. Every column is written in full: timestamps moved to 1970's epoch and checked
 * for overflow, symbols turned into dictionary indices and a dictionary, chars into one-byte Utf8 strings, validity
 * bits for every column.
 *
 * <p>Arrow's memory needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on Java 17: appended to this class's
 * forks only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(jvmArgsAppend = "--add-opens=java.base/java.nio=ALL-UNNAMED")
public class ArrowBench {
    private QTable trade;
    private BufferAllocator allocator;
    private ArrowTable arrow;

    /** Builds the table and converts it once, which allocates the vectors. */
    @Setup
    public void setup() {
        trade = (QTable) Data.value("trade");
        allocator = new RootAllocator();
        arrow = QArrow.toArrow(trade, allocator);
        if (!QArrow.toQ(arrow.root(), arrow.dictionaries()).equals(trade)) {
            throw new IllegalStateException("the trade table does not come back from Arrow as it was");
        }
    }

    /** Frees the Arrow memory. */
    @TearDown
    public void tearDown() {
        arrow.close();
        allocator.close();
    }

    /** {@return the trade table's vectors, converted again into the same memory} */
    @Benchmark
    public VectorSchemaRoot toArrowTrade() {
        return arrow.load(trade).root();
    }

    /** {@return the trade table read back from its Arrow vectors into q vectors} */
    @Benchmark
    public QValue toQTrade() {
        return QArrow.toQ(arrow.root(), arrow.dictionaries());
    }

    /**
     * For comparison: the conversion into new vectors each time (allocated, filled, freed), what reusing the
     * memory saves.
     *
     * @return the number of rows converted
     */
    @Benchmark
    public int toArrowTradeNewVectors() {
        try (ArrowTable fresh = QArrow.toArrow(trade, allocator)) {
            return fresh.rowCount();
        }
    }
}
