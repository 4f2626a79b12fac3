package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.value.QValue;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every message real kdb+ produced: decode, print, parse, encode must give back the same bytes. */
class QTextCorpusTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void printThenParseThenEncodeGivesTheOriginalBytes(CorpusEntry entry) {
        byte[] original = entry.message();
        QMessage message = new Decoder().decode(original);
        String text = QText.print(message.value());
        QValue parsed = QText.parse(text);
        byte[] again = new Encoder().encode(message.type(), parsed,
                entry.compressed() ? Compression.KDB : Compression.NEVER);
        assertThat(again).as("%s printed as %s", entry, text).isEqualTo(original);
        assertThat(text).as("real kdb+ values all have a q form; -9! is the last resort").doesNotContain("-9!");
        assertThat(QText.print(parsed)).as("printing is stable").isEqualTo(text);
    }
}
