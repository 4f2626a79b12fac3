package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.QValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link QText#parse(String)} on any text (the input's bytes read as UTF-8). A finding is:
 * <ul>
 * <li>anything but a value or a {@link QTextException} with a message (the documented contract: "parsing never
 *     throws anything but QTextException");</li>
 * <li>a parsed value whose text ({@link QText#print(QValue)}) does not parse back to a value that encodes to the
 *     same bytes (the documented round trip);</li>
 * <li>more than {@link Budget} allows: a second, or more allocation than 64 times the text's UTF-16 size plus 64 KiB
 *     (parsing is documented as about linear).</li>
 * </ul>
 */
class QTextFuzzTest {
    private static final Encoder ENCODER = new Encoder();

    static Stream<Arguments> seeds() {
        return Seeds.of(QTextFuzzTest.class, "parse", Seeds.texts());
    }

    @MethodSource("seeds")
    @FuzzTest
    void parse(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        QValue value = Budget.bounded(Work.QTEXT_PARSE, data);
        if (value == null) {
            return;
        }
        String printed;
        try {
            printed = QText.print(value);
        } catch (RuntimeException e) {
            throw new AssertionError("a parsed value does not print: " + e + " for " + text, e);
        }
        QValue again;
        try {
            again = QText.parse(printed);
        } catch (QTextException e) {
            throw new AssertionError("the text of a parsed value does not parse: " + e.getMessage() + "; text "
                    + printed + " of " + text, e);
        }
        byte[] expected = ENCODER.encode(MessageType.ASYNC, value);
        byte[] actual = ENCODER.encode(MessageType.ASYNC, again);
        if (!Arrays.equals(expected, actual)) {
            throw new AssertionError("print then parse changed a value: " + text + " printed as " + printed
                    + " reads back as " + again);
        }
    }
}
