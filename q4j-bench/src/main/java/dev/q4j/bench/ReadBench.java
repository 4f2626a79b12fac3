package dev.q4j.bench;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The trade table decoded in place ({@link Decoder#decodeInPlace}: its timestamp, float and long columns read the
 * message's bytes where they lie), and decoded then read in full, every item of every column once, so that no
 * work a decoder leaves for later goes unmeasured. q4j reads its columns through their accessors ({@code get(i)}:
 * nanoseconds, the symbol's {@code String}, the double, the long, the char's byte); javakdb reads its arrays (each
 * {@code Instant}'s seconds and nanoseconds, each {@code String}, the double, the long, the char). Each read adds up
 * every column's items (the symbols' lengths, the floats' bits) and returns the sums folded into one number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBench {
    private final Decoder decoder = new Decoder();
    private final c kx = new c();
    private byte[] message;

    /** Builds the message and checks that all three ways read the same content from it. */
    @Setup
    public void setup() throws Exception {
        message = Data.message(Data.value("trade"));
        if (!decoder.decodeInPlace(message).value().equals(decoder.decode(message).value())) {
            throw new IllegalStateException("decoding in place gives another table than decoding");
        }
        long q4j = read((QTable) decoder.decodeInPlace(message).value());
        long javakdb = read((c.Flip) kx.deserialize(message));
        if (q4j != javakdb) {
            throw new IllegalStateException("q4j reads " + q4j + " from the trade table, javakdb " + javakdb);
        }
    }

    /** {@return q4j's table, its fixed-width columns left in the message} */
    @Benchmark
    public QValue decodeInPlaceQ4j() {
        return decoder.decodeInPlace(message).value();
    }

    /** {@return the fold of every item of q4j's table decoded in place} */
    @Benchmark
    public long decodeInPlaceAndReadQ4j() {
        return read((QTable) decoder.decodeInPlace(message).value());
    }

    /** {@return the fold of every item of q4j's table decoded into arrays} */
    @Benchmark
    public long decodeAndReadQ4j() {
        return read((QTable) decoder.decode(message).value());
    }

    /**
     * {@return the fold of every item of javakdb's table}
     *
     * @throws Exception never, with these bytes
     */
    @Benchmark
    public long decodeAndReadJavakdb() throws Exception {
        return read((c.Flip) kx.deserialize(message));
    }

    private static long read(QTable t) {
        QTimestampVector time = (QTimestampVector) t.column("time");
        QSymbolVector sym = (QSymbolVector) t.column("sym");
        QFloatVector price = (QFloatVector) t.column("price");
        QLongVector size = (QLongVector) t.column("size");
        QCharVector side = (QCharVector) t.column("side");
        long a = 0, b = 0, c = 0, d = 0, e = 0;
        for (int i = 0, n = t.count(); i < n; i++) {
            a += time.get(i);
            b += sym.get(i).length();
            c += Double.doubleToRawLongBits(price.get(i));
            d += size.get(i);
            e += side.get(i);
        }
        return fold(a, b, c, d, e);
    }

    private static long read(c.Flip t) {
        Instant[] time = (Instant[]) t.y[0];
        String[] sym = (String[]) t.y[1];
        double[] price = (double[]) t.y[2];
        long[] size = (long[]) t.y[3];
        char[] side = (char[]) t.y[4];
        long a = 0, b = 0, c = 0, d = 0, e = 0;
        for (int i = 0; i < time.length; i++) {
            // kdb+ timestamps count from 2000.01.01: the same number q4j reads, from javakdb's Instant
            a += (time[i].getEpochSecond() - EPOCH_2000) * 1_000_000_000L + time[i].getNano();
            b += sym[i].length();
            c += Double.doubleToRawLongBits(price[i]);
            d += size[i];
            e += side[i];
        }
        return fold(a, b, c, d, e);
    }

    /** A sum per column, independent of each other so that the reading, not the folding, sets the pace. */
    private static long fold(long a, long b, long c, long d, long e) {
        return (((a * 31 + b) * 31 + c) * 31 + d) * 31 + e;
    }

    private static final long EPOCH_2000 = 946_684_800L;
}
