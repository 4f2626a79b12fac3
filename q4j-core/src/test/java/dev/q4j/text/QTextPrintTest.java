package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.testing.RoundTrips;
import dev.q4j.value.Attribute;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDate;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QIterator;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonth;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Value to text, one row per case of docs/q-text-notes.md (and the q4j notations); every expected text also parses
 * back to a value with the same bytes.
 */
class QTextPrintTest {
    private static final UUID G1 = UUID.fromString("8c680a01-5a49-5aab-5a65-d4bfddb6a661");
    private static final UUID G2 = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");
    private static final long NS = 1_000_000_000L;
    private static final long DAY = 86_400L * NS;

    private static final List<Arguments> ROWS = new ArrayList<>();

    private static void row(String text, QValue value) {
        ROWS.add(Arguments.of(text, value));
    }

    private static QTable table(List<String> names, QValue... columns) {
        return QTable.of(names, List.of(columns));
    }

    static Stream<Arguments> rows() {
        ROWS.clear();
        // atoms (notes 4.1, 4.2)
        row("1b", QBoolean.TRUE);
        row("0b", QBoolean.FALSE);
        row("\"G\"$\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\"", QGuid.of(G1));
        row("0Ng", QGuid.NULL);
        row("0x2a", QByte.of((byte) 0x2a));
        row("0xff", QByte.of((byte) -1));
        row("1h", QShort.of((short) 1));
        row("-234h", QShort.of((short) -234));
        row("0Nh", QShort.NULL);
        row("0Wh", QShort.INFINITY);
        row("-0Wh", QShort.NEGATIVE_INFINITY);
        row("1i", QInt.of(1));
        row("-3i", QInt.of(-3));
        row("0Ni", QInt.NULL);
        row("0Wi", QInt.INFINITY);
        row("-0Wi", QInt.NEGATIVE_INFINITY);
        row("1", QLong.of(1));
        row("89421099511627575", QLong.of(89421099511627575L));
        row("0N", QLong.NULL);
        row("0W", QLong.INFINITY);
        row("-0W", QLong.NEGATIVE_INFINITY);
        row("3.5e", QReal.of(3.5f));
        row("1e", QReal.of(1f));
        row("5.5e", QReal.of(5.5f));
        row("0.1e", QReal.of(0.1f));
        row("-0e", QReal.of(-0f));
        row("0Ne", QReal.NULL);
        row("-0Ne", QReal.of(Float.intBitsToFloat(0xffc00000)));
        row("0we", QReal.INFINITY);
        row("-0we", QReal.NEGATIVE_INFINITY);
        row("1f", QFloat.of(1));
        row("-1f", QFloat.of(-1));
        row("3.234", QFloat.of(3.234));
        row("0.5", QFloat.of(0.5));
        row("0.1", QFloat.of(0.1));
        row("0.3333333333333333", QFloat.of(1.0 / 3));
        row("0.0001", QFloat.of(0.0001));
        row("1e-05", QFloat.of(0.00001));
        row("1234567f", QFloat.of(1234567));
        row("1e+07", QFloat.of(1e7));
        row("1e+10", QFloat.of(1e10));
        row("123456789.5", QFloat.of(123456789.5));
        row("1.7976931348623157e+308", QFloat.of(Double.MAX_VALUE));
        row("5e-324", QFloat.of(Double.MIN_VALUE));
        row("-0f", QFloat.of(-0.0));
        row("0n", QFloat.NULL);
        row("-0n", QFloat.of(Double.longBitsToDouble(0xfff8000000000000L)));
        row("0w", QFloat.INFINITY);
        row("-0w", QFloat.NEGATIVE_INFINITY);
        row("\"a\"", QChar.of('a'));
        row("\" \"", QChar.NULL);
        row("\"\\\"\"", QChar.of('"'));
        row("\"\\\\\"", QChar.of('\\'));
        row("\"\\n\"", QChar.of('\n'));
        row("\"\\001\"", QChar.of('\001'));
        row("\"\\377\"", new QChar((byte) -1));
        row("`abc", QSymbol.of("abc"));
        row("`", QSymbol.NULL);
        row("`a.b_c1", QSymbol.of("a.b_c1"));
        row("`:path/to/file", QSymbol.of(":path/to/file"));
        row("`:host:5010", QSymbol.of(":host:5010"));
        row("`$\"hello world\"", QSymbol.of("hello world"));
        row("`$\"a-b\"", QSymbol.of("a-b"));
        row("`$\"\\344\\275\\240\"", QSymbol.of("你"));
        row("2000.01.04D05:36:57.600000000", QTimestamp.of(3 * DAY + (5 * 3600 + 36 * 60 + 57) * NS + 600_000_000));
        row("2000.01.02D10:11:12.001000000", QTimestamp.of(DAY + (10 * 3600 + 11 * 60 + 12) * NS + 1_000_000));
        row("1999.12.31D23:59:59.999999999", QTimestamp.of(-1));
        row("1707.09.22D00:12:43.145224194", QTimestamp.of(-Long.MAX_VALUE + 1));
        row("2292.04.10D23:47:16.854775806", QTimestamp.of(Long.MAX_VALUE - 1));
        row("0Np", QTimestamp.NULL);
        row("0Wp", QTimestamp.INFINITY);
        row("-0Wp", QTimestamp.NEGATIVE_INFINITY);
        row("2001.01m", QMonth.of(12));
        row("2000.02m", QMonth.of(1));
        row("1995.01m", QMonth.of(-60));
        row("0Nm", QMonth.NULL);
        row("0Wm", QMonth.INFINITY);
        row("-0Wm", QMonth.NEGATIVE_INFINITY);
        row("\"m\"$1000000i", QMonth.of(1_000_000));
        row("2000.01.01", QDate.of(0));
        row("2001.01.01", QDate.of(366));
        row("1999.12.31", QDate.of(-1));
        row("0001.01.01", QDate.of(-730119));
        row("9999.12.31", QDate.of(2921939));
        row("\"d\"$-730120i", QDate.of(-730120));
        row("0Nd", QDate.NULL);
        row("0Wd", QDate.INFINITY);
        row("-0Wd", QDate.NEGATIVE_INFINITY);
        row("2000.01.01T00:00:00.000", QDatetime.of(0));
        row("2000.01.02T12:00:00.000", QDatetime.of(1.5));
        row("2000.01.04T05:36:57.600", QDatetime.of(3.234));
        row("\"z\"$3.2340000001", QDatetime.of(3.2340000001));
        row("\"z\"$-0f", QDatetime.of(-0.0));
        row("0Nz", QDatetime.NULL);
        row("0wz", QDatetime.INFINITY);
        row("-0wz", QDatetime.NEGATIVE_INFINITY);
        row("0D05:36:57.600000000", QTimespan.of((5 * 3600 + 36 * 60 + 57) * NS + 600_000_000));
        row("100D00:00:20.001000000", QTimespan.of(100 * DAY + 20 * NS + 1_000_000));
        row("-0D05:36:57.600000000", QTimespan.of(-((5 * 3600 + 36 * 60 + 57) * NS + 600_000_000)));
        row("-106751D23:47:16.854775806", QTimespan.of(-Long.MAX_VALUE + 1));
        row("0Nn", QTimespan.NULL);
        row("0Wn", QTimespan.INFINITY);
        row("-0Wn", QTimespan.NEGATIVE_INFINITY);
        row("00:01", QMinute.of(1));
        row("12:01", QMinute.of(721));
        row("0Nu", QMinute.NULL);
        row("00:00:01", QSecond.of(1));
        row("12:05:00", QSecond.of(12 * 3600 + 300));
        row("0Wv", QSecond.INFINITY);
        row("00:00:00.001", QTime.of(1));
        row("12:04:59.123", QTime.of(43499123));
        row("43:12:34.567", QTime.of(155554567));
        row("-23:12:34.567", QTime.of(-83554567));
        row("-0Wt", QTime.NEGATIVE_INFINITY);
        row("::", QUnaryPrimitive.IDENTITY);
        // vectors (notes 4.3)
        row("1 2 3", QLongVector.of(1, 2, 3));
        row("1 0N 3", QLongVector.of(1, Long.MIN_VALUE, 3));
        row("1 2 3 -1", QLongVector.of(1, 2, 3, -1));
        row("0W 0N -0W", QLongVector.of(Long.MAX_VALUE, Long.MIN_VALUE, -Long.MAX_VALUE));
        row("1 2 3i", QIntVector.of(1, 2, 3));
        row("1 2 3 4 0N 6i", QIntVector.of(1, 2, 3, 4, Integer.MIN_VALUE, 6));
        row("1 2 3h", QShortVector.of((short) 1, (short) 2, (short) 3));
        row("0N 0Nh", QShortVector.of(Short.MIN_VALUE, Short.MIN_VALUE));
        row("101b", QBooleanVector.of(true, false, true));
        row("0x010203", QByteVector.of((byte) 1, (byte) 2, (byte) 3));
        row("1 2 3 -1e", QRealVector.of(1, 2, 3, -1));
        row("1.1 1.2 0N 1.4e", QRealVector.of(1.1f, 1.2f, Float.NaN, 1.4f));
        row("1 0W -0We", QRealVector.of(1, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        row("1 2 3f", QFloatVector.of(1, 2, 3));
        row("1.5 2", QFloatVector.of(1.5, 2));
        row("1 0.5 0.25", QFloatVector.of(1, 0.5, 0.25));
        row("1.1 1.2 0n 1.4", QFloatVector.of(1.1, 1.2, Double.NaN, 1.4));
        row("0n 0w -0w", QFloatVector.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        row("\"abc\"", QCharVector.of("abc"));
        row("\"Z\\303\\274rich\"", QCharVector.of("Zürich"));
        row("\"\\346\\227\\245\\346\\234\\254\"", QCharVector.of("日本"));
        row("\"a\\tb\\r\\n\\010\\177\"", QCharVector.of("a\tb\r\n\b\177"));
        row("`a`b`c", QSymbolVector.of("a", "b", "c"));
        row("``quick``fox", QSymbolVector.of("", "quick", "", "fox"));
        row("``", QSymbolVector.of("", ""));
        row("`$(\"a b\";,\"c\";\"\")", QSymbolVector.of("a b", "c", ""));
        row("\"G\"$(\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\";\"0a369037-75d3-b24d-6721-5a1d44d4bed5\")",
                QGuidVector.of(G1, G2));
        row("2005.01.01 2005.12.04", QDateVector.of(1827, 2164));
        row("2001.01.01 2000.05.01 0Nd", QDateVector.of(366, 121, Integer.MIN_VALUE));
        row("0Nd 0Wd -0Wd", QDateVector.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -Integer.MAX_VALUE));
        row("\"d\"$1 -1000000 0N 0Wi", QDateVector.of(1, -1000000, Integer.MIN_VALUE, Integer.MAX_VALUE));
        row("2001.01 2001.02m", QMonthVector.of(12, 13));
        row("2001.01 0N 2001.03m", QMonthVector.of(12, Integer.MIN_VALUE, 14));
        row("0N 0Wm", QMonthVector.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
        row("01:02 12:34 11:59", QMinuteVector.of(62, 754, 719));
        row("12:01 0Nu", QMinuteVector.of(721, Integer.MIN_VALUE));
        row("12:34:00 01:02:03", QSecondVector.of(45240, 3723));
        row("2000.01.04D05:36:57.600000000 0Np",
                QTimestampVector.of(3 * DAY + (5 * 3600 + 36 * 60 + 57) * NS + 600_000_000, Long.MIN_VALUE));
        row("0D05:36:57.600000000 0Nn",
                QTimespanVector.of((5 * 3600 + 36 * 60 + 57) * NS + 600_000_000, Long.MIN_VALUE));
        row("2000.01.04T05:36:57.600 0Nz", QDatetimeVector.of(3.234, Double.NaN));
        row("\"z\"$1.5 3.2340000001", QDatetimeVector.of(1.5, 3.2340000001));
        // one item, empty, general lists (notes 4.4)
        row(",42", QLongVector.of(42));
        row(",`a", QSymbolVector.of("a"));
        row(",\"a\"", QCharVector.of("a"));
        row(",1b", QBooleanVector.of(true));
        row(",0x01", QByteVector.of((byte) 1));
        row(",1f", QFloatVector.of(1));
        row(",2000.01.01D00:00:00.000000000", QTimestampVector.of(0));
        row(",`$\"a b\"", QSymbolVector.of("a b"));
        row(",\"G\"$\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\"", QGuidVector.of(G1));
        row(",1 2 3", QList.of(QLongVector.of(1, 2, 3)));
        row(",,4", QList.of(QLongVector.of(4)));
        row(",(::)", QList.of(QUnaryPrimitive.IDENTITY));
        row("`long$()", QLongVector.EMPTY);
        row("`int$()", QIntVector.EMPTY);
        row("`float$()", QFloatVector.EMPTY);
        row("`symbol$()", QSymbolVector.EMPTY);
        row("`timespan$()", QTimespanVector.EMPTY);
        row("`guid$()", QGuidVector.EMPTY);
        row("`boolean$()", QBooleanVector.EMPTY);
        row("\"\"", QCharVector.EMPTY);
        row("()", QList.EMPTY);
        row("(1;`bcd;\"0bc\";5.5e)", QList.of(QLong.of(1), QSymbol.of("bcd"), QCharVector.of("0bc"), QReal.of(5.5f)));
        row("(42;::;`foo)", QList.of(QLong.of(42), QUnaryPrimitive.IDENTITY, QSymbol.of("foo")));
        row("(0b;0;0f;`;\"\";2000.01.01)", QList.of(QBoolean.FALSE, QLong.of(0), QFloat.of(0), QSymbol.NULL,
                QCharVector.EMPTY, QDate.of(0)));
        row("(1 2;3 4)", QList.of(QLongVector.of(1, 2), QLongVector.of(3, 4)));
        row("(,9;,8;5 4)", QList.of(QLongVector.of(9), QLongVector.of(8), QLongVector.of(5, 4)));
        row("(\"one\";\"two\";,\"3\")", QList.of(QCharVector.of("one"), QCharVector.of("two"), QCharVector.of("3")));
        row("-1_(1;2;::)", QList.of(QLong.of(1), QLong.of(2)));
        row("-1_(`a;::)", QList.of(QSymbol.of("a")));
        row("-1_(\"G\"$\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\";0Ng;::)", QList.of(QGuid.of(G1), QGuid.NULL));
        // dictionaries and tables (notes 4.5)
        row("`a`b!1 2", QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)));
        row("`a`b!(`x;1)", QDict.of(QSymbolVector.of("a", "b"), QList.of(QSymbol.of("x"), QLong.of(1))));
        row("(,`a)!,`x", QDict.of(QSymbolVector.of("a"), QSymbolVector.of("x")));
        row("1 2!`abc`cdefgh", QDict.of(QLongVector.of(1, 2), QSymbolVector.of("abc", "cdefgh")));
        row("2 3 4!(,9;,8;5 4)", QDict.of(QLongVector.of(2, 3, 4),
                QList.of(QLongVector.of(9), QLongVector.of(8), QLongVector.of(5, 4))));
        row("()!()", QDict.of(QList.EMPTY, QList.EMPTY));
        row("(`symbol$())!()", QDict.of(QSymbolVector.EMPTY, QList.EMPTY));
        row("(`s#1 2)!`a`b", QDict.of(QLongVector.of(1, 2).withAttribute(Attribute.SORTED), QSymbolVector.of("a",
                "b")));
        row("+`a`b!(1 2;3 4)", table(List.of("a", "b"), QLongVector.of(1, 2), QLongVector.of(3, 4)));
        row("+`a`b!(,2i;,3i)", table(List.of("a", "b"), QIntVector.of(2), QIntVector.of(3)));
        row("+(,`name)!,`tom`dick`harry", table(List.of("name"), QSymbolVector.of("tom", "dick", "harry")));
        row("+`name`iq!(`symbol$();`int$())", table(List.of("name", "iq"), QSymbolVector.EMPTY, QIntVector.EMPTY));
        row("+`a`b!(();())", table(List.of("a", "b"), QList.EMPTY, QList.EMPTY));
        row("+`sc`nsc!(1 2 3;(1 2;3 4;5 6 7))", table(List.of("sc", "nsc"), QLongVector.of(1, 2, 3),
                QList.of(QLongVector.of(1, 2), QLongVector.of(3, 4), QLongVector.of(5, 6, 7))));
        row("(+(,`name)!,`tom`dick`harry)!+(,`salary)!,60 60 70", QKeyedTable.of(
                table(List.of("name"), QSymbolVector.of("tom", "dick", "harry")),
                table(List.of("salary"), QLongVector.of(60, 60, 70))));
        row("(`s#+(,`color)!,`s#`blue`green`red)!+(,`qty)!,900 1000 1200", QKeyedTable.of(
                QTable.wrap(new String[] {"color"},
                        new QSequence[] {QSymbolVector.of("blue", "green", "red").withAttribute(Attribute.SORTED)},
                        Attribute.SORTED),
                table(List.of("qty"), QLongVector.of(900, 1000, 1200))));
        row("`abc`def`gh!+`one`two!(1 2 3;4 5 6)", QDict.of(QSymbolVector.of("abc", "def", "gh"),
                table(List.of("one", "two"), QLongVector.of(1, 2, 3), QLongVector.of(4, 5, 6))));
        // attributes (notes 4.6), sorted dictionaries and keyed tables
        row("`s#1 2 3", QLongVector.of(1, 2, 3).withAttribute(Attribute.SORTED));
        row("`u#`a`b", QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE));
        row("`p#1 1 2", QLongVector.of(1, 1, 2).withAttribute(Attribute.PARTED));
        row("`g#1 2", QLongVector.of(1, 2).withAttribute(Attribute.GROUPED));
        row("`s#,1", QLongVector.of(1).withAttribute(Attribute.SORTED));
        row("`s#`long$()", QLongVector.EMPTY.withAttribute(Attribute.SORTED));
        row("`p#(1 2;3)", QList.of(QLongVector.of(1, 2), QLong.of(3)).withAttribute(Attribute.PARTED));
        row("`s#+`a`b!(1 2;3 4)", QTable.wrap(new String[] {"a", "b"},
                new QSequence[] {QLongVector.of(1, 2), QLongVector.of(3, 4)}, Attribute.SORTED));
        row("`s#`a`b!1 2", new QDict(QSymbolVector.of("a", "b").withAttribute(Attribute.SORTED),
                QLongVector.of(1, 2), true));
        row("`s#(`#`a`b)!1 2", new QDict(QSymbolVector.of("a", "b"), QLongVector.of(1, 2), true));
        row("`s#(`u#`a`b)!1 2", new QDict(QSymbolVector.of("a", "b").withAttribute(Attribute.UNIQUE),
                QLongVector.of(1, 2), true));
        row("`s#(+(,`k)!,1 2)!+(,`v)!,3 4", new QKeyedTable(
                QTable.wrap(new String[] {"k"}, new QSequence[] {QLongVector.of(1, 2)}, Attribute.SORTED),
                table(List.of("v"), QLongVector.of(3, 4)), true));
        row("`s#(`#+(,`k)!,1 2)!+(,`v)!,3 4", new QKeyedTable(table(List.of("k"), QLongVector.of(1, 2)),
                table(List.of("v"), QLongVector.of(3, 4)), true));
        // functions (notes section 3)
        row("{x+y}", QLambda.of("{x+y}"));
        row("{[a;b] a*b}", QLambda.of("{[a;b] a*b}"));
        row("{\"}\"}", QLambda.of("{\"}\"}"));
        row("value\"{x+y / a comment with a } brace\\n }\"", QLambda.of("{x+y / a comment with a } brace\n }"));
        row(".q)k){x*y div x:$[16h=abs[@x];\"j\"$x;x]}", new QLambda("q", "k){x*y div x:$[16h=abs[@x];\"j\"$x;x]}"));
        row("~:", QUnaryPrimitive.of(15));
        row("+:", QUnaryPrimitive.of(1));
        row("0::", QUnaryPrimitive.of(20));
        row("2::", QUnaryPrimitive.of(22));
        row("avg", QUnaryPrimitive.of(23));
        row("enlist", QUnaryPrimitive.of(41));
        row("var", QUnaryPrimitive.of(42));
        row(":", QBinaryPrimitive.of(0));
        row("&", QBinaryPrimitive.of(5));
        row(".", QBinaryPrimitive.of(19));
        row("0:", QBinaryPrimitive.of(20));
        row("insert", QBinaryPrimitive.of(28));
        row("cor", QBinaryPrimitive.of(36));
        row("'", QIterator.of(0));
        row("/", QIterator.of(1));
        row("\\", QIterator.of(2));
        row("':", QIterator.of(3));
        row("/:", QIterator.of(4));
        row("\\:", QIterator.of(5));
        row("(:;+;-;0:;in)", QList.of(QBinaryPrimitive.of(0), QBinaryPrimitive.of(1), QBinaryPrimitive.of(2),
                QBinaryPrimitive.of(20), QBinaryPrimitive.of(23)));
        row("(';/;\\;':;/:;\\:)", QList.of(QIterator.of(0), QIterator.of(1), QIterator.of(2), QIterator.of(3),
                QIterator.of(4), QIterator.of(5)));
        row("{x+y}[3]", QProjection.of(QLambda.of("{x+y}"), QLong.of(3)));
        row("{x+y+z}[1;;2]", QProjection.of(QLambda.of("{x+y+z}"), QLong.of(1), QUnaryPrimitive.of(255), QLong.of(2)));
        row("insert[1]", QProjection.of(QBinaryPrimitive.of(28), QLong.of(1)));
        row("![-15]", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-15)));
        row("$[\"b\"]", QProjection.of(QBinaryPrimitive.of(11), QChar.of('b')));
        row("+[;1]", QProjection.of(QBinaryPrimitive.of(1), QUnaryPrimitive.of(255), QLong.of(1)));
        row(".[;();:;]", QProjection.of(QBinaryPrimitive.of(19), QUnaryPrimitive.of(255), QList.EMPTY,
                QBinaryPrimitive.of(0), QUnaryPrimitive.of(255)));
        row("{x}[::]", QProjection.of(QLambda.of("{x}"), QUnaryPrimitive.IDENTITY));
        row(",/", QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(12)));
        row("+\\", QDerivedFunction.of(QType.SCAN, QBinaryPrimitive.of(1)));
        row(":':", QDerivedFunction.of(QType.EACH_PRIOR, QBinaryPrimitive.of(0)));
        row("+/:", QDerivedFunction.of(QType.EACH_RIGHT, QBinaryPrimitive.of(1)));
        row("+\\:", QDerivedFunction.of(QType.EACH_LEFT, QBinaryPrimitive.of(1)));
        row("-:'", QDerivedFunction.of(QType.EACH, QUnaryPrimitive.of(2)));
        row("+//", QDerivedFunction.of(QType.OVER, QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(1))));
        row("{x}'", QDerivedFunction.of(QType.EACH, QLambda.of("{x}")));
        row("{x+y}[1]/", QDerivedFunction.of(QType.OVER, QProjection.of(QLambda.of("{x+y}"), QLong.of(1))));
        row("(')/", QDerivedFunction.of(QType.OVER, QIterator.of(0)));
        row(".q)k){x}'", QDerivedFunction.of(QType.EACH, new QLambda("q", "k){x}")));
        row("'[max;$[\"b\"]]", QComposition.of(QUnaryPrimitive.of(28),
                QProjection.of(QBinaryPrimitive.of(11), QChar.of('b'))));
        row("'[-:;_:;-:]", QComposition.of(QUnaryPrimitive.of(2), QUnaryPrimitive.of(14), QUnaryPrimitive.of(2)));
        row("'[~:]", QComposition.of(QUnaryPrimitive.of(15)));
        row(",(+:)", QList.of(QUnaryPrimitive.of(1)));
        row(",{x}", QList.of(QLambda.of("{x}")));
        // errors
        row("'type", new QError("type"));
        row("'s-fail", new QError("s-fail"));
        row("'\"host: connection refused\"", new QError("host: connection refused"));
        row("'\"\"", new QError(""));
        row("(1;'length)", QList.of(QLong.of(1), new QError("length")));
        row(",('rank)", QList.of(new QError("rank")));
        // values without a q literal: the IPC message for -9!
        row("-9!0x010000000a0000006563", QUnaryPrimitive.of(99));
        row("-9!0x010000000a00000065ff", QUnaryPrimitive.of(255));
        row("-9!0x010000000a000000664b", QBinaryPrimitive.of(75));
        row("-9!0x010000000a0000006706", QIterator.of(6));
        row("-9!0x010000001300000064000a000300000078792b", QLambda.of("xy+"));
        row("-9!0x0100000011000000f7010000000000f87f", QFloat.of(Double.longBitsToDouble(0x7ff8000000000001L)));
        // one line per value: lambdas that hold line breaks or bytes that do not print are q's value"…"
        row("value\"{x /c\\n }\"", QLambda.of("{x /c\n }"));
        row("value\"{x\\r\\ny}\"", QLambda.of("{x\r\ny}"));
        row(".q)value\"k){x\\n}\"", new QLambda("q", "k){x\n}"));
        row("value\"{x\\001\\177\\302\\205}\"", QLambda.of("{x\u0001\u007f\u0085}"));
        row("value\"{x\\342\\200\\250}\"", QLambda.of("{x\u2028}"));
        row("value\"{\\\"\\377\\\"}\"", QLambda.of("{\"\uDCFF\"}"));
        row("{x,\"\u00e9\"\t}", QLambda.of("{x,\"\u00e9\"\t}"));
        row("(value\"{x\\n+y}\")[1]", QProjection.of(QLambda.of("{x\n+y}"), QLong.of(1)));
        row("(value\"{x\\n}\")'", QDerivedFunction.of(QType.EACH, QLambda.of("{x\n}")));
        row(",value\"{x\\n}\"", QList.of(QLambda.of("{x\n}")));
        row("(value\"{x\\n}\";1)", QList.of(QLambda.of("{x\n}"), QLong.of(1)));
        row("'[value\"{x\\n}\";-:]", QComposition.of(QLambda.of("{x\n}"), QUnaryPrimitive.of(2)));
        // lists q would turn into tables: conforming dictionaries, or one dictionary with symbol keys
        QDict ab12 = QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2));
        QDict ab34 = QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(3, 4));
        row("-1_(`a`b!1 2;`a`b!3 4;::)", QList.of(ab12, ab34));
        row("-1_(`a`b!1 2;::)", QList.of(ab12));
        row("-1_(`a`b!1 2;`b`a!3 4;::)", QList.of(ab12, QDict.of(QSymbolVector.of("b", "a"), QLongVector.of(3, 4))));
        row("-1_(`a`b!1 2;`c`d`e!(1;`x;\"y\");::)", QList.of(ab12,
                QDict.of(QSymbolVector.of("c", "d", "e"), QList.of(QLong.of(1), QSymbol.of("x"), QChar.of('y')))));
        row("`p#-1_(`a`b!1 2;`a`b!3 4;::)", QList.of(ab12, ab34).withAttribute(Attribute.PARTED));
        row("(`a`b!1 2;1 2!3 4)", QList.of(ab12, QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4))));
        row("(1 2!3 4;1 2!3 4)", QList.of(QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4)),
                QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4))));
        row(",1 2!3 4", QList.of(QDict.of(QLongVector.of(1, 2), QLongVector.of(3, 4))));
        row("(+`a`b!(,1;,2);+`a`b!(,1;,2))", QList.of(table(List.of("a", "b"), QLongVector.of(1), QLongVector.of(2)),
                table(List.of("a", "b"), QLongVector.of(1), QLongVector.of(2))));
        row("`a`b!-1_(`a`b!1 2;`a`b!3 4;::)", QDict.of(QSymbolVector.of("a", "b"), QList.of(ab12, ab34)));
        // symbols and errors print their exact wire bytes, UTF-8 or not
        row("`$\"\\377\"", QSymbol.of("\uDCFF"));
        row("`$\"Z\\303\\274rich\"", QSymbol.of("Z\u00fcrich"));
        row("`$(,\"\\377\";\"a b\";,\"c\")", QSymbolVector.of("\uDCFF", "a b", "c"));
        row(",`$\"\\200\\377\"", QSymbolVector.of("\uDC80\uDCFF"));
        row("`$(,\"\\377\";,\"\\303\")", QSymbolVector.of("\uDCFF", "\uDCC3"));
        row("'\"\\377 not UTF-8\"", new QError("\uDCFF not UTF-8"));
        return ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void printsAndReadsBack(String text, QValue value) {
        assertThat(QText.print(value)).isEqualTo(text);
        assertThat(value.toString()).isEqualTo(text);
        RoundTrips.assertTextRoundTrip(value);
        QValue parsed = QText.parse(text);
        assertThat(QText.print(parsed)).isEqualTo(text);
    }

    @Test
    void everyUnaryBinaryAndIteratorCodePrintsAndReadsBack() {
        for (int code = 0; code < 256; code++) {
            RoundTrips.assertTextRoundTrip(QUnaryPrimitive.of(code));
            RoundTrips.assertTextRoundTrip(QBinaryPrimitive.of(code));
            RoundTrips.assertTextRoundTrip(QIterator.of(code));
        }
        assertThat(QText.print(QList.of(QUnaryPrimitive.of(0), QUnaryPrimitive.of(1), QUnaryPrimitive.of(20))))
                .isEqualTo("(::;+:;0::)");
    }

    @Test
    void realDigitsAreTheFewestThatReadBack() {
        assertThat(QText.print(QReal.of(3.4028235e38f))).isEqualTo("3.4028235e+38e");
        assertThat(QText.print(QReal.of(1.4e-45f))).isEqualTo("1e-45e");
        assertThat(QText.print(QReal.of(16777216f))).isEqualTo("16777216e");
        assertThat(QText.print(QReal.of(1234567f))).isEqualTo("1234567e");
    }
}
