package dev.q4j.bench;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.value.QValue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decoding, q4j against javakdb, on the same bytes: the little-endian message kdb+ on x86 sends.
 *
 * <p>q4j returns its value model: a {@code QTable} whose columns are primitive arrays (timestamps as a
 * {@code long[]} of nanoseconds, symbols as a {@code String[]} sharing one {@code String} per distinct symbol,
 * floats as {@code double[]}, longs as {@code long[]}, chars as {@code byte[]}). javakdb returns its own:
 * a {@code c.Flip} whose columns are an {@code Instant[]}, a {@code String[]} (a new {@code String} per item),
 * {@code double[]}, {@code long[]} and {@code char[]}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecodeBench {
    /** the data set */
    @Param({"trade", "symbols", "small", "longs", "floats"})
    public String dataset;

    private final Decoder decoder = new Decoder();
    private final c kx = new c();
    private byte[] message;

    /** Builds the message. */
    @Setup
    public void setup() {
        message = Data.message(Data.value(dataset));
    }

    /** {@return q4j's value} */
    @Benchmark
    public QValue decodeQ4j() {
        return decoder.decode(message).value();
    }

    /**
     * {@return javakdb's object}
     *
     * @throws Exception never, with these bytes
     */
    @Benchmark
    public Object decodeJavakdb() throws Exception {
        return kx.deserialize(message);
    }
}
