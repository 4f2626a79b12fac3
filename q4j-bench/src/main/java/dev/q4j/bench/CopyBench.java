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
 * The physical limit for decoding the 10M long vector: a new {@code long[]} filled by one bulk copy of the same
 * message's bytes (what a decoder cannot beat: it must allocate the array and move every byte once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CopyBench {
    private byte[] message;
    private int count;

    /** Builds the message. */
    @Setup
    public void setup() {
        message = Data.message(Data.longs());
        count = Data.VECTOR;
    }

    /** @return the longs, copied from the message's body (header, type, attribute and count skipped) */
    @Benchmark
    public long[] plainCopy() {
        long[] out = new long[count];
        ByteBuffer.wrap(message, 14, count * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }
}
