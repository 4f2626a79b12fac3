package dev.q4j.bench;

import dev.q4j.records.RecordMapper;
import dev.q4j.value.Attribute;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimestampVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The 1M-row trade table to {@code List<Trade>} and back, by {@link RecordMapper} and by a hand-written loop over
 * the columns' arrays that does what the mapper does: a null timestamp or symbol becomes {@code null} and back, an
 * infinite timestamp and a null size are errors (here, checks that never fail), a symbol column made from
 * {@code String}s. The mapper's target is within 2× the loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RecordsBench {
    /** A row of the trade table. */
    public record Trade(Instant time, String sym, double price, long size, char side) {
    }

    private final RecordMapper mapper = RecordMapper.defaults();
    private QTable table;
    private List<Trade> trades;

    /** Builds the table and the records, and checks that both ways give the same both ways. */
    @Setup
    public void setup() {
        table = (QTable) Data.value("trade");
        trades = toRecordsHand();
        if (!toRecordsMapper().equals(trades)) {
            throw new IllegalStateException("the mapper reads other records than the loop");
        }
        if (!fromRecordsMapper().equals(table) || !fromRecordsHand().equals(table)) {
            throw new IllegalStateException("the mapper or the loop writes another table than the trade table");
        }
    }

    /** {@return the trade table's rows, read by the mapper} */
    @Benchmark
    public List<Trade> toRecordsMapper() {
        return mapper.toList(table, Trade.class);
    }

    /** {@return the trade table's rows, read by a loop over the columns' arrays} */
    @Benchmark
    public List<Trade> toRecordsHand() {
        long[] time = ((QTimestampVector) table.column("time")).array();
        String[] sym = ((QSymbolVector) table.column("sym")).array();
        double[] price = ((QFloatVector) table.column("price")).array();
        long[] size = ((QLongVector) table.column("size")).array();
        byte[] side = ((QCharVector) table.column("side")).array();
        List<Trade> out = new ArrayList<>(time.length);
        for (int i = 0; i < time.length; i++) {
            long t = time[i];
            if (t == Long.MAX_VALUE || t == -Long.MAX_VALUE || size[i] == Long.MIN_VALUE) {
                throw new IllegalStateException("row " + i);
            }
            out.add(new Trade(t == Long.MIN_VALUE ? null : QTemporal.instantOfTimestamp(t),
                    sym[i].isEmpty() ? null : sym[i], price[i], size[i], (char) (side[i] & 0xFF)));
        }
        return out;
    }

    /** {@return the records written into a table by the mapper} */
    @Benchmark
    public QTable fromRecordsMapper() {
        return mapper.toTable(trades, Trade.class);
    }

    /** {@return the records written into a table by a loop filling the columns' arrays} */
    @Benchmark
    public QTable fromRecordsHand() {
        int n = trades.size();
        long[] time = new long[n];
        String[] sym = new String[n];
        double[] price = new double[n];
        long[] size = new long[n];
        byte[] side = new byte[n];
        int i = 0;
        for (Trade t : trades) {
            time[i] = t.time() == null ? Long.MIN_VALUE : QTemporal.timestampOf(t.time());
            sym[i] = t.sym() == null ? "" : t.sym();
            price[i] = t.price();
            size[i] = t.size();
            if (t.side() > 0xFF) {
                throw new IllegalStateException("row " + i);
            }
            side[i] = (byte) t.side();
            i++;
        }
        return QTable.of(List.of("time", "sym", "price", "size", "side"), List.of(
                QTimestampVector.wrap(time, Attribute.NONE), QSymbolVector.wrap(sym), QFloatVector.wrap(price),
                QLongVector.wrap(size), QCharVector.wrap(side)));
    }
}
