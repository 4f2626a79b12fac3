package dev.q4j.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The physical limit of decoding: a new {@code long[]} filled by one bulk copy of the same message's bytes (what a
 * decoder cannot beat: it must allocate its arrays and move every byte at least once). For the 10M long vector, and
 * for the trade table's whole message (whose decoding moves every byte into some column too).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CopyBench {
    private byte[] message;
    private int count;
    private byte[] trade;

    /** Builds the messages. */
    @Setup
    public void setup() {
        message = Data.message(Data.longs());
        count = Data.VECTOR;
        trade = Data.message(Data.value("trade"));
    }

    /** @return the longs, copied from the message's body (header, type, attribute and count skipped) */
    @Benchmark
    public long[] plainCopy() {
        long[] out = new long[count];
        ByteBuffer.wrap(message, 14, count * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** @return the trade table's message (all but its last few bytes), copied into a {@code long[]} */
    @Benchmark
    public long[] plainCopyTrade() {
        long[] out = new long[trade.length / 8];
        ByteBuffer.wrap(trade, 0, out.length * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
