package dev.q4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QValue;
import java.util.Arrays;

/**
 * The round-trip checks that q4j-core's tests and the property tests over the public generators (in q4j-testkit's
 * tests, which cannot be in the core's: the core cannot depend on the testkit) share, through q4j-core's test jar.
 */
public final class RoundTrips {
    private static final Encoder ENCODER = new Encoder();

    private RoundTrips() {
    }

    /**
     * Print then parse gives back a value that encodes to the same bytes, and printing it again gives the same text.
     *
     * @param v the value to print
     */
    public static void assertTextRoundTrip(QValue v) {
        String text = QText.print(v);
        assertOneLine(text);
        QValue back;
        try {
            back = QText.parse(text);
        } catch (QTextException e) {
            throw new AssertionError("cannot parse the printed text " + text, e);
        }
        assertThat(ENCODER.encode(MessageType.ASYNC, back))
                .as("bytes of %s", text)
                .isEqualTo(ENCODER.encode(MessageType.ASYNC, v));
        assertThat(QText.print(back)).as("printing %s again", text).isEqualTo(text);
    }

    /**
     * One line per value: nothing in printed text ends a line or fails to print (control characters, lone surrogates).
     *
     * @param text printed text
     */
    public static void assertOneLine(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            assertThat(c == '\t' || c >= 0x20 && c < 0x7f || c >= 0xa0 && !Character.isSurrogate(c)
                    && c != '\u2028' && c != '\u2029' || pair)
                    .as("character %04x at %d of %s", (int) c, i, text).isTrue();
            if (pair) {
                i++;
            }
        }
    }

    /**
     * A value decoded in place is the value decoded by copy: equal both ways, with equal hash codes and text, and
     * every vector item by item.
     *
     * @param inPlace what {@code Decoder.decodeInPlace} gave
     * @param expected what {@code Decoder.decode} gives (or the value encoded)
     */
    public static void assertSameAsCopied(QValue inPlace, QValue expected) {
        assertThat(inPlace).isEqualTo(expected);
        assertThat(expected).isEqualTo(inPlace);
        assertThat(inPlace.hashCode()).isEqualTo(expected.hashCode());
        assertThat(inPlace.toString()).isEqualTo(expected.toString());
        if (inPlace instanceof LongBackedVector v) {
            assertThat(v.toArray()).isEqualTo(((LongBackedVector) expected).array());
            assertThat(v.stream().toArray()).isEqualTo(((LongBackedVector) expected).array());
        } else if (inPlace instanceof IntBackedVector v) {
            assertThat(v.toArray()).isEqualTo(((IntBackedVector) expected).array());
            assertThat(v.stream().toArray()).isEqualTo(((IntBackedVector) expected).array());
        } else if (inPlace instanceof DoubleBackedVector v) {
            double[] want = ((DoubleBackedVector) expected).array();
            assertThat(Arrays.equals(v.toArray(), want)).isTrue();
            assertThat(Arrays.equals(v.stream().toArray(), want)).isTrue();
        }
    }
}
