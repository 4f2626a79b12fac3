package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.Q4jException;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Attribute;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDate;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Text to value: what people type (the expressions of the corpora among them) and clear errors for the rest. */
class QTextParseTest {
    private static final long NS = 1_000_000_000L;
    private static final long DAY = 86_400L * NS;
    private static final UUID G1 = UUID.fromString("8c680a01-5a49-5aab-5a65-d4bfddb6a661");

    private static Arguments row(String text, QValue value) {
        return Arguments.of(text, value);
    }

    private static QTable table(List<String> names, QValue... columns) {
        return QTable.of(names, List.of(columns));
    }

    static Stream<Arguments> typed() {
        return Stream.of(
                row("1 2 3", QLongVector.of(1, 2, 3)),
                row("  1 2 3  ", QLongVector.of(1, 2, 3)),
                row("1 -2 3", QLongVector.of(1, -2, 3)),
                row("1j", QLong.of(1)),
                row("89421099511627575j", QLong.of(89421099511627575L)),
                row("0Nj", QLong.NULL),
                row("0wj", QLong.INFINITY),
                row("-0wj", QLong.NEGATIVE_INFINITY),
                row("(1j;2j;3j)", QLongVector.of(1, 2, 3)),
                row("(1j;0Nj;3j)", QLongVector.of(1, Long.MIN_VALUE, 3)),
                row("1i", QInt.of(1)),
                row("0wi", QInt.INFINITY),
                row("(1i;0Ni;3i)", QIntVector.of(1, Integer.MIN_VALUE, 3)),
                row("-234h", QShort.of((short) -234)),
                row("0wh", QShort.INFINITY),
                row("32767h", QShort.INFINITY),
                row("-0wh", QShort.NEGATIVE_INFINITY),
                row("(1h;0Nh;3h)", QShortVector.of((short) 1, Short.MIN_VALUE, (short) 3)),
                row("(enlist 1h; 2; enlist 3j)", QList.of(QShortVector.of((short) 1), QLong.of(2), QLongVector.of(3))),
                row("5.5e", QReal.of(5.5f)),
                row("(5.5e; 8.5e)", QRealVector.of(5.5f, 8.5f)),
                row("(5.5e; 0Ne)", QRealVector.of(5.5f, Float.NaN)),
                row("1.5e+10e", QReal.of(1.5e10f)),
                row("3.234", QFloat.of(3.234)),
                row("1f", QFloat.of(1)),
                row("0Nf", QFloat.NULL),
                row("0wf", QFloat.INFINITY),
                row("1e10", QFloat.of(1e10)),
                row(".5", QFloat.of(0.5)),
                row("1.", QFloat.of(1)),
                row("3.23 6.46", QFloatVector.of(3.23, 6.46)),
                row("3.23 0n", QFloatVector.of(3.23, Double.NaN)),
                row("1 0n 3", QFloatVector.of(1, Double.NaN, 3)),
                row("1 2.5", QFloatVector.of(1, 2.5)),
                row("0b", QBoolean.FALSE),
                row("(0b;1b;0b)", dev.q4j.value.QBooleanVector.of(false, true, false)),
                row("0x2a", dev.q4j.value.QByte.of((byte) 42)),
                row("0x0102", dev.q4j.value.QByteVector.of((byte) 1, (byte) 2)),
                row("(0x01;0x02;0xff)", dev.q4j.value.QByteVector.of((byte) 1, (byte) 2, (byte) -1)),
                row("\"abc\"", QCharVector.of("abc")),
                row("\"你好\"", QCharVector.of("你好")),
                row("(\"one\"; \"two\"; enlist \"3\")", QList.of(QCharVector.of("one"), QCharVector.of("two"),
                        QCharVector.of("3"))),
                row("`abc", QSymbol.of("abc")),
                row("`$\"你\"", QSymbol.of("你")),
                row("`$\"a b\"", QSymbol.of("a b")),
                row("`$(\"a b\";\"cd\")", QSymbolVector.of("a b", "cd")),
                row("(`the;`quick)", QSymbolVector.of("the", "quick")),
                row("2001.01.01", QDate.of(366)),
                row("1995.01.01", QDate.of(-1826)),
                row("(2001.01.01;2000.05.01;0Nd)", QDateVector.of(366, 121, Integer.MIN_VALUE)),
                row("2001.01m", QMonth.of(12)),
                row("(2001.01m; 0Nm)", QMonthVector.of(12, Integer.MIN_VALUE)),
                row("2000.01.04D05:36:57.600", QTimestamp.of(3 * DAY + (5 * 3600 + 36 * 60 + 57) * NS + 600_000_000)),
                row("2014.06.23D11:34:39.412547000", QTimestamp.of(456838479412547000L)),
                row("2000.01.01D", QTimestamp.of(0)),
                row("2000.01.04T05:36:57.600", QDatetime.of(3.234)),
                row("2014.06.23T11:49:31.533", QDatetime.of(5287.492726076389)),
                row("0D05:36:57.600", QTimespan.of((5 * 3600 + 36 * 60 + 57) * NS + 600_000_000)),
                row("00:01:00.000000000", QTimespan.of(60 * NS)),
                row("12:00:00.1234", QTimespan.of(12 * 3600 * NS + 123_400_000)),
                row("1D", QTimespan.of(DAY)),
                row("12:00", QMinute.of(720)),
                row("12:05:00", QSecond.of(43500)),
                row("12:04:59.123", QTime.of(43499123)),
                row("12:04:59.1", QTime.of(43499100)),
                row("0Ng", QGuid.NULL),
                row("\"G\"$\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\"", QGuid.of(G1)),
                row("(\"G\"$\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\"; 0Ng)", QGuidVector.of(G1, new UUID(0, 0))),
                row("0N 0Ng", QGuidVector.of(new UUID(0, 0), new UUID(0, 0))),
                row("()", QList.EMPTY),
                row("(1;`bcd;\"0bc\";5.5e)", QList.of(QLong.of(1), QSymbol.of("bcd"), QCharVector.of("0bc"),
                        QReal.of(5.5f))),
                row("( 42 ; :: ; `foo )", QList.of(QLong.of(42), QUnaryPrimitive.IDENTITY, QSymbol.of("foo"))),
                row("(1;\"a\";`b)", QList.of(QLong.of(1), dev.q4j.value.QChar.of('a'), QSymbol.of("b"))),
                row("enlist 1", QLongVector.of(1)),
                row("enlist `a`b", QList.of(QSymbolVector.of("a", "b"))),
                row("enlist enlist 1", QList.of(QLongVector.of(1))),
                row("(),1", QLongVector.of(1)),
                row("1 2,3", QLongVector.of(1, 2, 3)),
                row("1,`a", QList.of(QLong.of(1), QSymbol.of("a"))),
                row("`a`b!1 2", QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2))),
                row("`a`b ! 1 2", QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2))),
                row("(enlist `a)!(enlist 1)", QDict.of(QSymbolVector.of("a"), QLongVector.of(1))),
                row("(0 1; 2 3)!`first`second", QDict.of(QList.of(QLongVector.of(0, 1), QLongVector.of(2, 3)),
                        QSymbolVector.of("first", "second"))),
                row("`s#`a`b!1 2", new QDict(QSymbolVector.of("a", "b").withAttribute(Attribute.SORTED),
                        QLongVector.of(1, 2), true)),
                row("`s#1 2 3", QLongVector.of(1, 2, 3).withAttribute(Attribute.SORTED)),
                row("`u#`a`b", QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE)),
                row("`#`s#1 2", QLongVector.of(1, 2)),
                row("([] a:1 2; b:`x`y)", table(List.of("a", "b"), QLongVector.of(1, 2), QSymbolVector.of("x", "y"))),
                row("([] a:1 2; b:`x)", table(List.of("a", "b"), QLongVector.of(1, 2), QSymbolVector.of("x", "x"))),
                row("([] name:`symbol$(); iq:`int$())", table(List.of("name", "iq"), QSymbolVector.EMPTY,
                        QIntVector.EMPTY)),
                row("([k:1 2] v:`a`b)", QKeyedTable.of(table(List.of("k"), QLongVector.of(1, 2)),
                        table(List.of("v"), QSymbolVector.of("a", "b")))),
                row("flip `a`b!(1 2;3 4)", table(List.of("a", "b"), QLongVector.of(1, 2), QLongVector.of(3, 4))),
                row("`abc`def!([] one: 1 2; two: 4 5)", QDict.of(QSymbolVector.of("abc", "def"),
                        table(List.of("one", "two"), QLongVector.of(1, 2), QLongVector.of(4, 5)))),
                row("`long$()", QLongVector.EMPTY),
                row("\"j\"$()", QLongVector.EMPTY),
                row("`symbol$()", QSymbolVector.EMPTY),
                row("\"z\"$1.5", QDatetime.of(1.5)),
                row("\"d\"$366i", QDate.of(366)),
                row("\"d\"$366", QDate.of(366)),
                row("{x+y}", QLambda.of("{x+y}")),
                row("k){x+y}", QLambda.of("k){x+y}")),
                row("{[a;b]\n  a+b / sum\n  }", QLambda.of("{[a;b]\n  a+b / sum\n  }")),
                row(".q){x}", new QLambda("q", "{x}")),
                row("{x+y}[3]", QProjection.of(QLambda.of("{x+y}"), QLong.of(3))),
                row("{x+y+z}[1;;2]", QProjection.of(QLambda.of("{x+y+z}"), QLong.of(1), QUnaryPrimitive.of(255),
                        QLong.of(2))),
                row("{x}[]", QProjection.of(QLambda.of("{x}"), QUnaryPrimitive.of(255))),
                row("::", QUnaryPrimitive.IDENTITY),
                row("(::)", QUnaryPrimitive.IDENTITY),
                row("not", QUnaryPrimitive.of(15)),
                row("neg", QUnaryPrimitive.of(2)),
                row("flip", QUnaryPrimitive.of(1)),
                row("and", QBinaryPrimitive.of(5)),
                row("insert [1]", QProjection.of(QBinaryPrimitive.of(28), QLong.of(1))),
                row("md5", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-15))),
                row("any", QComposition.of(QUnaryPrimitive.of(28), QProjection.of(QBinaryPrimitive.of(11),
                        dev.q4j.value.QChar.of('b')))),
                row("raze", QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(12))),
                row("sums", QDerivedFunction.of(QType.SCAN, QBinaryPrimitive.of(1))),
                row("prev", QDerivedFunction.of(QType.EACH_PRIOR, QBinaryPrimitive.of(0))),
                row("+", QBinaryPrimitive.of(1)),
                row("(+)", QBinaryPrimitive.of(1)),
                row("'[neg;+]", QComposition.of(QUnaryPrimitive.of(2), QBinaryPrimitive.of(1))),
                row("count'", QDerivedFunction.of(QType.EACH, QUnaryPrimitive.of(13))),
                row("'type", new QError("type")),
                row("'\"no such file\"", new QError("no such file")),
                row("-9!0x010000000a0000006563", QUnaryPrimitive.of(99)),
                // value"…" reads the source of a lambda, with its context marker when it has one
                row("value\"{x}\"", QLambda.of("{x}")),
                row("value \"{x /c\\n }\"", QLambda.of("{x /c\n }")),
                row(".q)value\"{x\\r\\n}\"", new QLambda("q", "{x\r\n}")),
                row(".q.z)value \"k){x}\"", new QLambda("q.z", "k){x}")),
                row("(value\"{x\\ny}\")[1]", QProjection.of(QLambda.of("{x\ny}"), QLong.of(1))),
                row("value\"{x\\377}\"", QLambda.of("{x\uDCFF}")),
                row("enlist value\"{x}\"", QList.of(QLambda.of("{x}"))),
                // bytes that are not UTF-8 are the escapes of QUtf8, both ways
                row("`$\"\\377\"", QSymbol.of("\uDCFF")),
                row("`$\"\uDCFF\"", QSymbol.of("\uDCFF")),
                row("`$(\"\\377a\";\"\u00e9\")", QSymbolVector.of("\uDCFFa", "\u00e9")),
                row("\"\uDCFF\\303\"", QCharVector.wrap(new byte[] {(byte) 0xff, (byte) 0xc3})),
                row("'\"\\377\"", new QError("\uDCFF")),
                row("{x\uDCFF}", QLambda.of("{x\uDCFF}")),
                row("\"\uD83D\uDE00\"", QCharVector.wrap(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98,
                        (byte) 0x80})),
                // as in q, a list of conforming dictionaries (or enlist of one) is a table
                row("(`a`b!1 2;`a`b!3 4)", table(List.of("a", "b"), QLongVector.of(1, 3), QLongVector.of(2, 4))),
                row("enlist `a`b!1 2", table(List.of("a", "b"), QLongVector.of(1), QLongVector.of(2))),
                row(",`a`b!(1;`x)", table(List.of("a", "b"), QLongVector.of(1), QSymbolVector.of("x"))),
                row("(`a`b!(1;`x);`a`b!(2;3))", table(List.of("a", "b"), QLongVector.of(1, 2),
                        QList.of(QSymbol.of("x"), QLong.of(3)))),
                row("(`a`b!1 2;`b`a!3 4)", QList.of(QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)),
                        QDict.of(QSymbolVector.of("b", "a"), QLongVector.of(3, 4)))),
                row("(`a`a!1 2;`a`a!3 4)", QList.of(QDict.of(QSymbolVector.of("a", "a"), QLongVector.of(1, 2)),
                        QDict.of(QSymbolVector.of("a", "a"), QLongVector.of(3, 4)))),
                row("(1 2!3 4;1 2!3 4)", QList.of(QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4)),
                        QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4)))),
                row("-1_(`a`b!1 2;`a`b!3 4;::)", QList.of(QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)),
                        QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(3, 4)))),
                // drop never overflows: a count past the length (either way) leaves nothing
                row("-9223372036854775808_1 2 3", QLongVector.EMPTY),
                row("0N_1 2 3", QLongVector.EMPTY),
                row("0Ni_1 2 3", QLongVector.EMPTY),
                row("-2147483648i_1 2 3", QLongVector.EMPTY),
                row("9223372036854775807_1 2 3", QLongVector.EMPTY),
                row("-9223372036854775807_1 2 3", QLongVector.EMPTY),
                row("-0W_`a`b", QSymbolVector.EMPTY),
                row("2_-1_1 2 3 4", QLongVector.of(3)),
                row("1_-1_1 2 3 4", QLongVector.of(2, 3)),
                row("2_-2_1 2 3 4", QLongVector.EMPTY),
                row("1_1_(1;`a;2)", QList.of(QLong.of(2))),
                row("-1_-1_(1;2;::)", QList.of(QLong.of(1))),
                // joins, chained
                row("1,2,(),3", QLongVector.of(1, 2, 3)),
                row("(),(),1", QLongVector.of(1)),
                row("(),()", QList.EMPTY),
                row("1,`a,2", QList.of(QLong.of(1), QSymbol.of("a"), QLong.of(2))),
                row("(1;`a),1 2,`b", QList.of(QLong.of(1), QSymbol.of("a"), QLong.of(1), QLong.of(2), QSymbol.of("b"))),
                row("`s#1 2,3", QLongVector.of(1, 2, 3).withAttribute(Attribute.SORTED)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("typed")
    void readsWhatPeopleType(String text, QValue expected) {
        QValue v = QText.parse(text);
        assertThat(v).isEqualTo(expected);
        Encoder e = new Encoder();
        assertThat(e.encode(MessageType.ASYNC, v)).isEqualTo(e.encode(MessageType.ASYNC, expected));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("", "empty", 0),
                Arguments.of("   ", "empty", 0),
                Arguments.of("1 2 3x", "'x' after the number 3", 5),
                Arguments.of("foo", "unknown name foo", 0),
                Arguments.of("(1;2", "expected ; or )", 4),
                Arguments.of("(1;2]", "expected ; or )", 4),
                Arguments.of("\"abc", "string without its closing \"", 0),
                Arguments.of("\"a\\qb\"", "unknown escape \\q", 2),
                Arguments.of("{x+y", "lambda without its closing }", 0),
                Arguments.of("1 2!3", "two lists of the same length", 3),
                Arguments.of("`a`b!1 2 3", "2 keys but 3 values", 4),
                Arguments.of("1+2", "verb + is not supported", 1),
                Arguments.of("- 1", "verb - is not supported with one argument", 0),
                Arguments.of("`x#1 2", "unknown attribute `x", 0),
                Arguments.of("3#1 2", "only as an attribute", 1),
                Arguments.of("2000.13.01", "no such date", 0),
                Arguments.of("40000h", "out of range", 0),
                Arguments.of("99999999999999999999", "out of range", 0),
                Arguments.of("1.5i", "cannot read 1.5i as a int", 0),
                Arguments.of("1 2h 2000.01.01", "mixes short and date", 5),
                Arguments.of("1 0b", "boolean literal", 2),
                Arguments.of("0x123", "pairs of hex digits", 0),
                Arguments.of("12:60", "below 60", 0),
                Arguments.of("1 2;3", "unexpected ';'", 3),
                Arguments.of(")", "unexpected ')'", 0),
                Arguments.of("#", "", -1),
                Arguments.of("/", "", -1),
                Arguments.of("1 2 3[0]", "cannot index or apply a long vector", 5),
                Arguments.of("{x} 1", "cannot apply a lambda", 4),
                Arguments.of("+`a`b!1 2", "at least one list", 0),
                Arguments.of("\"G\"$\"xyz\"", "not a guid", 3),
                Arguments.of("`float$1", "does not cast a long atom to float", 6),
                Arguments.of("-8!1", "only the internal function -9!", 0),
                Arguments.of("-9!0x0102", "-9! cannot decode", 3),
                Arguments.of("([] a:1; b:2)", "at least one list column", 0),
                Arguments.of("([] a:1 2; b:1 2 3)", "column b has 3 rows, not 2", 11),
                Arguments.of("([] 1 2)", "expected a column name", 4),
                Arguments.of("-0N", "only floats and reals have a negative null", 0),
                Arguments.of("[1]", "unexpected '['", 0),
                Arguments.of("/:", "", -1),
                Arguments.of("+/ 1 2", "cannot apply", 3),
                Arguments.of("(;1)", "empty item", 1),
                // a lone surrogate has no bytes: never a silent '?'
                Arguments.of("\"\uD800\"", "lone surrogate U+D800", 1),
                Arguments.of("`$\"a\uDBFF\"", "lone surrogate U+DBFF", 4),
                Arguments.of("'\"\uDFFF\"", "lone surrogate U+DFFF", 2),
                Arguments.of("{x\uD800}", "lone surrogate U+D800", 2),
                Arguments.of(".q){x+\uDC7F}", "lone surrogate U+DC7F", 6),
                Arguments.of("1 \uD800", "unexpected lone surrogate U+D800", 2),
                Arguments.of("1 \uD83D\uDE00", "unexpected character U+1F600", 2),
                Arguments.of("1 2\u0000", "unexpected character U+0000", 3),
                Arguments.of("`$\"a\\000\"", "NUL", 1),
                // value"…" is a lambda's source or nothing
                Arguments.of("value\"1+2\"", "only for the source of a lambda", 5),
                Arguments.of("value\"{x\"", "only for the source of a lambda", 5),
                Arguments.of("value\"{x}\"[1]", "in parentheses", 10),
                Arguments.of("value\"{x}\"'", "in parentheses", 10),
                Arguments.of("value 1", "cannot apply a unary primitive", 6),
                Arguments.of("0x\u0663\u0663", "pairs of hex digits", 0),
                Arguments.of("`a`b!1", "two lists of the same length", 4),
                // no verb allocates from a count in the text: take is not supported at all
                Arguments.of("9223372036854775807#1 2", "only as an attribute", 19),
                Arguments.of("0W#`a", "only as an attribute", 2));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("errors")
    void explainsWhatIsWrongAndWhere(String text, String message, int position) {
        if (position < 0) {
            // not an error: a lone verb or iterator is the primitive itself
            assertThat(QText.parse(text)).isNotNull();
            return;
        }
        assertThatThrownBy(() -> QText.parse(text))
                .isInstanceOf(QTextException.class)
                .isInstanceOf(Q4jException.class)
                .hasMessageContaining(message)
                .hasMessageContaining("at position " + position)
                .satisfies(e -> assertThat(((QTextException) e).position()).isEqualTo(position));
    }

    @Test
    void javadocExample() {
        QValue v = QText.parse("([] sym:`a`b; px:1.5 2)");
        assertThat(QText.print(v)).isEqualTo("+`sym`px!(`a`b;1.5 2)");
        assertThat(QText.parse(QText.print(v))).isEqualTo(v);
        assertThat(QText.print(QLong.NULL)).isEqualTo("0N");
    }

    @Test
    void aLeftProjectionOfAnOperatorIsNotSupported() {
        assertThatThrownBy(() -> QText.parse("2+")).isInstanceOf(QTextException.class);
    }
}
