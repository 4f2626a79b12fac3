package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.kx.c;
import dev.q4j.QProtocolException;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.interop.JavakdbModel;
import dev.q4j.interop.JavakdbUtf8;
import dev.q4j.value.QChar;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input always ends in a {@link QProtocolException} naming the problem: never an OutOfMemoryError,
 * ClassCastException, ArrayIndexOutOfBoundsException, StackOverflowError or a silently wrong value. Where corrupted
 * bytes still form a valid message, the value must be the one they hold: it writes back to the same bytes, and KX's
 * Java interface reads the same value in them.
 */
@ExtendWith(JavakdbUtf8.class)
class HostileInputTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    /** Checks that decoding the message fails with a protocol error whose message holds each of the parts. */
    private void assertRefused(String hex, String... parts) {
        assertThatThrownBy(() -> decoder.decode(Hex.hex(hex))).isInstanceOf(QProtocolException.class)
                .hasMessageContainingAll(parts);
    }

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void everyTruncationIsAProtocolError(CorpusEntry entry) {
        byte[] m = entry.message();
        for (int len = 0; len < m.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(m, len);
            assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(QProtocolException.class)
                    .hasMessageContaining("truncated");
            if (len >= 8) {
                // the same bytes with the header's length corrected: the body itself is cut short
                byte[] relabelled = cut.clone();
                java.nio.ByteBuffer.wrap(relabelled).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, len);
                expectProtocolErrorOrValue(relabelled);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void randomCorruptionNeverEscapesAsAnotherException(CorpusEntry entry) {
        Random random = new Random(entry.hex().hashCode());
        byte[] m = entry.message();
        for (int trial = 0; trial < 200; trial++) {
            byte[] bad = m.clone();
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                int at = 8 + random.nextInt(Math.max(1, bad.length - 8));
                if (at < bad.length) {
                    bad[at] = (byte) random.nextInt(256);
                }
            }
            expectProtocolErrorOrValue(bad);
        }
    }

    @Test
    void aSilentlyWrongValueFailsTheCheck() {
        // the check above must tell a wrong value from the right one: fed a decoder that returns a value other than
        // the one the bytes hold, it fails
        CorpusEntry longs = Corpus.qpythonExpressions().stream().filter(e -> e.qExpression().equals("1 2 3"))
                .findFirst().orElseThrow();
        Function<byte[], QMessage> offByOne = b -> {
            QMessage m = decoder.decode(b);
            return new QMessage(m.type(), m.order(), m.compressed(), QLongVector.of(1, 2, 4));
        };
        assertThatThrownBy(() -> expectProtocolErrorOrValue(longs.message(), offByOne))
                .isInstanceOf(AssertionError.class).hasMessageContaining("writes back differently");
        // the right decoder passes, and a compressed message is checked against its decompressed bytes
        expectProtocolErrorOrValue(longs.message());
        CorpusEntry compressed = Corpus.compressed().get(0);
        expectProtocolErrorOrValue(compressed.message());
        Function<byte[], QMessage> wrongType = b -> {
            QMessage m = decoder.decode(b);
            return new QMessage(m.type(), m.order(), m.compressed(), QList.of(m.value()));
        };
        assertThatThrownBy(() -> expectProtocolErrorOrValue(compressed.message(), wrongType))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void impossibleVectorLengthNamesTheBytesNeeded() {
        // long vector claiming 2^31-1 items in a 14-byte body
        assertRefused("010000000e0000000700ffffff7f",
                "long vector of 2147483647 items needs 17179869176 bytes but only 0 remain", "offset 14");
    }

    @Test
    void negativeCountIsRejected() {
        assertRefused("010000000e00000007000000ff80", "negative count");
    }

    @Test
    void impossibleListLengthIsRejectedBeforeAllocating() {
        assertRefused("010000000e0000000000ffffff7f", "list of 2147483647 items cannot fit");
    }

    @Test
    void deepNestingStopsAtTheLimitNotWithStackOverflow() {
        int depth = 100_000;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[8]);
        for (int i = 0; i < depth; i++) {
            out.writeBytes(new byte[] {0, 0, 1, 0, 0, 0});
        }
        out.writeBytes(new byte[] {(byte) 0xf9, 1, 0, 0, 0, 0, 0, 0, 0});
        byte[] m = out.toByteArray();
        m[0] = 1;
        java.nio.ByteBuffer.wrap(m).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, m.length);
        assertThatThrownBy(() -> decoder.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("nesting deeper than 256 levels");
        Decoder lenient = new Decoder(DecodeLimits.DEFAULT.withMaxDepth(DecodeLimits.MAX_DEPTH));
        assertThatThrownBy(() -> lenient.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("nesting deeper than 1000 levels");
        assertThatThrownBy(() -> DecodeLimits.DEFAULT.withMaxDepth(200_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDepth must be 1 .. 1000");
    }

    @Test
    void maximumDepthDecodesOnAThreadWithASmallStack() throws Exception {
        // a list nested exactly MAX_DEPTH deep, decoded on a 1 MiB stack (the JVM default for new threads)
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[8]);
        for (int i = 0; i < DecodeLimits.MAX_DEPTH; i++) {
            out.writeBytes(new byte[] {0, 0, 1, 0, 0, 0});
        }
        out.writeBytes(new byte[] {(byte) 0xf9, 1, 0, 0, 0, 0, 0, 0, 0});
        byte[] m = out.toByteArray();
        m[0] = 1;
        java.nio.ByteBuffer.wrap(m).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(4, m.length);
        Decoder lenient = new Decoder(DecodeLimits.UNLIMITED);
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = lenient.decode(m).value();
            } catch (RuntimeException | Error e) {
                result[0] = e;
            }
        }, "small-stack", 1024 * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isInstanceOf(dev.q4j.value.QList.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 20, 50, 76, 77, 80, 96, 97, 112, 113, 126, -3, -20, -100, -127})
    void unknownOrUnsendableTypesAreNamed(int type) {
        byte[] m = Hex.hex("010000000d000000" + String.format("%02x", type & 0xFF) + "00000000");
        assertThatThrownBy(() -> decoder.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining(String.valueOf(type))
                .hasMessageContaining("offset 8");
    }

    @Test
    void booleanOtherThanZeroOrOneIsRejected() {
        assertRefused("010000000a000000ff02", "boolean byte 2");
    }

    @Test
    void unknownAttributeIsRejected() {
        assertRefused("010000000e000000070900000000", "unknown attribute byte 9");
    }

    @Test
    void trailingBytesAndLengthMismatchAreRejected() {
        assertRefused("010000000b000000fa0100000000", "trailing bytes");
        assertRefused("010000000e000000fa0100000000", "left over");
    }

    @Test
    void oversizedMessageIsRejectedByTheLimit() {
        Decoder small = new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(16));
        assertThatThrownBy(() -> small.decode(Hex.hex("0100000011000000f90100000000000000")))
                .isInstanceOf(QProtocolException.class).hasMessageContaining("over the limit of 16 bytes");
    }

    @Test
    void corruptCompressedMessageIsAProtocolError() {
        CorpusEntry c = Corpus.compressed().get(0);
        byte[] bad = c.message().clone();
        // claim a bigger uncompressed size than the stream produces
        java.nio.ByteBuffer.wrap(bad).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(8, 100_000);
        assertThatThrownBy(() -> decoder.decode(bad)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("compressed");
    }

    @Test
    void textWithoutAUtf8FormIsRefusedRatherThanSentAsQuestionMarks() {
        Encoder encoder = new Encoder();
        assertThatThrownBy(() -> encoder.encode(MessageType.ASYNC, dev.q4j.value.QSymbol.of("a\uD800b")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> encoder.encode(MessageType.ASYNC, dev.q4j.value.QLambda.of("{\uDC00}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lone surrogate");
        assertThat(decoder.decode(encoder.encode(MessageType.ASYNC, dev.q4j.value.QSymbol.of("\u4f60\uD83D\uDE00")))
                .value()).isEqualTo(dev.q4j.value.QSymbol.of("\u4f60\uD83D\uDE00"));
    }

    /**
     * The claim of this class: bytes either fail with a {@link QProtocolException} or give the value they hold. Two
     * checks make "the value they hold" concrete: the value written back gives exactly the same bytes (for a
     * compressed message, the same bytes once decompressed), so nothing was lost or invented; and KX's Java
     * interface, an independent decoder (and decompressor), reads the same value in the same bytes wherever it can
     * read them at all.
     */
    private void expectProtocolErrorOrValue(byte[] bytes) {
        expectProtocolErrorOrValue(bytes, decoder::decode);
    }

    private void expectProtocolErrorOrValue(byte[] bytes, Function<byte[], QMessage> decode) {
        QMessage m;
        try {
            m = decode.apply(bytes);
        } catch (QProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return;
        } catch (RuntimeException | Error e) {
            fail("expected a QProtocolException for " + Hex.hex(bytes) + " but got " + e, e);
            return;
        }
        byte[] plain = m.compressed() ? IpcCompression.decompress(bytes) : bytes;
        byte[] again = encoder.encode(m.type(), m.value(), Compression.NEVER);
        assertThat(Hex.hex(again)).as("%s decoded to %s, which writes back differently", Hex.hex(bytes), m.value())
                .isEqualTo(Hex.hex(plain));
        agreesWithJavakdb(bytes, m.value());
    }

    private static void agreesWithJavakdb(byte[] bytes, QValue ours) {
        Object theirs;
        try {
            theirs = new c().deserialize(bytes);
        } catch (c.KException e) {
            // javakdb throws a q error instead of returning it
            assertThat(ours).as("javakdb read a q error in %s", Hex.hex(bytes)).isInstanceOf(QError.class);
            assertThat(e.getMessage()).isEqualTo(JavakdbModel.javakdbText(((QError) ours).message()));
            return;
        } catch (Exception | Error e) {
            // javakdb cannot hold an error inside another value (it throws part way)
            assertThat(containsError(ours)).as("javakdb failed (%s) on %s, which q4j decoded to %s", e,
                    Hex.hex(bytes), ours).isTrue();
            return;
        }
        assertThat(ours).as("javakdb read a value in %s, where q4j found an error", Hex.hex(bytes))
                .isNotInstanceOf(QError.class);
        Object expected = JavakdbModel.view(ours);
        assertThat(JavakdbModel.same(expected, theirs))
                .as("%s: q4j decoded %s (seen by javakdb as %s), javakdb read %s", Hex.hex(bytes), ours,
                        JavakdbModel.describe(expected), JavakdbModel.describe(theirs))
                .isTrue();
    }

    private static boolean containsError(QValue v) {
        if (v instanceof QError) {
            return true;
        }
        if (v instanceof QList l) {
            for (QValue item : l.items()) {
                if (containsError(item)) {
                    return true;
                }
            }
        } else if (v instanceof QDict d) {
            return containsError(d.keys()) || containsError(d.values());
        } else if (v instanceof QTable t) {
            return t.columns().stream().anyMatch(HostileInputTest::containsError);
        } else if (v instanceof QKeyedTable k) {
            return containsError(k.keys()) || containsError(k.values());
        }
        return false;
    }

    @Test
    void repeatedSmallAtomsShareInstancesSoDecodingDoesNotAmplifyMemory() {
        // a list of 1000 char atoms and 1000 unary primitives: one instance per distinct value
        StringBuilder hex = new StringBuilder("0000e8030000");
        for (int i = 0; i < 1000; i++) {
            hex.append("f661");
        }
        QList chars = (QList) decoder.decodeBody(Hex.hex(hex.toString()), 0, hex.length() / 2, ByteOrder.LITTLE_ENDIAN);
        assertThat(chars.at(0)).isSameAs(chars.at(999)).isSameAs(QChar.of('a'));
        assertThat(QUnaryPrimitive.of(1)).isSameAs(QUnaryPrimitive.of(1));
    }
}
