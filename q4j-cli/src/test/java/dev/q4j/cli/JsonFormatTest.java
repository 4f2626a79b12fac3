package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.text.QText;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QUnaryPrimitive;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The json format. */
class JsonFormatTest {

    private static String json(String qText) {
        return JsonFormat.format(QText.parse(qText));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "42                            | 42",
        "-7i                           | -7",
        "3h                            | 3",
        "0xff                          | 255",
        "1b                            | true",
        "0b                            | false",
        "1.5                           | 1.5",
        "1f                            | 1",
        "-2.5e                         | -2.5",
        "1.1e                          | 1.1",
        "0.1                           | 0.1",
        "1e-10                         | 1e-10",
        "1e21                          | 1e+21",
        "123456789012345f              | 123456789012345",
        "0N                            | null",
        "0Ni                           | null",
        "0n                            | null",
        "0Ne                           | null",
        "0W                            | \"0W\"",
        "-0Wi                          | \"-0W\"",
        "0w                            | \"0W\"",
        "-0w                           | \"-0W\"",
        "`abc                          | \"abc\"",
        "`                             | null",
        "\"a\"                         | \"a\"",
        "\" \"                         | \" \"",
        "\"abc\"                       | \"abc\"",
        "\"\"                          | \"\"",
        "2024.01.02                    | \"2024-01-02\"",
        "2024.01m                      | \"2024-01\"",
        "2024.01.02D03:04:05.123456789 | \"2024-01-02T03:04:05.123456789\"",
        "1999.12.31D23:59:59.000000001 | \"1999-12-31T23:59:59.000000001\"",
        "2024.01.02T03:04:05.123       | \"2024-01-02T03:04:05.123\"",
        "0D01:02:03.000000004          | \"PT1H2M3.000000004S\"",
        "-0D00:00:01.500000000         | \"PT-1.5S\"",
        "12:34                         | \"12:34\"",
        "12:34:56                      | \"12:34:56\"",
        "12:34:56.789                  | \"12:34:56.789\"",
        "0Nd                           | null",
        "0Np                           | null",
        "0Wd                           | \"0W\"",
        "-0Wp                          | \"-0W\"",
        "0Nz                           | null",
        "1 0N 3                        | [1,null,3]",
        "1.5 0n 0w                     | [1.5,null,\"0W\"]",
        "101b                          | [true,false,true]",
        "`a``c                         | [\"a\",null,\"c\"]",
        "`long$()                      | []",
        ",1                            | [1]",
        "2024.01.02 0Nd                | [\"2024-01-02\",null]",
        "(1;`a;\"bc\";2 3)             | [1,\"a\",\"bc\",[2,3]]",
        "()                            | []",
        "`a`b!1 2                      | {\"a\":1,\"b\":2}",
        "`a`b!(1 2;\"xy\")             | {\"a\":[1,2],\"b\":\"xy\"}",
        "1 2!`x`y                      | [[1,\"x\"],[2,\"y\"]]",
        "`a`a!1 2                      | [[\"a\",1],[\"a\",2]]",
        "()!()                         | []",
        "{x+y}                         | \"{x+y}\"",
    })
    void valuesBecomeJson(String qText, String expected) {
        assertThat(json(qText)).isEqualTo(expected);
    }

    @Test
    void aTableIsAnArrayOfRowObjects() {
        assertThat(json("([] sym:`IBM`MSFT; px:1.5 2.25; d:2024.01.02 0Nd)")).isEqualTo(
                "[{\"sym\":\"IBM\",\"px\":1.5,\"d\":\"2024-01-02\"},{\"sym\":\"MSFT\",\"px\":2.25,\"d\":null}]");
        assertThat(json("([] a:`long$())")).isEqualTo("[]");
    }

    @Test
    void aKeyedTableIsRowsWithTheKeyColumnsFirst() {
        assertThat(json("([sym:`IBM`MSFT; ex:`N`O] px:1.5 2.25)")).isEqualTo(
                "[{\"sym\":\"IBM\",\"ex\":\"N\",\"px\":1.5},{\"sym\":\"MSFT\",\"ex\":\"O\",\"px\":2.25}]");
    }

    @Test
    void aDictionaryOfTableRowsIsAnObjectOfRowObjects() {
        QDict d = QDict.of(QSymbolVector.of("a", "b"), QText.parse("([] x:1 2)"));

        assertThat(JsonFormat.format(d)).isEqualTo("{\"a\":{\"x\":1},\"b\":{\"x\":2}}");
    }

    @Test
    void stringsAreEscaped() {
        assertThat(JsonFormat.format(QCharVector.of("a\"b\\c\nd\te\u0001\u2028é"))).isEqualTo(
                "\"a\\\"b\\\\c\\nd\\te\\u0001\\u2028é\"");
        assertThat(JsonFormat.format(QSymbol.of("x/y<z>"))).isEqualTo("\"x/y<z>\"");
        // bytes that are not UTF-8 survive as the lone surrogates QUtf8 gives them
        assertThat(JsonFormat.format(QCharVector.wrap(new byte[] {'a', (byte) 0xff}))).isEqualTo("\"a\\udcff\"");
    }

    @Test
    void guidsAreStringsAndTheNullGuidIsNull() {
        UUID u = UUID.fromString("8c680a01-5a49-5aab-5a65-d4bfddb6a661");

        assertThat(JsonFormat.format(QGuid.of(u))).isEqualTo("\"" + u + "\"");
        assertThat(JsonFormat.format(QGuidVector.of(u, new UUID(0, 0)))).isEqualTo("[\"" + u + "\",null]");
    }

    @Test
    void theGenericNullIsNullAndAnErrorIsItsText() {
        assertThat(JsonFormat.format(QUnaryPrimitive.IDENTITY)).isEqualTo("null");
        assertThat(JsonFormat.format(new QError("type"))).isEqualTo("\"'type\"");
    }

    @Test
    void writingGoesToTheSinkInChunks() {
        StringBuilder sink = new StringBuilder();
        long[] many = new long[100_000];

        JsonFormat.write(dev.q4j.value.QLongVector.wrap(many), sink);

        assertThat(sink).hasSize(2 * many.length + 1).startsWith("[0,0,").endsWith(",0]");
    }

    /**
     * A datetime past about 1.07e11 days from 2000 has more milliseconds than a long holds: it was written as one
     * clamped date in the year 292279024 whatever its value. It is written as its exact q value instead.
     */
    @Test
    void aDatetimeTooFarForMillisecondsIsItsExactQValueNotAClampedDate() {
        assertThat(JsonFormat.format(QDatetime.of(1.5e300))).isEqualTo("\"\\\"z\\\"$1.5e+300\"");
        assertThat(JsonFormat.format(QDatetime.of(-1e12))).isEqualTo("\"\\\"z\\\"$-1e+12\"");
        assertThat(JsonFormat.format(QDatetime.of(1e8))).isEqualTo("\"275790-09-13T00:00:00.000\"");
    }
}
