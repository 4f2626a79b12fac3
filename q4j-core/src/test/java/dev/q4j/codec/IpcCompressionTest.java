package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.kx.c;
import dev.q4j.QLimitException;
import dev.q4j.QProtocolException;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpcCompressionTest {
    private final Decoder decoder = new Decoder();

    // ---------------------------------------------------------------------------------------------------------------
    // kdb+ captures

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.q4j.corpus.Corpus#compressed")
    void captureDecompressesToItsDeclaredSize(CorpusEntry entry) {
        byte[] compressed = entry.message();
        int size = IpcCompression.uncompressedLength(compressed);

        byte[] plain = IpcCompression.decompress(compressed);

        assertThat(plain).hasSize(size);
        assertThat(plain[0]).isEqualTo(compressed[0]);
        assertThat(plain[1]).isEqualTo(compressed[1]);
        assertThat(plain[2]).isZero();
        assertThat(plain[3]).isEqualTo(compressed[3]);
        assertThat(littleEndianInt(plain, 4)).isEqualTo(size);
        assertThat(IpcCompression.shouldCompress(size)).as("kdb+ compressed it, so it is over the threshold").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.q4j.corpus.Corpus#compressed")
    void recompressingReproducesTheCaptureByteForByte(CorpusEntry entry) {
        byte[] plain = IpcCompression.decompress(entry.message());

        byte[] again = IpcCompression.compress(plain);

        assertThat(again).as("compress(decompress(capture))").isNotNull();
        assertThat(Hex.hex(again)).isEqualTo(entry.hex());
        assertThat(again.length).isLessThanOrEqualTo(plain.length / 2);
    }

    /** Checks that decompressing {@code message} fails, saying what is wrong with it in each of {@code parts}. */
    private static void assertCorrupt(byte[] message, String... parts) {
        assertThatThrownBy(() -> IpcCompression.decompress(message)).isInstanceOf(IpcCompressionException.class)
                .hasMessageContainingAll(parts);
    }

    @Test
    void capturesDecodeToWhatTheirExpressionsSay() {
        // 1000#`q: symbol vector (11), attribute 0, count 1000, then 1000 times "q\0"
        byte[] sym = IpcCompression.decompress(Corpus.qpythonCompressed().get(0).message());
        assertThat(Hex.hex(Arrays.copyOfRange(sym, 8, 14))).isEqualTo("0b00e8030000");
        for (int i = 0; i < 1000; i++) {
            assertThat(sym[14 + 2 * i]).isEqualTo((byte) 'q');
            assertThat(sym[15 + 2 * i]).isZero();
        }
        // kdb+ 2.x capture: ([] a:til 200; ...) with INT columns 0..199
        byte[] table = IpcCompression.decompress(Corpus.qjavaCompressed().get(2).message());
        assertThat(table).hasSize(2047);
        String hex = Hex.hex(table);
        int col = hex.indexOf("0600c8000000") / 2 + 6; // int vector, count 200
        assertThat(col).isGreaterThan(8);
        for (int i = 0; i < 200; i++) {
            assertThat(littleEndianInt(table, col + 4 * i)).isEqualTo(i);
        }
    }

    @Test
    void javakdbJk03DecompressesAndRecompressesIdentically() {
        CorpusEntry jk03 = Corpus.javakdb("JK03");
        byte[] plain = IpcCompression.decompress(jk03.message());

        assertThat(plain).hasSize(2014);
        assertThat(Hex.hex(Arrays.copyOfRange(plain, 0, 14))).isEqualTo("01000000de0700000100d0070000");
        for (int i = 14; i < plain.length; i++) {
            assertThat(plain[i]).isEqualTo((byte) 1);
        }
        assertThat(Hex.hex(IpcCompression.compress(plain))).isEqualTo(jk03.hex());
    }

    // ---------------------------------------------------------------------------------------------------------------
    // rules

    @Test
    void thresholdIsStrictlyOver2000Bytes() {
        assertThat(IpcCompression.shouldCompress(0)).isFalse();
        assertThat(IpcCompression.shouldCompress(1999)).isFalse();
        assertThat(IpcCompression.shouldCompress(2000)).isFalse();
        assertThat(IpcCompression.shouldCompress(2001)).isTrue();
        assertThat(IpcCompression.shouldCompress(Integer.MAX_VALUE)).isTrue();
    }

    @Test
    void uncompressedLengthReadsTheMessagesByteOrder() {
        assertThat(IpcCompression.uncompressedLength(Hex.hex("010001000c000000de070000"))).isEqualTo(2014);
        assertThat(IpcCompression.uncompressedLength(Hex.hex("000001000000000c000007de"))).isEqualTo(2014);
        assertThatThrownBy(() -> IpcCompression.uncompressedLength(Hex.hex("010001000c000000de07")))
                .isInstanceOf(IpcCompressionException.class).hasMessageContaining("too short");
        assertThatThrownBy(() -> IpcCompression.uncompressedLength(Hex.hex("010000000c000000de070000")))
                .isInstanceOf(IpcCompressionException.class).hasMessageContaining("not compressed");
    }

    @Test
    void incompressibleDataGivesNull() {
        Random random = new Random(1);
        for (int size : new int[] {8, 9, 57, 100, 2001, 10_000, 1 << 20}) {
            byte[] body = new byte[size - 8];
            random.nextBytes(body);
            assertThat(IpcCompression.compress(message(true, body))).as("random, %d bytes", size).isNull();
        }
    }

    @Test
    void halfSizeRuleChecksBeforeEachGroupOf8Tokens() {
        // all zeros compress to almost nothing; 57 bytes leave no room (floor(57/2) - 17 < 12), 58 just enough
        assertThat(IpcCompression.compress(message(true, new byte[57 - 8]))).isNull();
        byte[] tiny = IpcCompression.compress(message(true, new byte[58 - 8]));
        assertThat(tiny).isNotNull();
        assertThat(tiny.length).isLessThanOrEqualTo(29);
        assertThat(IpcCompression.decompress(tiny)).isEqualTo(message(true, new byte[58 - 8]));
    }

    @Test
    void agreesWithKxJavaInterfaceIncludingWhenToGiveUp() throws Exception {
        // javakdb 2.0 writes big-endian messages and compresses with KX's published algorithm. Data mixing random
        // bytes and runs lands on both sides of the half-size boundary.
        c kx = new c();
        Random random = new Random(2024);
        int compressed = 0;
        int declined = 0;
        int nearBoundary = 0;
        for (int iteration = 0; iteration < 3000; iteration++) {
            byte[] body = mixed(random, 1990 + random.nextInt(6000), 0.38 + 0.1 * random.nextDouble());
            byte[] plain = kx.serialize(0, body, false);
            byte[] theirs = kx.serialize(0, body, true);

            byte[] ours = IpcCompression.compress(plain);

            if (theirs[2] == 0) {
                assertThat(ours).as("javakdb declined, iteration %d", iteration).isNull();
                declined++;
            } else {
                assertThat(ours).as("iteration %d", iteration).isEqualTo(theirs);
                assertThat(IpcCompression.decompress(ours)).isEqualTo(plain);
                compressed++;
                if (ours.length > plain.length / 2 - 40) {
                    nearBoundary++;
                }
            }
        }
        assertThat(compressed).isGreaterThan(500);
        assertThat(declined).isGreaterThan(500);
        assertThat(nearBoundary).isGreaterThan(50);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // round trips

    @Test
    void roundTripsManySizesOfMixedData() {
        Random random = new Random(3);
        int compressed = 0;
        for (int size = 8; size < 30_000; size += 1 + size / 7) {
            for (double randomShare : new double[] {0.0, 0.1, 0.3, 0.45}) {
                byte[] plain = message(random.nextBoolean(), mixed(random, size - 8, randomShare));
                byte[] zipped = IpcCompression.compress(plain);
                if (zipped != null) {
                    compressed++;
                    assertThat(zipped.length).isLessThanOrEqualTo(plain.length / 2);
                    assertThat(IpcCompression.uncompressedLength(zipped)).isEqualTo(plain.length);
                    assertThat(IpcCompression.decompress(zipped)).as("size %d", size).isEqualTo(plain);
                }
            }
        }
        assertThat(compressed).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(ints = {58, 59, 64, 65, 2001, 4096, 65_536, 1 << 20, 10 << 20})
    void roundTripsHighlyRepetitiveData(int size) {
        byte[][] bodies = new byte[4][size - 8];
        Arrays.fill(bodies[1], (byte) 0x55);
        for (int i = 0; i < size - 8; i++) {
            bodies[2][i] = (byte) (i % 3);
            bodies[3][i] = (byte) "abcdefghijklmnopqrstuvwxyz0123456789".charAt(i % 36);
        }
        for (int b = 0; b < bodies.length; b++) {
            byte[] plain = message(true, bodies[b]);
            byte[] zipped = IpcCompression.compress(plain);
            if (b == 3 && size < 100) {
                // the first period of 36 bytes can only go out as literals: more than half of a small message
                assertThat(zipped).isNull();
                continue;
            }
            assertThat(zipped).as("body %d", b).isNotNull();
            assertThat(IpcCompression.decompress(zipped)).isEqualTo(plain);
            if (size >= 65_536) {
                // constant and period-3 data reach ~120x (a 2-byte token copies at most 257 bytes, plus a flag byte
                // per 8 tokens); period 36 reaches ~25x, as positions inside a copy never enter the table
                assertThat(zipped.length).as("body %d", b).isLessThan(size / (b == 3 ? 20 : 100));
            }
        }
    }

    @Test
    void bigEndianMessagesCarryBigEndianLengthsAndTheSameStream() {
        byte[] body = mixed(new Random(4), 5000, 0.1);
        byte[] little = IpcCompression.compress(message(true, body));
        byte[] big = IpcCompression.compress(message(false, body));

        assertThat(big).hasSameSizeAs(little);
        assertThat(Hex.hex(Arrays.copyOfRange(big, 0, 4))).isEqualTo("00000100");
        assertThat(bigEndianInt(big, 4)).isEqualTo(big.length);
        assertThat(bigEndianInt(big, 8)).isEqualTo(5008);
        assertThat(IpcCompression.uncompressedLength(big)).isEqualTo(5008);
        assertThat(Arrays.copyOfRange(big, 12, big.length)).isEqualTo(Arrays.copyOfRange(little, 12, little.length));
        assertThat(IpcCompression.decompress(big)).isEqualTo(message(false, body));
    }

    @Test
    void workOnASliceOfALargerArray() {
        byte[] plain = message(true, mixed(new Random(5), 3000, 0.2));
        byte[] buffer = new byte[plain.length + 20];
        Arrays.fill(buffer, (byte) 0x77);
        System.arraycopy(plain, 0, buffer, 11, plain.length);
        byte[] zipped = IpcCompression.compress(buffer, 11, plain.length);
        assertThat(zipped).isEqualTo(IpcCompression.compress(plain));

        byte[] zbuffer = new byte[zipped.length + 9];
        System.arraycopy(zipped, 0, zbuffer, 5, zipped.length);
        assertThat(IpcCompression.decompress(zbuffer, 5, zipped.length, 1 << 20)).isEqualTo(plain);
    }

    @Test
    void compressRejectsWhatIsNotAnUncompressedMessage() {
        byte[] plain = message(true, new byte[3000]);
        byte[] zipped = IpcCompression.compress(plain);
        assertThatThrownBy(() -> IpcCompression.compress(zipped))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already compressed");
        assertThatThrownBy(() -> IpcCompression.compress(plain, 0, plain.length - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("header length");
        assertThatThrownBy(() -> IpcCompression.compress(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] badOrder = plain.clone();
        badOrder[0] = 2;
        assertThatThrownBy(() -> IpcCompression.compress(badOrder))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("byte 0");
    }

    // ---------------------------------------------------------------------------------------------------------------
    // hostile input

    @Test
    void truncatedStream() {
        byte[] capture = Corpus.qpythonCompressed().get(2).message();
        byte[] cut = withLength(Arrays.copyOf(capture, capture.length - 1));
        // the last token is a back-reference: its slot byte is there, its length byte is not
        assertCorrupt(cut, "ends early: 3507 of 3647", "at offset " + (capture.length - 2));
        byte[] headerOnly = withLength(Arrays.copyOf(capture, 12));
        assertCorrupt(headerOnly, "cannot come from 0");
    }

    @Test
    void backReferenceToAnEmptySlot() {
        // size 20; flag 01: a back-reference to slot 5 (10 bytes), which nothing filled, then two literals
        byte[] m = Hex.hex("0100010011000000140000000105086161");
        assertCorrupt(m, "table slot 5", "at offset 13");
    }

    @Test
    void backReferenceWritingPastTheDeclaredSize() {
        // size 11 (3 body bytes); literals 'a' 'a' fill slot 0 with position 8; then slot 0 with 5 extra = 7 bytes
        byte[] m = withLength(Hex.hex("01000100000000000b00000004616100" + "05"));
        assertCorrupt(m,
                "copies 7 bytes at output position 10", "past the declared uncompressed size 11", "at offset 15");
        // the same stream is fine when the declared size matches
        byte[] ok = withLength(Hex.hex("0100010000000000110000000461610005"));
        assertThat(Hex.hex(IpcCompression.decompress(ok))).isEqualTo("0100000011000000616161616161616161");
    }

    @Test
    void sizeFieldLyingHighOrLow() {
        byte[] capture = Corpus.qpythonCompressed().get(0).message(); // 2014 bytes uncompressed
        byte[] high = capture.clone();
        putLittleEndianInt(high, 8, 2015);
        assertCorrupt(high, "ends early", "2014 of 2015");
        byte[] low = capture.clone();
        putLittleEndianInt(low, 8, 2013);
        assertCorrupt(low, "past the declared uncompressed size");
        byte[] tiny = capture.clone();
        putLittleEndianInt(tiny, 8, 7);
        assertCorrupt(tiny, "smaller than the 8-byte header", "at offset 8");
        byte[] negative = capture.clone();
        putLittleEndianInt(negative, 8, -1);
        assertCorrupt(negative, "4294967295");
        byte[] huge = capture.clone();
        putLittleEndianInt(huge, 8, 2_000_000_000);
        assertCorrupt(huge, "cannot come from 33");
    }

    @Test
    void sizeLyingWithinTheTrustedExpansionIsFoundWhileDecompressing() {
        // about 3 times smaller, like most kdb+ data: its declared size is allocated without a first pass
        byte[] plain = message(true, mixed(new Random(11), 60_000, 0.3));
        byte[] zipped = IpcCompression.compress(plain);
        assertThat(zipped).isNotNull();
        assertThat((long) plain.length).isLessThan((long) zipped.length * IpcCompression.TRUSTED_EXPANSION);
        byte[] high = zipped.clone();
        putLittleEndianInt(high, 8, plain.length + 1);
        assertCorrupt(high, "ends early: " + plain.length + " of " + (plain.length + 1));
        byte[] low = zipped.clone();
        putLittleEndianInt(low, 8, plain.length - 1);
        assertCorrupt(low, "past the declared uncompressed size " + (plain.length - 1));
        byte[] cut = Arrays.copyOf(zipped, zipped.length - 100);
        putLittleEndianInt(cut, 4, cut.length);
        assertCorrupt(cut, "ends early");
    }

    @Test
    void sizeOverTheCallersLimitIsALimitExceptionNotAMalformedStream() {
        byte[] capture = Corpus.qpythonCompressed().get(0).message();
        assertThatThrownBy(() -> IpcCompression.decompress(capture, 2013))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QLimitException.Limit.MESSAGE_SIZE);
                    assertThat(e.maximum()).isEqualTo(2013);
                    assertThat(e.actual()).isEqualTo(2014);
                    assertThat(e.offset()).isEqualTo(8);
                })
                .hasMessageContaining("2014 exceeds the limit of 2013")
                .hasMessageContaining("at offset 8");
        assertThat(IpcCompression.decompress(capture, 2014)).hasSize(2014);
        assertThatThrownBy(() -> IpcCompression.decompress(capture, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedHeaders() {
        byte[] capture = Corpus.qpythonCompressed().get(0).message();
        assertCorrupt(Arrays.copyOf(capture, 11), "too short");
        byte[] order = capture.clone();
        order[0] = 7;
        assertCorrupt(order, "byte 0");
        byte[] plain = capture.clone();
        plain[2] = 0;
        assertCorrupt(plain, "not compressed");
        byte[] flag2 = capture.clone();
        flag2[2] = 2;
        assertCorrupt(flag2, "compression flag 2");
        byte[] length = capture.clone();
        putLittleEndianInt(length, 4, capture.length + 1);
        assertCorrupt(length, "header length field", "at offset 4");
    }

    @Test
    void trailingBytesAfterTheStream() {
        byte[] capture = Corpus.qpythonCompressed().get(1).message();
        byte[] longer = withLength(Arrays.copyOf(capture, capture.length + 2));
        assertCorrupt(longer, "2 unused bytes", "at offset " + capture.length);
    }

    @Test
    void randomCorruptionOnlyEverGivesIpcCompressionException() {
        Random random = new Random(6);
        int rejected = 0;
        for (CorpusEntry entry : Corpus.compressed()) {
            byte[] capture = entry.message();
            for (int i = 0; i < 300; i++) {
                byte[] bad = capture.clone();
                int edits = 1 + random.nextInt(4);
                for (int k = 0; k < edits; k++) {
                    bad[12 + random.nextInt(bad.length - 12)] = (byte) random.nextInt(256);
                }
                if (random.nextInt(4) == 0) {
                    bad = withLength(Arrays.copyOf(bad, 12 + random.nextInt(bad.length - 12)));
                }
                try {
                    byte[] out = IpcCompression.decompress(bad, 1 << 20);
                    assertThat(out).hasSize(IpcCompression.uncompressedLength(bad));
                } catch (IpcCompressionException expected) {
                    assertThat(expected.getMessage()).contains("at offset " + expected.offset());
                    assertThat(expected.offset()).isBetween(0L, (long) bad.length);
                    rejected++;
                } catch (RuntimeException other) {
                    fail("%s mutated to %s threw %s", entry, Hex.hex(bad), other);
                }
            }
        }
        assertThat(rejected).isGreaterThan(1000);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // helpers

    /** A complete uncompressed async message: header in the given byte order, then body. */
    private static byte[] message(boolean little, byte[] body) {
        byte[] m = new byte[8 + body.length];
        m[0] = (byte) (little ? 1 : 0);
        System.arraycopy(body, 0, m, 8, body.length);
        if (little) {
            putLittleEndianInt(m, 4, m.length);
        } else {
            putBigEndianInt(m, 4, m.length);
        }
        return m;
    }

    /** Random stretches (about {@code randomShare} of the bytes) between runs of a few repeated values. */
    private static byte[] mixed(Random random, int size, double randomShare) {
        byte[] out = new byte[size];
        int i = 0;
        while (i < size) {
            if (random.nextDouble() < randomShare) {
                for (int n = 1 + random.nextInt(30); n > 0 && i < size; n--) {
                    out[i++] = (byte) random.nextInt(256);
                }
            } else {
                byte v = (byte) random.nextInt(4);
                for (int n = 1 + random.nextInt(40); n > 0 && i < size; n--) {
                    out[i++] = v;
                }
            }
        }
        return out;
    }

    /** Sets the (little-endian) header length field to the array's length. */
    private static byte[] withLength(byte[] m) {
        putLittleEndianInt(m, 4, m.length);
        return m;
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static int bigEndianInt(byte[] b, int at) {
        return (b[at + 3] & 0xFF) | (b[at + 2] & 0xFF) << 8 | (b[at + 1] & 0xFF) << 16 | (b[at] & 0xFF) << 24;
    }

    private static void putLittleEndianInt(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void putBigEndianInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    @Test
    void compressedMessageWithALyingSizeFailsBeforeAllocatingIt() {
        // declares a 1 GiB body (which 8.4 MB could expand to) but its stream of zero flags and literal zeros makes far
        // less
        int stream = 8_400_000;
        byte[] m = new byte[12 + stream];
        m[0] = 1;
        m[1] = 2;
        m[2] = 1;
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(4, m.length).putInt(8, (1 << 30) - 16);
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        assertThatThrownBy(() -> decoder.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("ends");
        // the check runs over the compressed bytes only: nothing near 1 GiB was allocated
        assertThat(rt.totalMemory() - rt.freeMemory() - before).isLessThan(256L << 20);
    }
}
