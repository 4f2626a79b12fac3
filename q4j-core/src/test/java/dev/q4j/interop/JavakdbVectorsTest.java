package dev.q4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.value.Attribute;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vectors of {@code ../shared/corpus/javakdb/VECTORS.md} (KX's CTest.java): every little-endian vector q4j
 * decodes is written back byte for byte, and JK07, a kdb+ response to {@code ([] name:(); iq:())}, is checked part by
 * part against the bytes and against KX's Java interface.
 */
@ExtendWith(JavakdbUtf8.class)
class JavakdbVectorsTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    /**
     * JK07 is the one well-formed kdb+ capture (JK08, the other, is a splayed-table reference q4j refuses, see
     * CorpusCodecTest); JK01, JK02, JK04, JK05 and JK10 are hand-built little-endian messages and JK03 javakdb's own
     * compression, which kdb+'s algorithm reproduces. Each is re-encoded with its own message type and compression.
     */
    @ParameterizedTest
    @ValueSource(strings = {"JK07", "JK01", "JK02", "JK03", "JK04", "JK05", "JK10"})
    void reEncodesByteForByte(String id) {
        CorpusEntry entry = Corpus.javakdb(id);
        QMessage m = decoder.decode(entry.message());
        assertThat(m.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        byte[] again = encoder.encode(m.type(), m.value(), entry.compressed() ? Compression.KDB : Compression.NEVER);
        assertThat(again).isEqualTo(entry.message());
        // and the in-place decoding writes back the same bytes
        QMessage inPlace = decoder.decodeInPlace(entry.message());
        assertThat(encoder.encode(inPlace.type(), inPlace.value(),
                entry.compressed() ? Compression.KDB : Compression.NEVER)).isEqualTo(entry.message());
    }

    @Test
    void jk07IsATableOfTwoEmptyGeneralListColumns() throws Exception {
        // 01 02 0000 2b000000: little-endian RESPONSE of 43 bytes
        // 62 00: table, no attribute; 63: dict; 0b 00 02000000 6e616d6500 697100: `name`iq
        // 00 00 02000000: general list of 2 columns; 00 00 00000000 twice: two EMPTY GENERAL lists (type 0)
        CorpusEntry jk07 = Corpus.javakdb("JK07");
        QMessage m = decoder.decode(jk07.message());
        assertThat(m.type()).isEqualTo(MessageType.RESPONSE);
        assertThat(m.compressed()).isFalse();
        assertThat(m.isError()).isFalse();
        QTable t = (QTable) m.value();
        assertThat(t.type()).isEqualTo(QType.TABLE);
        assertThat(t.attribute()).isEqualTo(Attribute.NONE);
        assertThat(t.namesVector()).isEqualTo(QSymbolVector.of("name", "iq"));
        assertThat(t.namesVector().attribute()).isEqualTo(Attribute.NONE);
        assertThat(t.count()).isZero();
        assertThat(t.columns()).hasSize(2);
        for (QSequence col : t.columns()) {
            assertThat(col).isInstanceOf(QList.class);
            QList list = (QList) col;
            assertThat(list.type()).isEqualTo(QType.LIST);
            assertThat(list.count()).isZero();
            assertThat(list.attribute()).isEqualTo(Attribute.NONE);
        }
        assertThat(t.column("name")).isEqualTo(QList.of());
        assertThat(t.column("iq")).isEqualTo(QList.of());
        assertThat(t).isEqualTo(QTable.of(List.of("name", "iq"), List.of(QList.of(), QList.of())));
        // empty general columns are not empty typed columns
        assertThat(t).isNotEqualTo(QTable.of(List.of("name", "iq"), List.of(QSymbolVector.of(), QLongVector.of())));
        // KX's Java interface: Flip(name,iq : Object[], Object[])
        Object theirs = new c().deserialize(jk07.message());
        assertThat(theirs).isInstanceOf(c.Flip.class);
        c.Flip flip = (c.Flip) theirs;
        assertThat(flip.x).containsExactly("name", "iq");
        assertThat(flip.y).hasSize(2);
        for (Object col : flip.y) {
            assertThat(col).isExactlyInstanceOf(Object[].class);
            assertThat((Object[]) col).isEmpty();
        }
        assertThat(JavakdbModel.same(JavakdbModel.view(t), theirs)).isTrue();
    }
}
