package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.QLimitException;
import dev.q4j.QProtocolException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.Hex;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Decoder#decode} and {@link Decoder#decodeInPlace}, with the default limits and with
 * {@link DecodeLimits#UNLIMITED}, on any bytes. A finding is:
 * <ul>
 * <li>anything but a message or a {@link QProtocolException} with a message, from any of the four;</li>
 * <li>{@code decodeInPlace} disagreeing with {@code decode} (another value, or one fails and the other does not);
 *     a message at an offset in a larger array decoding otherwise than alone;</li>
 * <li>the default limits giving a value the unlimited decoder does not, or refusing what it accepts for any reason
 *     but a limit (a {@link QLimitException}: nesting depth or size);</li>
 * <li>a decoded value that does not survive encoding and decoding again unchanged;</li>
 * <li>more than {@link Budget} allows: a second on one input while fuzzing, or more allocation than 64 times the
 *     (uncompressed) message plus 64 KiB.</li>
 * </ul>
 */
class DecoderFuzzTest {
    private static final Decoder DEFAULT = new Decoder();
    private static final Decoder UNLIMITED = new Decoder(DecodeLimits.UNLIMITED);
    private static final Encoder ENCODER = new Encoder();

    static Stream<Arguments> seeds() {
        return Seeds.of(DecoderFuzzTest.class, "decode", Seeds.messages());
    }

    @MethodSource("seeds")
    @FuzzTest
    void decode(byte[] data) {
        Outcome byDefault = Budget.bounded(Work.DECODE, data);
        Outcome unlimited = Budget.bounded(Work.DECODE_UNLIMITED, data);
        Outcome inPlace = Outcome.of(() -> DEFAULT.decodeInPlace(data.clone()));
        Outcome unlimitedInPlace = Outcome.of(() -> UNLIMITED.decodeInPlace(data.clone()));
        agree("decodeInPlace (default limits)", byDefault, inPlace, data);
        agree("decodeInPlace (unlimited)", unlimited, unlimitedInPlace, data);
        agree("decode at offset 3 of a larger array", byDefault, Outcome.of(() -> {
            byte[] padded = new byte[data.length + 5];
            System.arraycopy(data, 0, padded, 3, data.length);
            return DEFAULT.decode(padded, 3, data.length);
        }), data);
        if (byDefault.message != null) {
            agree("the unlimited decoder", byDefault, unlimited, data);
        } else if (unlimited.message != null && !isLimit(byDefault.failure)) {
            throw new AssertionError("the default limits refuse what the unlimited decoder accepts, but not for a "
                    + "limit: " + byDefault.failure.getMessage() + " on " + Hex.hex(data), byDefault.failure);
        }
        if (unlimited.message != null) {
            reencode(unlimited.message, data);
        }
    }

    /** The size the cost is measured against: the uncompressed size a compressed message declares, if larger. */
    static long costBase(byte[] data) {
        if (data.length >= 12 && data[2] == MessageHeader.COMPRESSED
                && (data[0] == MessageHeader.BIG_ENDIAN || data[0] == MessageHeader.LITTLE_ENDIAN)) {
            long declared = data[0] == MessageHeader.LITTLE_ENDIAN
                    ? (data[8] & 0xFFL) | (data[9] & 0xFFL) << 8 | (data[10] & 0xFFL) << 16 | (data[11] & 0xFFL) << 24
                    : (data[11] & 0xFFL) | (data[10] & 0xFFL) << 8 | (data[9] & 0xFFL) << 16 | (data[8] & 0xFFL) << 24;
            // the decompressor refuses more than 129 x its stream (and checks before it allocates)
            return Math.max(data.length, Math.min(declared, 129L * data.length));
        }
        return data.length;
    }

    private static boolean isLimit(QProtocolException e) {
        return e instanceof QLimitException;
    }

    private static void reencode(QMessage m, byte[] data) {
        byte[] again;
        try {
            again = ENCODER.encode(m.type(), m.value(), Compression.NEVER);
        } catch (RuntimeException e) {
            throw new AssertionError("a decoded value does not encode: " + e + " for " + Hex.hex(data), e);
        }
        QMessage back;
        try {
            back = UNLIMITED.decode(again);
        } catch (RuntimeException e) {
            throw new AssertionError("a decoded value, encoded again, does not decode: " + e + " for "
                    + Hex.hex(data) + ", encoded again as " + Hex.hex(again), e);
        }
        if (!back.value().equals(m.value())) {
            throw new AssertionError("a decoded value, encoded and decoded again, changed: " + m.value() + " became "
                    + back.value() + " for " + Hex.hex(data));
        }
    }

    private static void agree(String what, Outcome expected, Outcome actual, byte[] data) {
        if ((expected.message == null) != (actual.message == null)
                || expected.message != null && !expected.message.equals(actual.message)) {
            throw new AssertionError(what + " disagrees with decode: " + actual + " instead of " + expected + " for "
                    + Hex.hex(data));
        }
    }

    /** A decoded message or a {@link QProtocolException}; anything else is thrown as a finding. */
    static final class Outcome {
        final QMessage message;
        final QProtocolException failure;

        private Outcome(QMessage message, QProtocolException failure) {
            this.message = message;
            this.failure = failure;
        }

        static Outcome of(Supplier<QMessage> decode) {
            try {
                return new Outcome(Objects.requireNonNull(decode.get(), "decoded to null"), null);
            } catch (QProtocolException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("a QProtocolException without a message", e);
                }
                return new Outcome(null, e);
            }
        }

        @Override
        public String toString() {
            return message != null ? "value " + message : "failure " + failure.getMessage();
        }
    }
}
