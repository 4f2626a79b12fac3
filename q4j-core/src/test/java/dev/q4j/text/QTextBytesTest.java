package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.testing.RoundTrips;
import dev.q4j.value.QError;
import dev.q4j.value.QLambda;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Review finding 2: text in symbols, error texts and lambdas goes through {@link dev.q4j.value.QUtf8}, so that any
 * bytes on the wire, UTF-8 or not, decode, print, parse and encode back to exactly the same bytes. The messages are
 * built by hand, byte by byte, so that nothing but the decoder turns them into text.
 */
class QTextBytesTest {
    private static final Decoder DECODER = new Decoder();
    private static final Encoder ENCODER = new Encoder();

    /** A little-endian async message around {@code body}. */
    private static byte[] message(byte[] body) {
        int n = body.length + 8;
        byte[] m = new byte[n];
        m[0] = 1;
        m[4] = (byte) n;
        m[5] = (byte) (n >> 8);
        m[6] = (byte) (n >> 16);
        m[7] = (byte) (n >> 24);
        System.arraycopy(body, 0, m, 8, body.length);
        return m;
    }

    private static void putInt(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >> 8);
        out.write(v >> 16);
        out.write(v >> 24);
    }

    /** The bytes with every NUL (the wire's terminator) made 1. */
    private static byte[] withoutNul(byte[] b) {
        byte[] out = b.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == 0) {
                out[i] = 1;
            }
        }
        return out;
    }

    /** decode, print, parse, encode: the same bytes; and the text is one line. */
    private static String assertWireRoundTrip(byte[] message) {
        QValue v = DECODER.decode(message).value();
        String text = QText.print(v);
        RoundTrips.assertOneLine(text);
        QValue back;
        try {
            back = QText.parse(text);
        } catch (QTextException e) {
            throw new AssertionError("cannot parse the printed text " + text, e);
        }
        assertThat(ENCODER.encode(MessageType.ASYNC, back)).as("bytes of %s", text).isEqualTo(message);
        assertThat(QText.print(back)).isEqualTo(text);
        return text;
    }

    @Provide
    Arbitrary<byte[]> texts() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(12);
        Arbitrary<byte[]> high = Arbitraries.bytes().between((byte) 0x80, (byte) 0xff).array(byte[].class)
                .ofMaxSize(6);
        Arbitrary<byte[]> utf8 = Arbitraries.strings().all().ofMaxLength(6)
                .filter(s -> s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF))
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> piece = Arbitraries.oneOf(List.of(random, high, utf8));
        return piece.list().ofMaxSize(3).map(parts -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            parts.forEach(out::writeBytes);
            return withoutNul(out.toByteArray());
        });
    }

    @Property(tries = 3000)
    void anySymbolBytesRoundTrip(@ForAll("texts") byte[] symbol) {
        assertWireRoundTrip(message(nulTerminated(-11, symbol)));
    }

    /** @return the body of an atom of {@code type} that is text bytes and a NUL: a symbol (-11), an error (-128) */
    private static byte[] nulTerminated(int type, byte[] text) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(type);
        body.writeBytes(text);
        body.write(0);
        return body.toByteArray();
    }

    @Property(tries = 1000)
    void anySymbolVectorBytesRoundTrip(@ForAll("symbolLists") List<byte[]> symbols) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(11);
        body.write(0);
        putInt(body, symbols.size());
        for (byte[] s : symbols) {
            body.writeBytes(s);
            body.write(0);
        }
        assertWireRoundTrip(message(body.toByteArray()));
    }

    @Provide
    Arbitrary<List<byte[]>> symbolLists() {
        return texts().list().ofMaxSize(4);
    }

    @Property(tries = 2000)
    void anyErrorTextBytesRoundTrip(@ForAll("texts") byte[] text) {
        assertWireRoundTrip(message(nulTerminated(-128, text)));
    }

    @Property(tries = 2000)
    void anyLambdaSourceBytesRoundTripOnOneLine(@ForAll("texts") byte[] inside, @ForAll("contexts") byte[] context) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(100);
        body.writeBytes(context);
        body.write(0);
        body.write(10);
        body.write(0);
        putInt(body, inside.length + 2);
        body.write('{');
        body.writeBytes(inside);
        body.write('}');
        assertWireRoundTrip(message(body.toByteArray()));
    }

    @Provide
    Arbitrary<byte[]> contexts() {
        return Arbitraries.oneOf(List.of(Arbitraries.of("", "q", "a.b", "z9_").map(c -> c.getBytes(
                StandardCharsets.US_ASCII)), texts()));
    }

    @Test
    void aSymbolThatIsNotUtf8PrintsItsWireBytes() {
        byte[] m = message(new byte[] {-11, (byte) 0xff, (byte) 0xc3, 0x41, 0});
        QValue v = DECODER.decode(m).value();
        assertThat(v).isEqualTo(QSymbol.of("\uDCFF\uDCC3A"));
        assertThat(assertWireRoundTrip(m)).isEqualTo("`$\"\\377\\303A\"");
        assertThat(QText.parse("`$\"\\377\"")).isEqualTo(QSymbol.of("\uDCFF"));
    }

    @Test
    void textWithALoneSurrogateHasNoBytesSoItHasNoText() {
        for (QValue v : List.of(QSymbol.of("a\uD800"), QSymbolVector.of("a b", "\uDFFF"), new QError("x \uD800"),
                QLambda.of("{x\uDBFF}"), new QLambda("q", "{\uD800\n}"))) {
            assertThatThrownBy(() -> QText.print(v)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lone surrogate");
        }
    }
}
