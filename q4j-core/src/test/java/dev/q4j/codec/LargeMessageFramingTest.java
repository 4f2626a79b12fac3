package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Hex;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import org.junit.jupiter.api.Test;

/**
 * Capability 5/6 framing for messages over 2 GB (as reverse engineered by the finos qPython fork; not in KX's
 * documentation): header byte 3 extends the length to 40 bits and attribute bit 0x80 announces a 64-bit count.
 * A Java array holds at most 2^31-9 bytes, so q4j reads that framing where it fits and says so clearly where not.
 */
class LargeMessageFramingTest {
    private final Decoder decoder = new Decoder(DecodeLimits.UNLIMITED);

    @Test
    void vectorWithA64BitCountIsRead() {
        // long vector, attribute 0x80 (64-bit count follows), count 2, items 1 and 2
        byte[] m = Hex.hex("0100000022000000" + "0780" + "0200000000000000"
                + "0100000000000000" + "0200000000000000");
        assertThat(decoder.decode(m).value()).isEqualTo(QLongVector.of(1, 2));
    }

    @Test
    void symbolVectorWithA64BitCountIsRead() {
        byte[] m = Hex.hex("0100000016000000" + "0b80" + "0200000000000000" + "6100" + "6200");
        assertThat(decoder.decode(m).value()).isEqualTo(QSymbolVector.of("a", "b"));
    }

    @Test
    void countBeyondAJavaArrayIsAClearError() {
        byte[] m = Hex.hex("0100000012000000" + "0780" + "0000000001000000");
        assertThatThrownBy(() -> decoder.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("longer than a Java array can be");
    }

    @Test
    void fortyBitLengthIsReadAndRefusedAsTooBigForTheJvm() {
        // byte 3 = 1: length 2^32 + 16
        MessageHeader h = MessageHeader.read(Hex.hex("0101000110000000"), 0);
        assertThat(h.length()).isEqualTo((1L << 32) + 16);
        IncrementalDecoder in = new IncrementalDecoder(decoder);
        assertThatThrownBy(() -> in.feed(Hex.hex("0101000110000000"), 0, 8))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("4294967312 bytes is over the limit of 2147483639");
    }

    @Test
    void compressedFlagTwoIsRefusedClearly() {
        byte[] m = Hex.hex("010002001500000000000000010000000000000000");
        assertThatThrownBy(() -> decoder.decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("flag 2");
    }

    @Test
    void encodingOverTwoGigabytesIsAClearErrorBeforeAllocating() {
        // 2000 references to one 8 MB vector: 16 GB on the wire, sized without allocating it
        QLongVector v = QLongVector.wrap(new long[1 << 20]);
        dev.q4j.value.QValue[] items = new dev.q4j.value.QValue[2000];
        java.util.Arrays.fill(items, v);
        dev.q4j.value.QList list = dev.q4j.value.QList.of(items);
        assertThat(Encoder.sizeOf(list)).isEqualTo(6 + 2000L * (6 + 8L * (1 << 20)));
        assertThatThrownBy(() -> new Encoder().encode(MessageType.ASYNC, list))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("16777228014 bytes is over the 2147483639 bytes a Java array can hold");
    }
}
