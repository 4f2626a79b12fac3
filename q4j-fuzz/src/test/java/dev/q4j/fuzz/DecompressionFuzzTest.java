package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.IpcCompression;
import dev.q4j.codec.IpcCompressionException;
import dev.q4j.codec.MessageHeader;
import dev.q4j.corpus.Hex;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kdb+'s IPC compression, both ways, on any bytes. A finding is:
 * <ul>
 * <li>{@link IpcCompression#decompress(byte[], int, int, long)} throwing anything but an
 *     {@link IpcCompressionException} or a {@link dev.q4j.QLimitException} with a message, or giving a message
 *     whose header is not that of the uncompressed message (byte 2 zero, length field its size, the declared
 *     size);</li>
 * <li>what it gives not compressing and decompressing back to itself;</li>
 * <li>the same bytes, made an uncompressed message (byte order 0 or 1, byte 2 and 3 zero, the length field its
 *     size), not compressing and decompressing back to themselves, or compressing to more than half their size;</li>
 * <li>more than {@link Budget} allows: a second, or more allocation than 64 times the larger of the input and the
 *     output plus 64 KiB.</li>
 * </ul>
 */
class DecompressionFuzzTest {
    private static final long LIMIT = DecodeLimits.DEFAULT.maxMessageSize();

    static Stream<Arguments> seeds() {
        return Seeds.of(DecompressionFuzzTest.class, "decompressAndCompress", Seeds.messages());
    }

    @MethodSource("seeds")
    @FuzzTest
    void decompressAndCompress(byte[] data) {
        byte[] plain = Budget.bounded(Work.DECOMPRESS, data);
        if (plain != null) {
            if (plain[2] != MessageHeader.PLAIN || plain[0] != data[0] || plain[1] != data[1]
                    || lengthField(plain) != plain.length
                    || IpcCompression.uncompressedLength(data) != plain.length) {
                throw new AssertionError("decompress gave a wrong header: " + Hex.hex(Arrays.copyOf(plain, 8))
                        + " (" + plain.length + " bytes) for " + Hex.hex(data));
            }
            roundTrip("the decompressed message", plain, data);
        }
        if (data.length >= 9) {
            byte[] asPlain = data.clone();
            asPlain[0] = (asPlain[0] & 1) == 0 ? MessageHeader.BIG_ENDIAN : MessageHeader.LITTLE_ENDIAN;
            asPlain[2] = MessageHeader.PLAIN;
            asPlain[3] = 0;
            putLength(asPlain, asPlain.length);
            roundTrip("the input as an uncompressed message", asPlain, data);
        }
    }

    private static void roundTrip(String what, byte[] plain, byte[] data) {
        byte[] packed = Budget.bounded(Work.COMPRESS, plain);
        if (packed == null) {
            return;
        }
        if (packed.length > plain.length / 2) {
            throw new AssertionError(what + " compressed to " + packed.length + " bytes, more than half of "
                    + plain.length + ", for " + Hex.hex(data));
        }
        byte[] back;
        try {
            back = IpcCompression.decompress(packed, 0, packed.length, LIMIT);
        } catch (IpcCompressionException e) {
            throw new AssertionError(what + " compressed to bytes that do not decompress (" + e.getMessage()
                    + "): " + Hex.hex(packed) + ", for " + Hex.hex(data), e);
        }
        if (!Arrays.equals(back, plain)) {
            throw new AssertionError(what + " compressed and decompressed is " + Hex.hex(back) + ", not "
                    + Hex.hex(plain) + ", for " + Hex.hex(data));
        }
    }

    private static long lengthField(byte[] m) {
        return m[0] == MessageHeader.LITTLE_ENDIAN
                ? (m[4] & 0xFFL) | (m[5] & 0xFFL) << 8 | (m[6] & 0xFFL) << 16 | (m[7] & 0xFFL) << 24
                : (m[7] & 0xFFL) | (m[6] & 0xFFL) << 8 | (m[5] & 0xFFL) << 16 | (m[4] & 0xFFL) << 24;
    }

    private static void putLength(byte[] m, int length) {
        for (int i = 0; i < 4; i++) {
            m[m[0] == MessageHeader.LITTLE_ENDIAN ? 4 + i : 7 - i] = (byte) (length >>> (8 * i));
        }
    }
}
