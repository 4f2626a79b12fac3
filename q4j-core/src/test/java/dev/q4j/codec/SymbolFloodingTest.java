package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: symbols chosen so that they collide in a hash must not make decoding or encoding quadratic. The messages
 * are built by hand (a symbol vector: type 11, no attribute, the count, each symbol and its NUL), not by the encoder.
 * The bounds are generous: on the shared 2-core machine, under a load of 16, these inputs took 12 to 42 s each
 * before the tables were keyed at random and bounded, and 0.05 to 0.7 s after (most of it when the load was high).
 */
class SymbolFloodingTest {
    /** far above what these inputs now take, far below what they took */
    private static final long BOUND_NANOS = 2_500_000_000L;

    /** @return the nanoseconds that the second of two runs of {@code work} took (the first compiles the code) */
    static long timed(Runnable work) {
        work.run();
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    /**
     * 65,536 distinct symbols of 16 blocks, each {@code Aa} or {@code BB}: {@code "Aa".hashCode() == "BB".hashCode()},
     * so all have one {@code String.hashCode}, and the same hash under any polynomial of base 31 over their bytes.
     */
    static List<String> collidingSymbols() {
        List<String> out = new ArrayList<>(1 << 16);
        for (int i = 0; i < 1 << 16; i++) {
            StringBuilder s = new StringBuilder(32);
            for (int bit = 15; bit >= 0; bit--) {
                s.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
            }
            out.add(s.toString());
        }
        return out;
    }

    /** a little-endian sync message holding a symbol vector of these symbols' bytes */
    static byte[] symbolVectorMessage(List<byte[]> symbols) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(11);
        body.write(0);
        body.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(symbols.size()).array());
        for (byte[] s : symbols) {
            body.writeBytes(s);
            body.write(0);
        }
        byte[] b = body.toByteArray();
        ByteBuffer m = ByteBuffer.allocate(8 + b.length).order(ByteOrder.LITTLE_ENDIAN);
        m.put((byte) 1).put((byte) 1).put((byte) 0).put((byte) 0).putInt(8 + b.length).put(b);
        return m.array();
    }

    private static List<byte[]> ascii(List<String> symbols) {
        List<byte[]> out = new ArrayList<>(symbols.size());
        for (String s : symbols) {
            out.add(s.getBytes(StandardCharsets.US_ASCII));
        }
        return out;
    }

    @Test
    void decodingSymbolsThatAllShareOneStringHashStaysLinear() {
        List<String> symbols = collidingSymbols();
        byte[] message = symbolVectorMessage(ascii(symbols));
        QValue v = new Decoder().decode(message).value();
        assertThat(Arrays.asList(((QSymbolVector) v).array())).isEqualTo(symbols);
        long took = timed(() -> new Decoder().decode(message));
        assertThat(took).as("nanoseconds to decode 65,536 colliding 32-byte symbols").isLessThan(BOUND_NANOS);
    }

    /**
     * 65,536 distinct 7-byte symbols whose keys (their bytes as a little-endian long) all fall on one slot of the
     * short symbols' table as it was hashed before: bits 32 and up of the key times the golden ratio, masked. Bits
     * 32 .. 49 of the product are fixed, so they share their slot at every capacity up to 2^18.
     */
    static List<byte[]> shortSymbolsAimedAtTheGoldenRatioHash() {
        long golden = 0x9E37_79B9_7F4A_7C15L;
        long inverse = inverse(golden);
        Random random = new Random(13);
        Set<Long> keys = new LinkedHashSet<>();
        long fixed = 0x2_5A5AL << 32;   // bits 32 .. 49 of every product
        long free = ~(0x3_FFFFL << 32);
        while (keys.size() < 1 << 16) {
            long product = random.nextLong() & free | fixed;
            long key = product * inverse;
            if (key >>> 56 == 0 && allBytesNonZero(key)) {
                keys.add(key);
            }
        }
        List<byte[]> out = new ArrayList<>(keys.size());
        for (long key : keys) {
            byte[] s = new byte[7];
            for (int i = 0; i < 7; i++) {
                s[i] = (byte) (key >>> (8 * i));
            }
            out.add(s);
        }
        return out;
    }

    static boolean allBytesNonZero(long key) {
        for (int i = 0; i < 7; i++) {
            if ((key >>> (8 * i) & 0xFF) == 0) {
                return false;
            }
        }
        return true;
    }

    /** the inverse of an odd number modulo 2^64 (Newton's iteration doubles the correct bits each step) */
    static long inverse(long odd) {
        long x = odd;
        for (int i = 0; i < 5; i++) {
            x *= 2 - odd * x;
        }
        assertThat(odd * x).isEqualTo(1L);
        return x;
    }

    @Test
    void decodingShortSymbolsAimedAtOneSlotStaysLinear() {
        List<byte[]> symbols = shortSymbolsAimedAtTheGoldenRatioHash();
        byte[] message = symbolVectorMessage(symbols);
        QSymbolVector v = (QSymbolVector) new Decoder().decode(message).value();
        long took = timed(() -> new Decoder().decode(message));
        assertThat(v.count()).isEqualTo(symbols.size());
        // the same bytes back, also where they are not UTF-8 (a byte that is not is kept as U+DC80 + byte)
        byte[] again = new Encoder().encode(MessageType.SYNC, v);
        assertThat(again).isEqualTo(message);
        assertThat(took).as("nanoseconds to decode 65,536 short symbols aimed at one slot").isLessThan(BOUND_NANOS);
    }

    @Test
    void encodingSymbolsThatAllShareOneStringHashStaysLinear() {
        List<String> symbols = collidingSymbols();
        QSymbolVector v = QSymbolVector.of(symbols.toArray(new String[0]));
        byte[] encoded = new Encoder().encode(MessageType.SYNC, v);
        long took = timed(() -> new Encoder().encode(MessageType.SYNC, v));
        assertThat(encoded).isEqualTo(symbolVectorMessage(ascii(symbols)));
        assertThat(took).as("nanoseconds to encode 65,536 colliding 32-byte symbols").isLessThan(BOUND_NANOS);
    }

    @Test
    void encodingEqualSymbolsMadeAsSeparateInstancesStaysLinear() {
        // a column read from a file or built row by row: 100,000 instances of three symbols' text, no two the same
        // instance; each took a slot of its own, all of one text at the same place, so each walked past the others
        String[] texts = {"IBM", "MSFT", "AAPL.OQ.EXTRA"};
        String[] items = new String[100_000];
        List<byte[]> bytes = new ArrayList<>(items.length);
        for (int i = 0; i < items.length; i++) {
            items[i] = new String(texts[i % 3].toCharArray());
            bytes.add(texts[i % 3].getBytes(StandardCharsets.US_ASCII));
        }
        QSymbolVector v = QSymbolVector.of(items);
        byte[] encoded = new Encoder().encode(MessageType.SYNC, v);
        long took = timed(() -> new Encoder().encode(MessageType.SYNC, v));
        assertThat(encoded).isEqualTo(symbolVectorMessage(bytes));
        assertThat(took).as("nanoseconds to encode 100,000 separate instances of 3 symbols").isLessThan(BOUND_NANOS);
    }
}
