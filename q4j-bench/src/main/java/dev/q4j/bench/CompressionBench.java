package dev.q4j.bench;

import com.kx.c;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.IpcCompression;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * kdb+ IPC compression of the trade table, two ways.
 *
 * <ul>
 *   <li>The algorithm alone, on the same bytes ({@code compressOnly}, {@code decompressOnly}): q4j's
 *       {@link IpcCompression} against javakdb's private {@code compress()} and {@code uncompress()}, called by
 *       reflection on javakdb's own big-endian serialization of the table. The setup checks that both produce
 *       identical bytes.</li>
 *   <li>Through each library's public API ({@code serializeCompressed}, {@code decodeCompressed}): q4j's
 *       {@code Encoder.encode(..., Compression.KDB)} against javakdb's {@code serialize(type, obj, true)};
 *       q4j's {@code Decoder.decode} against javakdb's {@code deserialize} of the compressed little-endian
 *       message (decompression and decoding together, each returning its natural value).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CompressionBench {
    private final Encoder encoder = new Encoder();
    private final Decoder decoder = new Decoder();
    private final c kx = new c();
    private QTable table;
    private Object flip;
    /** javakdb's uncompressed serialization (big-endian) */
    private byte[] plain;
    /** the same, compressed (identical from both) */
    private byte[] compressed;
    /** q4j's compressed little-endian message */
    private byte[] compressedLittle;
    private Field wBuff;
    private Field wBuffPos;
    private Field rBuff;
    private Field rBuffPos;
    private Field littleEndian;
    private Method compress;
    private Method uncompress;

    /** Builds the messages and checks that both libraries compress to the same bytes.
     * @throws Exception when they do not */
    @Setup
    public void setup() throws Exception {
        table = Data.trade(Data.TRADE_ROWS, 1);
        flip = Data.javakdb(Data.message(table));
        plain = kx.serialize(2, flip, false);
        byte[] theirs = kx.serialize(2, flip, true);
        compressed = IpcCompression.compress(plain);
        if (compressed == null || !Arrays.equals(compressed, theirs)) {
            throw new IllegalStateException("q4j and javakdb compress the trade table differently");
        }
        compressedLittle = encoder.encode(MessageType.RESPONSE, table, Compression.KDB);
        if (compressedLittle[2] != MessageHeader.COMPRESSED) {
            throw new IllegalStateException("the trade table does not compress");
        }
        wBuff = field("wBuff");
        wBuffPos = field("wBuffPos");
        rBuff = field("rBuff");
        rBuffPos = field("rBuffPos");
        littleEndian = field("isLittleEndian");
        compress = c.class.getDeclaredMethod("compress");
        compress.setAccessible(true);
        uncompress = c.class.getDeclaredMethod("uncompress");
        uncompress.setAccessible(true);
        byte[] before = plain.clone();
        if (!Arrays.equals(compressOnlyJavakdb(), compressed) || !Arrays.equals(plain, before)) {
            throw new IllegalStateException("javakdb's compress() by reflection does not match serialize");
        }
        // javakdb's uncompress() leaves the header of its buffer zero (deserialize reads on from byte 8)
        byte[] javakdbPlain = decompressOnlyJavakdb();
        if (!Arrays.equals(javakdbPlain, 8, javakdbPlain.length, plain, 8, plain.length)
                || !Arrays.equals(decompressOnlyQ4j(), plain)) {
            throw new IllegalStateException("decompression does not give back the message");
        }
        QValue back = decodeCompressedQ4j();
        if (!back.equals(table)) {
            throw new IllegalStateException("q4j does not decode the compressed table");
        }
    }

    private static Field field(String name) throws NoSuchFieldException {
        Field f = c.class.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    /** {@return the uncompressed message's size} */
    public int plainSize() {
        return plain.length;
    }

    /** {@return the compressed message's size} */
    public int compressedSize() {
        return compressed.length;
    }

    /** {@return q4j's compressed message} */
    @Benchmark
    public byte[] compressOnlyQ4j() {
        return IpcCompression.compress(plain);
    }

    /**
     * {@return javakdb's compressed message}
     *
     * @throws Exception never
     */
    @Benchmark
    public byte[] compressOnlyJavakdb() throws Exception {
        wBuff.set(kx, plain);
        wBuffPos.setInt(kx, plain.length);
        compress.invoke(kx);
        return (byte[]) wBuff.get(kx);   // javakdb trims it to the compressed length
    }

    /** {@return q4j's uncompressed message} */
    @Benchmark
    public byte[] decompressOnlyQ4j() {
        return IpcCompression.decompress(compressed);
    }

    /**
     * {@return javakdb's uncompressed message}
     *
     * @throws Exception never
     */
    @Benchmark
    public byte[] decompressOnlyJavakdb() throws Exception {
        rBuff.set(kx, compressed);
        littleEndian.setBoolean(kx, compressed[0] == MessageHeader.LITTLE_ENDIAN);
        rBuffPos.setInt(kx, 8);
        uncompress.invoke(kx);
        return (byte[]) rBuff.get(kx);
    }

    /** {@return q4j's compressed message, encoded and compressed in one call} */
    @Benchmark
    public byte[] serializeCompressedQ4j() {
        return encoder.encode(MessageType.RESPONSE, table, Compression.KDB);
    }

    /**
     * {@return javakdb's compressed message}
     *
     * @throws IOException never
     */
    @Benchmark
    public byte[] serializeCompressedJavakdb() throws IOException {
        return kx.serialize(2, flip, true);
    }

    /** {@return q4j's value of the compressed message} */
    @Benchmark
    public QValue decodeCompressedQ4j() {
        return decoder.decode(compressedLittle).value();
    }

    /**
     * {@return javakdb's object of the compressed message}
     *
     * @throws Exception never
     */
    @Benchmark
    public Object decodeCompressedJavakdb() throws Exception {
        return kx.deserialize(compressedLittle);
    }
}
