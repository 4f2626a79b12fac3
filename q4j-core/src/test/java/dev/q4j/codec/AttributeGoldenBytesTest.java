package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Hex;
import dev.q4j.text.QText;
import dev.q4j.value.Attribute;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Attributes ({@code s# u# p# g#}) and type 127 pinned to bytes that do not come from q4j: each message below is
 * either printed by real kdb+ in KX's published serialization examples, or derived by hand from those examples and
 * the attribute legend KX publishes beside them. The expected values are built from the q letters (through q4j's q
 * text parser, which knows attributes only by letter) and from the {@link Attribute} constants by name, so a codec
 * that swaps two attribute codes in both its encoder and its decoder fails here.
 *
 * <p>Sources (both KX, both carry the same examples and legend):
 * <ul>
 * <li>[KB] code.kx.com/q/kb/serialization/ "Serialization examples" (KxSystems/docs, docs/kb/serialization.md,
 *     commit 2c991ff4): {@code -8!} output of real kdb+. That kdb+ was a 2.x, whose integer literals are ints
 *     (type 6): {@code 2 3} there is {@code 2 3i} in kdb+ 3+.</li>
 * <li>[IPC] code.kx.com/q/basics/ipc/ "Serialization examples" (KxSystems/docs, docs/basics/ipc.md, older
 *     revision), whose "Integer vector" example gives the legend "attributes (00 – none, 01 – s, 02 – u, 03 – p,
 *     04 – g)"; [KB] gives the same legend.</li>
 * </ul>
 */
class AttributeGoldenBytesTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    static Stream<Arguments> goldens() {
        return Stream.of(
                // [KB] "Sorted dictionary with atom values": q)-8!`s#`a`b!2 3 -- real kdb+ output.
                // 7f = type 127 (sorted dict), 0b 01 = symbol vector with attribute 01 (s#).
                Arguments.of("`s#`a`b!2 3i", "01000000210000007f0b0102000000610062000600020000000200000003000000",
                        new QDict(QSymbolVector.of("a", "b").withAttribute(Attribute.SORTED), QIntVector.of(2, 3),
                                true)),
                // [KB] "Sorted table": q)-8!`s#([]a:enlist 2;b:enlist 3) -- real kdb+ output. The table carries
                // 01 (s#) and kdb+ itself put 03 (p#) on the first column: `s# on a table parts its first column.
                Arguments.of("`s#([]a:`p#enlist 2i;b:enlist 3i)",
                        "010000002f0000006201630b000200000061006200000002"
                                + "0000000603010000000200000006000100000003000000",
                        QTable.wrap(new String[] {"a", "b"}, new QSequence[] {
                                QIntVector.of(2).withAttribute(Attribute.PARTED), QIntVector.of(3)}, Attribute.SORTED)),
                // [KB] "Sorted keyed table": q)-8!`s#([a:enlist 2]b:enlist 3) -- real kdb+ output. 7f = type 127,
                // then the key table with attribute 01 (s#); its column and the value table carry none.
                Arguments.of(null,
                        "010000003f0000007f6201630b00010000006100000001000000060001000000020000006200630b0001000000"
                                + "620000000100000006000100000003000000",
                        new QKeyedTable(
                                QTable.wrap(new String[] {"a"}, new QSequence[] {QIntVector.of(2)}, Attribute.SORTED),
                                QTable.of(List.of("b"), List.of(QIntVector.of(3))), true)),
                // [KB] "Keyed table": q)-8!([a:enlist 2]b:enlist 3) -- real kdb+ output: 63, no attribute anywhere.
                Arguments.of("([a:enlist 2i]b:enlist 3i)",
                        "010000003f000000636200630b00010000006100000001000000060001000000020000006200630b0001000000"
                                + "620000000100000006000100000003000000",
                        QKeyedTable.of(QTable.of(List.of("a"), List.of(QIntVector.of(2))),
                                QTable.of(List.of("b"), List.of(QIntVector.of(3))))),
                // Hand-derived: [KB]/[IPC] "Integer vector" (q)-8!enlist 1 = 0x0100000012000000 06 00 01000000
                // 01000000) with its attribute byte set per the published legend: 01 s, 02 u, 03 p, 04 g.
                Arguments.of("`s#enlist 1i", "010000001200000006010100000001000000",
                        QIntVector.of(1).withAttribute(Attribute.SORTED)),
                Arguments.of("`u#enlist 1i", "010000001200000006020100000001000000",
                        QIntVector.of(1).withAttribute(Attribute.UNIQUE)),
                Arguments.of("`p#enlist 1i", "010000001200000006030100000001000000",
                        QIntVector.of(1).withAttribute(Attribute.PARTED)),
                Arguments.of("`g#enlist 1i", "010000001200000006040100000001000000",
                        QIntVector.of(1).withAttribute(Attribute.GROUPED)),
                // Hand-derived: [KB] "Dictionary with atom values" (63 0b 00 ...) with the keys' attribute byte set
                // to 02 (u#) and 04 (g#) per the legend. Only s# makes a dictionary sorted (type 127, [KB] "Sorted
                // dictionary"): with other key attributes it stays type 99.
                Arguments.of("(`u#`a`b)!2 3i", "0100000021000000630b0202000000610062000600020000000200000003000000",
                        QDict.of(QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE), QIntVector.of(2, 3))),
                Arguments.of("(`g#`a`b)!2 3i", "0100000021000000630b0402000000610062000600020000000200000003000000",
                        QDict.of(QSymbolVector.of("a", "b").withAttribute(Attribute.GROUPED), QIntVector.of(2, 3))),
                // Hand-derived: [KB] "Table" (62 00 63 0b 00 ...) with the first column's attribute byte set to 04
                // (g#), then to 02 (u#), per the legend; the table itself carries none.
                Arguments.of("([]a:`g#enlist 2i;b:enlist 3i)",
                        "010000002f0000006200630b000200000061006200000002"
                                + "0000000604010000000200000006000100000003000000",
                        QTable.of(List.of("a", "b"),
                                List.of(QIntVector.of(2).withAttribute(Attribute.GROUPED), QIntVector.of(3)))),
                Arguments.of("([]a:`u#enlist 2i;b:enlist 3i)",
                        "010000002f0000006200630b000200000061006200000002"
                                + "0000000602010000000200000006000100000003000000",
                        QTable.of(List.of("a", "b"),
                                List.of(QIntVector.of(2).withAttribute(Attribute.UNIQUE), QIntVector.of(3)))),
                // Hand-derived: [KB] "General list" (q)-8!`byte$enlist til 5: 00 00 01000000 04 00 05000000 ...) with
                // the inner byte vector's attribute byte set to 01 (s#): til 5 is sorted.
                Arguments.of("enlist `s#0x0001020304", "01000000190000000000010000000401050000000001020304",
                        QList.of(QByteVector.of(new byte[] {0, 1, 2, 3, 4})
                                .withAttribute(Attribute.SORTED))));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("goldens")
    void decodesPublishedBytesToTheNamedAttribute(String q, String hex, QValue expected) {
        QValue decoded = decoder.decode(Hex.hex(hex)).value();
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoder.decodeInPlace(Hex.hex(hex)).value()).isEqualTo(expected);
        if (q != null) {
            // the same value written in q: q4j's parser knows attributes by letter only
            assertThat(QText.parse(q)).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("goldens")
    void encodesTheNamedAttributeToThePublishedBytes(String q, String hex, QValue expected) {
        assertThat(Hex.hex(encoder.encode(MessageType.ASYNC, expected))).isEqualTo(hex);
    }

    @Test
    void bigEndianFormsOfThePublishedSortedExamplesDecodeAlike() {
        // [KB] "Sorted dictionary" and "Sorted table" with byte 0 = 00 (big endian, [KB]'s first example) and every
        // length, count and int written most significant byte first; one-byte fields (types, attributes) unchanged
        assertThat(decoder.decode(Hex.hex("00000000000000217f0b0100000002610062000600000000020000000200000003"))
                .value()).isEqualTo(new QDict(QSymbolVector.of("a", "b").withAttribute(Attribute.SORTED),
                        QIntVector.of(2, 3), true));
        assertThat(decoder.decode(Hex.hex(
                "000000000000002f6201630b0000000002610062000000000000020603000000010000000206000000000100000003"))
                .value()).isEqualTo(QTable.wrap(new String[] {"a", "b"}, new QSequence[] {
                        QIntVector.of(2).withAttribute(Attribute.PARTED), QIntVector.of(3)}, Attribute.SORTED));
    }

    @Test
    void publishedLegendMapsCodesToLetters() {
        // [KB]/[IPC]: 00 none, 01 s, 02 u, 03 p, 04 g
        String[] letters = {"", "s", "u", "p", "g"};
        for (int code = 0; code < letters.length; code++) {
            Attribute a = Attribute.ofCode(code);
            assertThat(a).as("attribute byte %d", code).isNotNull();
            assertThat(a.letter()).as("attribute byte %d", code).isEqualTo(letters[code]);
            assertThat(a.code()).isEqualTo((byte) code);
            if (code > 0) {
                assertThat(Attribute.ofLetter(letters[code])).isSameAs(a);
            }
        }
        assertThat(Attribute.ofCode(5)).isNull();
    }
}
