package dev.q4j.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus message decodes in q4j to the same value KX's own Java interface finds in it (through javakdb's
 * object model), for every type javakdb understands.
 */
@ExtendWith(JavakdbUtf8.class)
class JavakdbCorpusTest {

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void q4jAgreesWithJavakdb(CorpusEntry entry) throws Exception {
        QValue ours = new Decoder().decode(entry.message()).value();
        if (ours instanceof QError e) {
            assertThatThrownBy(() -> new c().deserialize(entry.message())).hasMessage(e.message());
            return;
        }
        Object theirs = new c().deserialize(entry.message());
        Object expected = JavakdbModel.view(ours);
        assertThat(JavakdbModel.same(expected, theirs))
                .as("q4j %s (seen by javakdb as %s) vs javakdb %s", ours, JavakdbModel.describe(expected),
                        JavakdbModel.describe(theirs))
                .isTrue();
    }
}
