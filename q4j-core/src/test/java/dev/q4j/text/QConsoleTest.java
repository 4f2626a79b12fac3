package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the q console ({@code .Q.s}) shows, line for line (moved from the CLI's ConsoleFormatTest). */
class QConsoleTest {

    private static List<String> lines(String qText) {
        return QConsole.DEFAULT.lines(QText.parse(qText));
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "42                         | 42",
        "-7i                        | -7i",
        "3h                         | 3h",
        "0x2a                       | 0x2a",
        "1b                         | 1b",
        "1.5                        | 1.5",
        "1f                         | 1f",
        "100f                       | 100f",
        "3.14159265358979           | 3.141593",
        "1234567.8                  | 1234568f",
        "12345678.9                 | 1.234568e+07",
        "0.0001                     | 0.0001",
        "0.00001                    | 1e-05",
        "1.5e                       | 1.5e",
        "0n                         | 0n",
        "-0w                        | -0w",
        "0N                         | 0N",
        "0Wi                        | 0Wi",
        "`abc                       | `abc",
        "`                          | `",
        "\"a\"                      | \"a\"",
        "2024.01.02                 | 2024.01.02",
        "2024.01m                   | 2024.01m",
        "2024.01.02D03:04:05.123456789 | 2024.01.02D03:04:05.123456789",
        "2024.01.02T03:04:05.123    | 2024.01.02T03:04:05.123",
        "0D01:02:03.000000004       | 0D01:02:03.000000004",
        "12:34                      | 12:34",
        "12:34:56                   | 12:34:56",
        "12:34:56.789               | 12:34:56.789",
        "0Nd                        | 0Nd",
        "0Wp                        | 0Wp",
        "1 2 3                      | 1 2 3",
        "1 0N 3i                    | 1 0N 3i",
        "1 2 3h                     | 1 2 3h",
        "1.5 2 3                    | 1.5 2 3",
        "1 2f                       | 1 2f",
        "1 0n 3                     | 1 0n 3",
        "1.5 0N 2e                  | 1.5 0N 2e",
        "101b                       | 101b",
        "0x0102                     | 0x0102",
        "`a`b`c                     | `a`b`c",
        ",`a                        | ,`a",
        ",1                         | ,1",
        "`s#1 2 3                   | `s#1 2 3",
        "\"abc\"                    | \"abc\"",
        "\"a\\\"b\\n\"              | \"a\\\"b\\n\"",
        "\"Z\\303\\274rich\"        | \"Z\\303\\274rich\"",
        "\"\"                       | \"\"",
        "`long$()                   | `long$()",
        "`symbol$()                 | `symbol$()",
        "2024.01.02 2024.01.03      | 2024.01.02 2024.01.03",
        "2024.01.02 0Nd             | 2024.01.02 0N",
        "0N 0Nd                     | 0N 0Nd",
        "2024.01 0N 2024.03m        | 2024.01 0N 2024.03m",
        "12:00 12:01                | 12:00 12:01",
    })
    void atomsAndVectorsShowOnOneLineAsMinus3Bang(String qText, String shown) {
        assertThat(lines(qText)).containsExactly(shown);
    }

    @Test
    void guidsShowBare() {
        UUID u = UUID.fromString("8c680a01-5a49-5aab-5a65-d4bfddb6a661");

        assertThat(QConsole.DEFAULT.lines(QGuid.of(u))).containsExactly(u.toString());
        assertThat(QConsole.DEFAULT.lines(QGuid.NULL)).containsExactly("00000000-0000-0000-0000-000000000000");
        assertThat(lines("\"G\"$(\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\";\"00000000-0000-0000-0000-000000000000\")"))
                .containsExactly(u + " 00000000-0000-0000-0000-000000000000");
    }

    @Test
    void aTableHasAHeaderDashesAndLeftAlignedPaddedColumns() {
        assertThat(lines("([] sym:`IBM`MSFT; px:1.5 2.25)")).containsExactly(
                "sym  px  ",
                "---------",
                "IBM  1.5 ",
                "MSFT 2.25");
        assertThat(lines("([] sym:enlist`IBM; px:enlist 1.5)")).containsExactly(
                "sym px ",
                "-------",
                "IBM 1.5");
    }

    @Test
    void tableCellsAreQsStringOfEachItem() {
        // no type suffixes, nulls blank, booleans 1/0, bytes without 0x, months without m, floats at 7 digits
        assertThat(lines("([] a:1 0N 3; b:1 0N 2f; c:`x``z; d:101b; e:0x01ff02; f:2024.01 0N 2024.03m; "
                + "g:3.14159265358979 1e10 0w)")).containsExactly(
                "a b c d e  f       g       ",
                "---------------------------",
                "1 1 x 1 01 2024.01 3.141593",
                "      0 ff         1e+10   ",
                "3 2 z 1 02 2024.03 0w      ");
    }

    @Test
    void stringColumnsAreQuotedAndCharColumnsAreNot() {
        assertThat(lines("([] s:(\"abc\";\"de\"); c:\"xy\")")).containsExactly(
                "s     c",
                "-------",
                "\"abc\" x",
                "\"de\"  y");
    }

    @Test
    void anEmptyTableIsItsHeader() {
        assertThat(lines("([] a:`long$(); bb:`symbol$())")).containsExactly("a bb", "----");
    }

    @Test
    void aKeyedTableJoinsKeyAndValueColumnsWithABar() {
        assertThat(lines("([sym:`IBM`MSFT] px:1.5 2.25)")).containsExactly(
                "sym | px  ",
                "----| ----",
                "IBM | 1.5 ",
                "MSFT| 2.25");
        assertThat(lines("([eid:1001 1002 1003] name:`Dent`Beeblebrox`Prefect; iq:98 42 126)")).containsExactly(
                "eid | name       iq ",
                "----| --------------",
                "1001| Dent       98 ",
                "1002| Beeblebrox 42 ",
                "1003| Prefect    126");
    }

    @Test
    void aDictionaryIsKeyBarValueLines() {
        assertThat(lines("`a`bb!1 2")).containsExactly("a | 1", "bb| 2");
        assertThat(lines("`a`b!`x`y")).containsExactly("a| x", "b| y");
        assertThat(lines("1 2!(\"ab\";\"c\")")).containsExactly("1| \"ab\"", "2| \"c\"");
        // a general list of values shows each as -3!
        assertThat(lines("`name`iq!(`Prefect;126)")).containsExactly("name| `Prefect", "iq  | 126");
        // same-length vectors are rows of a matrix
        assertThat(lines("`a`b!(1 2;3 4)")).containsExactly("a| 1 2", "b| 3 4");
        assertThat(lines("`a`b!(1 2;3 4 5)")).containsExactly("a| 1 2", "b| 3 4 5");
    }

    @Test
    void aDictionaryOfTableRowsPadsTheKeysUnderTheHeader() {
        QDict d = QDict.of(QSymbolVector.of("a", "b"), QText.parse("([] x:1 2; y:`p`q)"));

        assertThat(QConsole.DEFAULT.lines(d)).containsExactly(
                " | x y",
                "-| ---",
                "a| 1 p",
                "b| 2 q");
    }

    @Test
    void aGeneralListShowsOneItemPerLine() {
        assertThat(lines("(1;`a;\"abc\";`x`y!1 2)")).containsExactly("1", "`a", "\"abc\"", "`x`y!1 2");
        assertThat(lines("(\"abc\";\"de\")")).containsExactly("\"abc\"", "\"de\"");
        assertThat(lines("(1 2;10 20)")).containsExactly("1  2 ", "10 20");
        assertThat(lines("(`a`b;`ccc`d)")).containsExactly("a   b", "ccc d");
        assertThat(lines("(101b;010b)")).containsExactly("101b", "010b");
        assertThat(lines("()")).isEmpty();
    }

    @Test
    void nestedValuesShowAsMinus3Bang() {
        assertThat(ConsoleText.show(QText.parse("([] a:1 2; b:`x`y)"))).isEqualTo("+`a`b!(1 2;`x`y)");
        assertThat(ConsoleText.show(QText.parse("([] a:1 2)"))).isEqualTo("+(,`a)!,1 2");
        assertThat(ConsoleText.show(QText.parse("([k:1 2] v:3 4)"))).isEqualTo("(+(,`k)!,1 2)!+(,`v)!,3 4");
        assertThat(ConsoleText.show(QText.parse("(1;(2;`a))"))).isEqualTo("(1;(2;`a))");
        assertThat(ConsoleText.show(QText.parse("(,`a)!,1"))).isEqualTo("(,`a)!,1");
        assertThat(ConsoleText.show(QList.of(QLong.of(1)))).isEqualTo(",1");
        assertThat(ConsoleText.show(QText.parse("{x+y}"))).isEqualTo("{x+y}");
    }

    @Test
    void theGenericNullShowsNothing() {
        assertThat(QConsole.DEFAULT.lines(QUnaryPrimitive.IDENTITY)).isEmpty();
        assertThat(QConsole.DEFAULT.show(QUnaryPrimitive.IDENTITY)).isEmpty();
    }

    @Test
    void aFunctionShowsItsSourceLines() {
        assertThat(lines("{x+y}")).containsExactly("{x+y}");
    }

    @Test
    void linesLongerThanTheConsoleAreCutWithDots() {
        List<String> shown = QConsole.DEFAULT.lines(longs(100));

        assertThat(shown).hasSize(1);
        assertThat(shown.get(0)).hasSize(79)
                .isEqualTo("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..");
        // 79 characters fit
        String exact = "\"" + "x".repeat(77) + "\"";
        assertThat(lines(exact)).containsExactly(exact);
        assertThat(lines("\"" + "x".repeat(78) + "\"").get(0)).isEqualTo("\"" + "x".repeat(76) + "..");
    }

    @Test
    void aLongTableShowsTwentyRowsThenDots() {
        List<String> shown = QConsole.DEFAULT.lines(table(100));

        assertThat(shown).hasSize(23);
        assertThat(shown.subList(0, 3)).containsExactly("a ", "--", "0 ");
        assertThat(shown.get(21)).isEqualTo("19");
        assertThat(shown.get(22)).isEqualTo("..");
        // 21 rows still fit without dots
        assertThat(QConsole.DEFAULT.lines(table(21))).hasSize(23).doesNotContain("..");
        assertThat(QConsole.DEFAULT.lines(table(22))).hasSize(23).endsWith("..");
    }

    @Test
    void aLongDictionaryOrListShowsTwentyTwoEntriesThenDots() {
        String[] names = new String[30];
        QValue[] pairs = new QValue[30];
        for (int i = 0; i < 30; i++) {
            names[i] = Integer.toString(i);
            pairs[i] = QList.of(QLong.of(i), QSymbol.of("a"));
        }
        List<String> dict = QConsole.DEFAULT.lines(QDict.of(QSymbolVector.of(names), longs(30)));
        List<String> rows = QConsole.DEFAULT.lines(QList.of(pairs));
        List<String> mixed = QConsole.DEFAULT.lines(QList.of(Arrays.copyOf(new QValue[] {QSymbol.of("x")}, 1)));

        assertThat(dict).hasSize(23).startsWith("0 | 0").endsWith("21| 21", "..");
        // (0;`a) (1;`a) ... are same-length lists: a matrix
        assertThat(rows).hasSize(23).startsWith("0  `a").endsWith("21 `a", "..");
        assertThat(mixed).containsExactly("`x");
    }

    @Test
    void aSmallerConsoleCutsSooner() {
        QConsole small = new QConsole(10, 20);

        assertThat(small.lines(table(100))).hasSize(8).endsWith("4", "..");
        assertThat(small.lines(longs(100))).containsExactly("0 1 2 3 4 5 6 7 8..");
        assertThat(new QConsole(1, 99999).rows()).isEqualTo(10);
        assertThat(new QConsole(1, 99999).columns()).isEqualTo(2000);
    }

    @Test
    void aHugeVectorIsNotPrintedWhole() {
        long[] many = new long[5_000_000];
        String line = QConsole.DEFAULT.lines(QLongVector.wrap(many)).get(0);

        assertThat(line).hasSize(79).endsWith("0 0..");
    }

    @Test
    void floatsUseSevenSignificantDigitsLikeCsPercentG() {
        assertThat(Decimals.display(0.1 + 0.2)).isEqualTo("0.3");
        assertThat(Decimals.display(2.5)).isEqualTo("2.5");
        assertThat(Decimals.display(1e21)).isEqualTo("1e+21");
        assertThat(Decimals.display(-123.456)).isEqualTo("-123.456");
        assertThat(Decimals.display(9999999.5)).isEqualTo("1e+07");
        assertThat(Decimals.display(1.23456789e-10)).isEqualTo("1.234568e-10");
        assertThat(ConsoleText.show(QFloat.of(-0.0))).isEqualTo("-0f");
    }

    @Test
    void formatEndsEveryLineWithANewline() {
        assertThat(QConsole.DEFAULT.show(QText.parse("`a`b!1 2"))).isEqualTo("a| 1\nb| 2\n");
    }

    private static QTable table(int rows) {
        return QTable.of(List.of("a"), List.of(longs(rows)));
    }

    /** til n */
    private static QLongVector longs(int n) {
        long[] values = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return QLongVector.wrap(values);
    }
}
