package dev.q4j.properties;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.IncrementalDecoder;
import dev.q4j.codec.IpcCompression;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * decode(encode(v)) == v for generated values of every type, compressed or not, whole or in pieces. q4j-core's
 * codec tested through its public API with the testkit's public generators (q4j-core's tests cannot use them: the
 * core cannot depend on the testkit); the codec's own cases are q4j-core's {@code dev.q4j.codec.CodecPropertiesTest}.
 */
class CodecPropertiesTest {
    private final Encoder encoder = new Encoder();
    private final Decoder decoder = new Decoder();

    @Property(tries = 2000)
    void decodeOfEncodeIsIdentity(@ForAll(supplier = AnyValue.class) QValue value, @ForAll MessageType type) {
        byte[] bytes = encoder.encode(type, value);
        QMessage m = decoder.decode(bytes);
        assertThat(m.type()).isEqualTo(type);
        assertThat(m.value()).isEqualTo(value);
        assertThat(bytes.length).isEqualTo(8 + Encoder.sizeOf(value));
        assertThat(encoder.encode(type, m.value())).isEqualTo(bytes);
    }

    @Property(tries = 500)
    void compressedRoundTrip(@ForAll(supplier = AnyValue.class) QValue value,
            @ForAll @IntRange(min = 1, max = 400) int repeat) {
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
    void incrementalDecodingInRandomChunks(@ForAll(supplier = AnyValue.class) QValue value,
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
}
