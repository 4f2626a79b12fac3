package dev.q4j.codec;

import static dev.q4j.codec.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Hex;
import dev.q4j.value.QError;
import dev.q4j.value.QLambda;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * Symbols whose bytes are not UTF-8 come back byte for byte. The round trips of generated values of every type are
 * q4j-testkit's {@code dev.q4j.properties.CodecPropertiesTest}, over the public generators.
 */
class CodecPropertiesTest {
    private final Encoder encoder = new Encoder();
    private final Decoder decoder = new Decoder();

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
