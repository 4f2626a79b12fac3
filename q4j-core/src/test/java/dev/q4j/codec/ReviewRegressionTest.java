package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Hex;
import dev.q4j.value.QChar;
import dev.q4j.value.QError;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Problems found in review, each kept fixed. */
class ReviewRegressionTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    @Test
    void compressedMessageWithALyingSizeFailsBeforeAllocatingIt() {
        // declares a 1 GiB body (which 8.4 MB could expand to) but its stream of zero flags and literal zeros makes far less
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

    @Test
    void attributesKdbNeverSendsAreRefusedNotDropped() {
        // attribute on a table's column-name vector
        assertThatThrownBy(() -> decoder.decode(message("6200630b0101000000610000000100000007000100000001000000"
                + "00000000"))).isInstanceOf(QProtocolException.class).hasMessageContaining("carry no attribute");
        // attribute on a table's column list
        assertThatThrownBy(() -> decoder.decode(message("6200630b000100000061000001010000000700010000000100000"
                + "000000000"))).isInstanceOf(QProtocolException.class).hasMessageContaining("carry no attribute");
        // attribute on a lambda's source (g#: a false s# on it is refused before, as any false s#)
        assertThatThrownBy(() -> decoder.decode(message("64000a04030000007b787d")))
                .isInstanceOf(QProtocolException.class).hasMessageContaining("lambda's source text carries");
        // 64-bit count flag on a table's attribute byte
        assertThatThrownBy(() -> decoder.decode(message("6280630b000100000061000000010000000700010000000100000"
                + "000000000"))).isInstanceOf(QProtocolException.class).hasMessageContaining("0x80");
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

    private static byte[] message(String bodyHex) {
        byte[] body = Hex.hex(bodyHex);
        byte[] m = new byte[8 + body.length];
        m[0] = 1;
        m[1] = 2;
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(4, m.length);
        System.arraycopy(body, 0, m, 8, body.length);
        return m;
    }
}
