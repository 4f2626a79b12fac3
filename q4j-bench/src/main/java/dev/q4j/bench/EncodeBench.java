package dev.q4j.bench;

import com.kx.c;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QValue;
import java.io.IOException;
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
 * Encoding, q4j against javakdb: each library encodes the value it decodes from the same message (see
 * {@link DecodeBench}), into a complete uncompressed response message. q4j writes little-endian, javakdb
 * big-endian; the messages have the same size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncodeBench {
    /** the data set */
    @Param({"trade", "symbols", "small", "longs", "floats"})
    public String dataset;

    private final Encoder encoder = new Encoder();
    private final c kx = new c();
    private QValue value;
    private Object javakdbValue;

    /** Builds both values from the same message.
     * @throws Exception when javakdb cannot read it */
    @Setup
    public void setup() throws Exception {
        value = Data.value(dataset);
        byte[] message = Data.message(value);
        javakdbValue = Data.javakdb(message);
        if (kx.serialize(2, javakdbValue, false).length != message.length) {
            throw new IllegalStateException("javakdb encodes " + dataset + " to a different size");
        }
    }

    /** {@return the message q4j writes} */
    @Benchmark
    public byte[] encodeQ4j() {
        return encoder.encode(MessageType.RESPONSE, value);
    }

    /**
     * {@return the message javakdb writes}
     *
     * @throws IOException never
     */
    @Benchmark
    public byte[] encodeJavakdb() throws IOException {
        return kx.serialize(2, javakdbValue, false);
    }
}
