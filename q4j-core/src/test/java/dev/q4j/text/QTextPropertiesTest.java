package dev.q4j.text;

import static dev.q4j.testing.RoundTrips.assertTextRoundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QLong;
import dev.q4j.value.QReal;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QVectors;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Print then parse gives back a value that encodes to the same bytes, and printing it again gives the same text:
 * every float, real and temporal of the integer types; floats print the fewest digits. Generated values of every
 * type and the corners the generators leave out are q4j-testkit's {@code dev.q4j.properties.QTextPropertiesTest},
 * over the public generators.
 */
class QTextPropertiesTest {
    @Property(tries = 2000)
    void floatsPrintTheFewestDigitsThatReadBack(@ForAll double d) {
        assertTextRoundTrip(QFloat.of(d));
        assertTextRoundTrip(QDatetime.of(d));
    }

    @Property(tries = 2000)
    void realsRoundTrip(@ForAll float f) {
        assertTextRoundTrip(QReal.of(f));
    }

    @Property(tries = 5000)
    void floatDigitsAreTheShortest(@ForAll double d, @ForAll float f) {
        if (Double.isFinite(d)) {
            assertThat(digits(Decimals.ofDouble(d))).isLessThanOrEqualTo(shortestDigits(d));
        }
        if (Float.isFinite(f)) {
            assertThat(digits(Decimals.ofFloat(f))).isLessThanOrEqualTo(shortestDigits(f));
        }
    }

    /** Significant digits in a printed number. */
    private static int digits(String text) {
        String mantissa = text.replace("-", "").split("e")[0].replace(".", "");
        String trimmed = mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "");
        return Math.max(1, trimmed.length());
    }

    /** Reference: the fewest correctly rounded digits that read back, by trying every length. */
    private static int shortestDigits(double d) {
        java.math.BigDecimal exact = new java.math.BigDecimal(Math.abs(d));
        for (int p = 1; p <= 17; p++) {
            String s = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN)).toString();
            if (Double.parseDouble(s) == Math.abs(d)) {
                return p;
            }
        }
        throw new AssertionError(d);
    }

    private static int shortestDigits(float f) {
        java.math.BigDecimal exact = new java.math.BigDecimal((double) Math.abs(f));
        for (int p = 1; p <= 9; p++) {
            String s = exact.round(new java.math.MathContext(p, java.math.RoundingMode.HALF_EVEN)).toString();
            if (Float.parseFloat(s) == Math.abs(f)) {
                return p;
            }
        }
        throw new AssertionError(f);
    }

    @Property(tries = 2000)
    void everyLongTemporalRoundTrips(@ForAll long n) {
        assertTextRoundTrip(QTimestamp.of(n));
        assertTextRoundTrip(QTimespan.of(n));
        assertTextRoundTrip(QLong.of(n));
        assertTextRoundTrip(QTimestampVector.of(n, 0));
    }

    @Property(tries = 2000)
    void everyIntTemporalRoundTrips(@ForAll int n) {
        for (QType t : List.of(QType.INT, QType.MONTH, QType.DATE, QType.MINUTE, QType.SECOND, QType.TIME)) {
            assertTextRoundTrip(QVectors.intAtom(t, n));
            assertTextRoundTrip(QVectors.wrapInts(t, new int[] {n, 0}, Attribute.NONE));
        }
    }
}
