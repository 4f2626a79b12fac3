package dev.q4j.codec;

import static dev.q4j.codec.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Hex;
import dev.q4j.testing.QValueArbitraries;
import dev.q4j.value.QError;
import dev.q4j.value.QLambda;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** decode(encode(v)) == v for generated values of every type, compressed or not, whole or in pieces. */
class CodecPropertiesTest {
    private final Encoder encoder = new Encoder();
    private final Decoder decoder = new Decoder();

    @Provide
    Arbitrary<QValue> values() {
        return QValueArbitraries.values();
    }

    @Property(tries = 2000)
    void decodeOfEncodeIsIdentity(@ForAll("values") QValue value, @ForAll MessageType type) {
        byte[] bytes = encoder.encode(type, value);
        QMessage m = decoder.decode(bytes);
        assertThat(m.type()).isEqualTo(type);
        assertThat(m.value()).isEqualTo(value);
        assertThat(bytes.length).isEqualTo(8 + Encoder.sizeOf(value));
        assertThat(encoder.encode(type, m.value())).isEqualTo(bytes);
    }

    @Property(tries = 500)
    void compressedRoundTrip(@ForAll("values") QValue value, @ForAll @IntRange(min = 1, max = 400) int repeat) {
        // repeat the value inside a list so that some messages are big and compressible
        QValue[] items = new QValue[repeat];
        java.util.Arrays.fill(items, value);
        QValue list = dev.q4j.value.QList.of(items);
        byte[] bytes = encoder.encode(MessageType.ASYNC, list, Compression.ALWAYS);
        QMessage m = decoder.decode(bytes);
        assertThat(m.value()).isEqualTo(list);
        byte[] kdb = encoder.encode(MessageType.ASYNC, list, Compression.KDB);
        byte[] plain = encoder.encode(MessageType.ASYNC, list);
        boolean kdbWouldCompress = plain.length > 2000 && IpcCompression.compress(plain) != null;
        assertThat(kdb[2] == 1).isEqualTo(kdbWouldCompress);
        assertThat(bytes[2] == 1).isEqualTo(IpcCompression.compress(plain) != null);
        assertThat(decoder.decode(kdb).value()).isEqualTo(list);
    }

    @Property(tries = 300)
    void incrementalDecodingInRandomChunks(@ForAll("values") QValue value,
            @ForAll @IntRange(min = 1, max = 64) int chunk) {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, value);
        IncrementalDecoder in = new IncrementalDecoder(decoder);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            ByteBuffer piece = buffer.slice();
            piece.limit(Math.min(chunk, piece.remaining()));
            buffer.position(buffer.position() + piece.limit());
            in.feed(piece);
        }
        assertThat(in.poll().value()).isEqualTo(value);
    }

    @Test
    void symbolsThatAreNotUtf8RoundTripExactly() {
        byte[] m = message("f5ff00");   // `$"\377"
        QValue v = decoder.decode(m).value();
        assertThat(v).isEqualTo(QSymbol.of("\uDCFF"));
        assertThat(encoder.encode(MessageType.RESPONSE, v)).isEqualTo(m);
        byte[] err = message("806162ff00");
        assertThat(decoder.decode(err).value()).isEqualTo(new QError("ab\uDCFF"));
        assertThat(encoder.encode(MessageType.RESPONSE, decoder.decode(err).value())).isEqualTo(err);
        byte[] lambda = message("64ff000a00030000007bff7d");
        assertThat(decoder.decode(lambda).value()).isEqualTo(new QLambda("\uDCFF", "{\uDCFF}"));
        assertThat(encoder.encode(MessageType.RESPONSE, decoder.decode(lambda).value())).isEqualTo(lambda);
    }
    @Property(tries = 500)
    void anySymbolBytesRoundTrip(@ForAll @Size(max = 12) byte[] raw) {
        ByteBuffer body = ByteBuffer.allocate(6 + 2 * (raw.length + 1));
        body.put((byte) 11).put((byte) 0).putInt(Integer.reverseBytes(2));
        for (int k = 0; k < 2; k++) {
            for (byte b : raw) {
                body.put(b == 0 ? 1 : b);
            }
            body.put((byte) 0);
        }
        byte[] m = message(Hex.hex(body.array()));
        QSymbolVector v = (QSymbolVector) decoder.decode(m).value();
        assertThat(v.get(0)).isSameAs(v.get(1));
        assertThat(encoder.encode(MessageType.RESPONSE, v)).isEqualTo(m);
    }
}
