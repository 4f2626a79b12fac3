package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Messages fed one byte at a time and in random chunks decode exactly as when given whole. */
class IncrementalDecoderTest {
    private final Decoder decoder = new Decoder();

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void oneByteAtATime(CorpusEntry entry) {
        IncrementalDecoder in = new IncrementalDecoder(decoder);
        byte[] bytes = entry.message();
        for (int i = 0; i < bytes.length; i++) {
            assertThat(in.poll()).isNull();
            assertThat(in.isMidMessage()).isEqualTo(i > 0);
            in.feed(bytes, i, 1);
        }
        assertThat(in.poll()).isEqualTo(decoder.decode(bytes));
        assertThat(in.isMidMessage()).isFalse();
        assertThat(in.poll()).isNull();
    }

    @Test
    void wholeCorpusAsOneStreamInRandomChunks() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<QMessage> expected = new ArrayList<>();
        for (CorpusEntry e : Corpus.all()) {
            stream.writeBytes(e.message());
            expected.add(decoder.decode(e.message()));
        }
        byte[] all = stream.toByteArray();
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            IncrementalDecoder in = new IncrementalDecoder(decoder);
            List<QMessage> got = new ArrayList<>();
            int pos = 0;
            while (pos < all.length) {
                int n = Math.min(all.length - pos, 1 + random.nextInt(random.nextBoolean() ? 16 : 5000));
                in.feed(all, pos, n);
                pos += n;
                for (QMessage m; (m = in.poll()) != null; ) {
                    got.add(m);
                }
            }
            assertThat(got).as("seed %d", seed).isEqualTo(expected);
            assertThat(in.messagesDecoded()).isEqualTo(expected.size());
        }
    }

    @Test
    void hugeDeclaredLengthFailsAtTheHeaderWithoutAllocating() {
        IncrementalDecoder in = new IncrementalDecoder(new Decoder(DecodeLimits.DEFAULT.withMaxMessageSize(1000)));
        assertThatThrownBy(() -> in.feed(Hex.hex("01000000ffffff7f"), 0, 8))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("over the limit of 1000 bytes");
        assertThatThrownBy(() -> in.feed(new byte[1], 0, 1))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("cannot be resynchronised");
    }

    @Test
    void stalledHalfMessageIsVisible() {
        IncrementalDecoder in = new IncrementalDecoder(decoder);
        byte[] m = Hex.hex("0100000011000000f90100000000000000");
        in.feed(m, 0, 12);
        assertThat(in.isMidMessage()).isTrue();
        assertThat(in.bytesNeeded()).isEqualTo(5);
        in.feed(m, 12, 5);
        assertThat(in.poll().value()).hasToString(decoder.decode(m).value().toString());
    }

    @Test
    void garbageHeaderIsAProtocolError() {
        IncrementalDecoder in = new IncrementalDecoder(decoder);
        assertThatThrownBy(() -> in.feed("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0,
                16))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("byte-order byte 71");
    }
}
