package dev.q4j.codec;

import static dev.q4j.codec.TestMessages.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Hex;
import dev.q4j.value.Attribute;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: {@code s#} on items out of order and {@code u#} on items that repeat are refused, as kdb+ refuses them
 * ({@code 's-fail}, {@code 'u-fail}): by {@code withAttribute} with an {@code IllegalArgumentException}, and from the
 * wire (which kdb+ never sends) with a {@code QProtocolException} at the attribute byte.
 */
class AttributeCheckTest {
    private final Decoder decoder = new Decoder();

    @Test
    void withAttributeSortedRefusesItemsOutOfOrderAsKdbDoes() {
        assertThatThrownBy(() -> QLongVector.of(3, 1, 2).withAttribute(Attribute.SORTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'s-fail")
                .hasMessageContaining("item 1 (1) is below item 0 (3)");
        assertThatThrownBy(() -> QSymbolVector.of("b", "a").withAttribute(Attribute.SORTED))
                .hasMessageContaining("'s-fail");
        assertThatThrownBy(() -> QFloatVector.of(1, Double.NaN).withAttribute(Attribute.SORTED))
                .as("the null sorts first").hasMessageContaining("'s-fail");
        assertThatThrownBy(() -> QByteVector.of((byte) 0xFF, (byte) 1).withAttribute(Attribute.SORTED))
                .as("bytes are unsigned").hasMessageContaining("'s-fail");
        // in order, in q's order
        for (QVector sorted : List.of(QLongVector.of(1, 2, 2, 3), QLongVector.of(Long.MIN_VALUE, -Long.MAX_VALUE, 0),
                QFloatVector.of(Double.NaN, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1), QSymbolVector.of("", "a", "ab",
                        "b"),
                QSymbolVector.of("z", "é", "\uD83D\uDE00"), QByteVector.of((byte) 1, (byte) 0xFF),
                QCharVector.of("abc"), QTimestampVector.of(Long.MIN_VALUE, 5), QLongVector.of())) {
            assertThat(sorted.withAttribute(Attribute.SORTED).attribute()).isEqualTo(Attribute.SORTED);
        }
        // GUIDs are not checked: kdb+'s order of them is not documented
        QGuidVector.of(new UUID(2, 0), new UUID(1, 0)).withAttribute(Attribute.SORTED);
    }

    @Test
    void withAttributeUniqueRefusesRepeatedItemsAsKdbDoes() {
        assertThatThrownBy(() -> QLongVector.of(1, 2, 1).withAttribute(Attribute.UNIQUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'u-fail")
                .hasMessageContaining("item 2 (1)");
        assertThatThrownBy(() -> QSymbolVector.of("a", "b", "a").withAttribute(Attribute.UNIQUE))
                .hasMessageContaining("'u-fail");
        assertThatThrownBy(() -> QFloatVector.of(0.0, -0.0).withAttribute(Attribute.UNIQUE))
                .hasMessageContaining("'u-fail");
        assertThatThrownBy(() -> QGuidVector.of(new UUID(1, 2), new UUID(1, 2)).withAttribute(Attribute.UNIQUE))
                .hasMessageContaining("'u-fail");
        assertThat(QLongVector.of(3, 1, 2).withAttribute(Attribute.UNIQUE).attribute()).isEqualTo(Attribute.UNIQUE);
        assertThat(QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE).attribute()).isEqualTo(Attribute.UNIQUE);
        // p# and g# are not checked
        assertThat(QLongVector.of(1, 2, 1).withAttribute(Attribute.GROUPED).attribute()).isEqualTo(Attribute.GROUPED);
    }

    @Test
    void aFalseSortedOrUniqueAttributeFromTheWireIsAProtocolErrorAtTheAttributeByte() {
        // `s#3 1 2 (long vector, attribute 1) and `u#1 2 1
        byte[] sorted = Hex.hex("01010000" + "26000000" + "0701" + "03000000"
                + "0300000000000000" + "0100000000000000" + "0200000000000000");
        assertThatThrownBy(() -> new Decoder().decode(sorted)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("'s-fail")
                .satisfies(e -> assertThat(((QProtocolException) e).offset()).isEqualTo(9));
        byte[] unique = Hex.hex("01010000" + "26000000" + "0702" + "03000000"
                + "0100000000000000" + "0200000000000000" + "0100000000000000");
        assertThatThrownBy(() -> new Decoder().decode(unique)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("'u-fail");
        assertThatThrownBy(() -> new Decoder().decodeInPlace(unique)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("'u-fail");
        // the true ones decode
        byte[] fine = Hex.hex("01010000" + "26000000" + "0701" + "03000000"
                + "0100000000000000" + "0200000000000000" + "0200000000000000");
        assertThat(((QVector) new Decoder().decode(fine).value()).attribute()).isEqualTo(Attribute.SORTED);
    }

    @Test
    void checkingUniqueSymbolsWhoseHashesAllCollideStaysLinear() {
        List<String> symbols = SymbolFloodingTest.collidingSymbols();
        List<byte[]> bytes = new ArrayList<>();
        for (String s : symbols) {
            bytes.add(s.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] m = SymbolFloodingTest.symbolVectorMessage(bytes);
        m[9] = 2;   // u#
        long took = SymbolFloodingTest.timed(() -> new Decoder().decode(m));
        assertThat(took).isLessThan(2_500_000_000L);
        assertThat(((QVector) new Decoder().decode(m).value()).attribute()).isEqualTo(Attribute.UNIQUE);
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
}
