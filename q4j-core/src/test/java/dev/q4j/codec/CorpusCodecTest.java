package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QError;
import dev.q4j.value.QInt;
import dev.q4j.value.QLong;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QValue;
import java.nio.ByteOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every corpus message decodes and re-encodes to exactly the same bytes; the javakdb vectors behave as documented. */
class CorpusCodecTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void reEncodesByteForByte(CorpusEntry entry) {
        QMessage m = decoder.decode(entry.message());
        assertThat(m.compressed()).isEqualTo(entry.compressed());
        byte[] again = encoder.encode(m.type(), m.value(), entry.compressed() ? Compression.KDB : Compression.NEVER);
        assertThat(Hex.hex(again)).isEqualTo(entry.hex());
    }

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void sizeOfMatchesTheUncompressedBody(CorpusEntry entry) {
        QMessage m = decoder.decode(entry.message());
        byte[] plain = encoder.encode(m.type(), m.value());
        assertThat(Encoder.sizeOf(m.value())).isEqualTo(plain.length - 8L);
        assertThat(decoder.decode(plain).value()).isEqualTo(m.value());
    }

    @Test
    void bigEndianAndOutOfRangeTimesFromJavakdb() {
        // JK01: a time past 24:00 is kept exactly, not wrapped
        assertThat(value("JK01")).isEqualTo(QTime.of(155_554_567));
        assertThat(((QTime) value("JK01")).toDuration()).hasHours(43);
        assertThat(value("JK02")).isEqualTo(QTime.of(-83_554_567));
        assertThat(value("JK04")).isEqualTo(QInt.of(1));
        assertThat(value("JK05")).isEqualTo(QLong.of(22));
        assertThat(value("JK10")).isEqualTo(QInt.of(1));
        QTable t = (QTable) value("JK07");
        assertThat(t.columnNames()).containsExactly("name", "iq");
        assertThat(t.count()).isZero();
    }

    @Test
    void javakdbCompressedMessageDecodesAndRecompressesIdentically() {
        CorpusEntry jk03 = Corpus.javakdb("JK03");
        QMessage m = decoder.decode(jk03.message());
        QBooleanVector v = (QBooleanVector) m.value();
        assertThat(v.count()).isEqualTo(2000);
        for (boolean b : v.array()) {
            assertThat(b).isTrue();
        }
        assertThat(Hex.hex(encoder.encode(m.type(), v, Compression.KDB))).isEqualTo(jk03.hex());
    }

    @Test
    void enumeratedVectorIsRejectedNamingType20() {
        assertThatThrownBy(() -> decoder.decode(Corpus.javakdb("JK06").message()))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("type 20");
    }

    @Test
    void splayedTableReferenceIsRejectedNamingIt() {
        assertThatThrownBy(() -> decoder.decode(Corpus.javakdb("JK08").message()))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining(":test/")
                .hasMessageContaining("splayed");
    }

    @Test
    void unterminatedSymbolIsRejectedAsTruncated() {
        assertThatThrownBy(() -> decoder.decode(Corpus.javakdb("JK09").message()))
                .isInstanceOf(QProtocolException.class)
                .hasMessageContaining("unterminated symbol")
                .hasMessageContaining("offset 9");
    }

    @Test
    void bigEndianHeaderIsRead() {
        QMessage m = decoder.decode(Hex.hex("000000000000000dfa00000001"));
        assertThat(m.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(m.value()).isEqualTo(QInt.of(1));
    }

    @Test
    void errorMessageIsAQError() {
        CorpusEntry error = Corpus.qpythonExpressions().stream()
                .filter(e -> e.qExpression().equals("1+`")).findFirst().orElseThrow();
        QMessage m = decoder.decode(error.message());
        assertThat(m.isError()).isTrue();
        assertThat(m.value()).isEqualTo(new QError("type"));
        assertThatThrownBy(m::valueOrThrow).hasMessage("'type");
    }

    private QValue value(String id) {
        return decoder.decode(Corpus.javakdb(id).message()).value();
    }
}
