package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QLimitException;
import dev.q4j.QProtocolException;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Each limit of {@link DecodeLimits} has one check, and breaking it is a {@link QLimitException} that says which
 * limit, its value and the figure that broke it, wherever the limit is enforced: so that a caller can tell "too big"
 * or "too deep" from "malformed" by type, not by reading the message.
 */
class DecodeLimitsTest {

    /** a 17-byte message: the long atom 1 */
    private static final byte[] LONG_ATOM = Hex.hex("0100000011000000f90100000000000000");

    @Test
    void messageOverTheSizeLimitIsALimitExceptionCarryingTheLimitAndTheSize() {
        Decoder small = new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(16));
        assertThatThrownBy(() -> small.decode(LONG_ATOM))
                .satisfies(sizeLimit(16, 17, 4))
                .hasMessage("message of 17 bytes is over the limit of 16 bytes (raise DecodeLimits.maxMessageSize "
                        + "to accept it) (at offset 4)");
        assertThat(new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(17)).decode(LONG_ATOM).value())
                .isEqualTo(dev.q4j.value.QLong.of(1));
    }

    @Test
    void incrementalDecoderRefusesAnOversizedHeaderWithTheSameLimitException() {
        IncrementalDecoder in = new IncrementalDecoder(new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(16)));
        assertThatThrownBy(() -> in.feed(LONG_ATOM, 0, 8))
                .satisfies(sizeLimit(16, 17, 4))
                .hasMessage("message of 17 bytes is over the limit of 16 bytes (raise DecodeLimits.maxMessageSize "
                        + "to accept it) (at offset 4)");
    }

    @Test
    void compressedMessageDeclaringAnUncompressedSizeOverTheLimitIsALimitExceptionAtItsSizeField() {
        CorpusEntry capture = Corpus.qpythonCompressed().get(0);
        byte[] m = capture.message();
        int uncompressed = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).getInt(8);
        Decoder decoder = new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(uncompressed - 1));
        assertThatThrownBy(() -> decoder.decode(m)).satisfies(sizeLimit(uncompressed - 1, uncompressed, 8));
        assertThat(new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(uncompressed)).decode(m).compressed())
                .isTrue();
    }

    @Test
    void nestingPastMaxDepthIsALimitExceptionCarryingTheDepthReached() {
        byte[] m = nestedLists(100);
        Decoder shallow = new Decoder(DecodeLimits.DEFAULT.withMaxDepth(10));
        assertThatThrownBy(() -> shallow.decode(m))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QLimitException.Limit.DEPTH);
                    assertThat(e.limit().setting()).isEqualTo("maxDepth");
                    assertThat(e.maximum()).isEqualTo(10);
                    assertThat(e.actual()).isEqualTo(11);
                    // the list at level 10, whose items would be at level 11: the 11th list header, 6 bytes each
                    assertThat(e.offset()).isEqualTo(8 + 10 * 6);
                })
                .hasMessageContaining("nesting deeper than 10 levels (raise DecodeLimits.maxDepth to accept it)");
        assertThat(new Decoder(DecodeLimits.DEFAULT.withMaxDepth(101)).decode(m).value()).isNotNull();
    }

    @Test
    void derivedFunctionsNestedPastMaxDepthAreALimitExceptionToo() {
        // each' (type 106) around each' around ... around the long atom 1: one level per derived function
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 20; i++) {
            body.write(106);
        }
        body.writeBytes(Hex.hex("f90100000000000000"));
        Decoder shallow = new Decoder(DecodeLimits.DEFAULT.withMaxDepth(5));
        assertThatThrownBy(() -> shallow.decode(message(body.toByteArray())))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QLimitException.Limit.DEPTH);
                    assertThat(e.maximum()).isEqualTo(5);
                    assertThat(e.actual()).isEqualTo(6);
                    assertThat(e.offset()).isEqualTo(8 + 6);
                });
    }

    @Test
    void sizeOverWhatAJavaArrayHoldsNamesTheArrayRatherThanTheSetting() {
        DecodeLimits generous = DecodeLimits.DEFAULT.withMaxMessageSize(1L << 40);
        assertThatThrownBy(() -> generous.checkMessageSize(1L << 32, 4))
                .satisfies(sizeLimit(DecodeLimits.JVM_MAX_MESSAGE, 1L << 32, 4))
                .hasMessageContaining("over the limit of 2147483639 bytes, the most a Java array can hold")
                .hasMessageNotContaining("raise");
        generous.checkMessageSize(DecodeLimits.JVM_MAX_MESSAGE, 4);
    }

    @Test
    void depthCheckAcceptsEveryLevelUpToTheLimit() {
        DecodeLimits limits = DecodeLimits.DEFAULT.withMaxDepth(3);
        for (int depth = 0; depth <= 3; depth++) {
            limits.checkDepth(depth, 0);
        }
        assertThatThrownBy(() -> limits.checkDepth(4, -1))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.offset()).isEqualTo(-1);
                    assertThat(e.actual()).isEqualTo(4);
                })
                .hasMessage("nesting deeper than 3 levels (raise DecodeLimits.maxDepth to accept it)");
    }

    @Test
    void malformedInputIsAProtocolExceptionButNotALimitException() {
        // the header promises 17 bytes, 12 arrive; and a list whose count cannot fit
        for (byte[] bad : new byte[][] {Hex.hex("0100000011000000f9010000"), Hex.hex("010000000e0000000000ffffff7f")}) {
            assertThatThrownBy(() -> new Decoder(DecodeLimits.UNLIMITED).decode(bad))
                    .isInstanceOf(QProtocolException.class).isNotInstanceOf(QLimitException.class);
        }
    }

    @Test
    void corruptCompressedStreamIsAnIpcCompressionExceptionWithTheOffsetWhereItWasFound() {
        byte[] bad = Corpus.qpythonCompressed().get(0).message().clone();
        // claim a bigger uncompressed size than the stream produces: the stream runs out at its last byte
        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 3000);
        QProtocolException direct = catchProtocol(() -> IpcCompression.decompress(bad));
        QProtocolException decoded = catchProtocol(() -> new Decoder().decode(bad));
        assertThat(decoded).isInstanceOf(IpcCompressionException.class).isNotInstanceOf(QLimitException.class);
        assertThat(decoded.offset()).isEqualTo(direct.offset()).isEqualTo(bad.length);
        assertThat(decoded).hasMessage(direct.getMessage()).hasMessageContaining("ends early");
        // the same at an offset in a larger array: offsets still count from the message's first byte
        byte[] padded = new byte[bad.length + 7];
        System.arraycopy(bad, 0, padded, 5, bad.length);
        assertThat(catchProtocol(() -> new Decoder().decode(padded, 5, bad.length)).offset()).isEqualTo(bad.length);
    }

    @Test
    void ipcCompressionExceptionIsAQ4jException() {
        assertThat(new IpcCompressionException("bad", 12)).isInstanceOf(dev.q4j.Q4jException.class)
                .hasMessage("bad (at offset 12)")
                .extracting(QProtocolException::offset).isEqualTo(12L);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static Consumer<Throwable> sizeLimit(long maximum, long actual, long offset) {
        return t -> {
            assertThat(t).isInstanceOf(QLimitException.class);
            QLimitException e = (QLimitException) t;
            assertThat(e.limit()).isEqualTo(QLimitException.Limit.MESSAGE_SIZE);
            assertThat(e.limit().setting()).isEqualTo("maxMessageSize");
            assertThat(e.maximum()).isEqualTo(maximum);
            assertThat(e.actual()).isEqualTo(actual);
            assertThat(e.offset()).isEqualTo(offset);
        };
    }

    private static QProtocolException catchProtocol(Runnable r) {
        try {
            r.run();
        } catch (QProtocolException e) {
            return e;
        }
        throw new AssertionError("no QProtocolException");
    }

    /** A message of {@code depth} lists nested in each other around the long atom 1. */
    private static byte[] nestedLists(int depth) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < depth; i++) {
            body.writeBytes(new byte[] {0, 0, 1, 0, 0, 0});
        }
        body.writeBytes(Hex.hex("f90100000000000000"));
        return message(body.toByteArray());
    }

    private static byte[] message(byte[] body) {
        byte[] m = new byte[8 + body.length];
        m[0] = 1;
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(4, m.length);
        System.arraycopy(body, 0, m, 8, body.length);
        return m;
    }
}
