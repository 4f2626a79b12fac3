package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.QAtom;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public display API, {@link QText#show(QValue)} and {@link QConsole}, against what q's console shows in KX's
 * documentation and in the CLI's golden console output. Web pages drop the blanks q pads the last column with; the
 * line of dashes under a header (as long as the padded line) gives their number, and the expected text here keeps
 * them.
 */
class QConsoleShowTest {

    /** code.kx.com/q/ref/syscmds ({@code \c}): "{@code \c 5 5}" then "{@code \c}" answers {@code 10 10}. */
    @Test
    void aConsoleSizeOutsideQsRangeIsKeptWithinItAsQKeepsIt() {
        assertThat(new QConsole(5, 5)).isEqualTo(new QConsole(10, 10));
        assertThat(new QConsole(5, 5).rows()).isEqualTo(10);
        assertThat(new QConsole(25, 99_999).columns()).isEqualTo(2000);
        assertThat(QConsole.DEFAULT).isEqualTo(new QConsole(25, 80));
    }

    /**
     * code.kx.com, Q for Mortals 2, "Commands and System Variables", Console ({@code \c}): {@code til 100} at the
     * default console is cut with {@code ..}.
     */
    @Test
    void aVectorLongerThanTheConsoleIsCutWithDots() {
        assertThat(QText.show(QText.parse("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 "
                + "28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59")))
                .isEqualTo("0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 ..\n");
    }

    /**
     * code.kx.com/q/learn/tour/session: {@code acos -1} shows {@code 3.141593}, {@code sum 44.95 1032 107.15} 1184.1.
     */
    @Test
    void floatsShowToSevenSignificantDigits() {
        assertThat(QText.show(QFloat.of(Math.acos(-1)))).isEqualTo("3.141593\n");
        assertThat(QText.show(QFloat.of(44.95 + 1032 + 107.15))).isEqualTo("1184.1\n");
        assertThat(QConsole.cell(QFloat.of(Math.acos(-1)))).isEqualTo("3.141593");
    }

    /**
     * code.kx.com/kdb-x, "How to work with keyed tables": {@code show t:([]sym:`MSFT`AAPL`IBM;px:98 42 126)} and
     * {@code show kt:`sym xkey t}.
     */
    @Test
    void aTableAndItsKeyedTableShowAsInKxDocs() {
        assertThat(QText.show(QText.parse("([]sym:`MSFT`AAPL`IBM;px:98 42 126)"))).isEqualTo(
                "sym  px \n"
                + "--------\n"
                + "MSFT 98 \n"
                + "AAPL 42 \n"
                + "IBM  126\n");
        assertThat(QText.show(QText.parse("([sym:`MSFT`AAPL`IBM] px:98 42 126)"))).isEqualTo(
                "sym | px \n"
                + "----| ---\n"
                + "MSFT| 98 \n"
                + "AAPL| 42 \n"
                + "IBM | 126\n");
    }

    /** code.kx.com/kdb-x, "How to work with keyed tables": {@code show market:([name:`symbol$()] address:())}. */
    @Test
    void anEmptyKeyedTableShowsItsHeaderAndDashes() {
        assertThat(QConsole.DEFAULT.lines(QText.parse("([name:`symbol$()] address:())")))
                .containsExactly("name| address", "----| -------");
    }

    /**
     * A keyed table with a timestamp key, as real q shows it in the kdbplus crate's documentation
     * (docs.rs/kdb_c_api, {@code enkey}): the nested timestamps are cells at full precision, the floats at 7 digits.
     */
    @Test
    void aKeyedTableWithTimestampKeysShowsAsRealQShowsIt() {
        QValue kt = QText.parse("([time:2003.10.10D02:24:19.167018272 2006.05.24D06:16:49.419710368 "
                + "2008.08.12D23:12:24.018691392] temperature:22.1 24.7 30.5)");

        assertThat(QConsole.DEFAULT.lines(kt)).containsExactly(
                "time                         | temperature",
                "-----------------------------| -----------",
                "2003.10.10D02:24:19.167018272| 22.1       ",
                "2006.05.24D06:16:49.419710368| 24.7       ",
                "2008.08.12D23:12:24.018691392| 30.5       ");
    }

    /** Q for Mortals 3, 8.1.1 (code.kx.com/q4m3/8_Tables): a row of a table is a dictionary, {@code t[2;]}. */
    @Test
    void aDictionaryOfMixedValuesShowsKeyBarValueWithMinus3BangItems() {
        assertThat(QText.show(QText.parse("`name`iq!(`Prefect;126)"))).isEqualTo("name| `Prefect\niq  | 126\n");
    }

    /** The CLI's golden console output ({@code ConsoleTest}): the same values through the core's API. */
    @Test
    void nestedValuesShowAsTheCliConsoleShowsThem() {
        assertThat(QText.show(QText.parse("([sym:`IBM`MSFT] px:1.5 2.25)")))
                .isEqualTo("sym | px  \n----| ----\nIBM | 1.5 \nMSFT| 2.25\n");
        assertThat(QText.show(QText.parse("`a`bb!1 2"))).isEqualTo("a | 1\nbb| 2\n");
        assertThat(QText.show(QText.parse("(1;`a;\"xy\")"))).isEqualTo("1\n`a\n\"xy\"\n");
        assertThat(QText.show(QLong.of(42))).isEqualTo("42\n");
        assertThat(QText.show(QUnaryPrimitive.IDENTITY)).isEmpty();
    }

    /**
     * q elides output wider than the console with {@code ..} (code.kx.com/q/ref/syscmds, {@code \c}). Two columns of
     * 40-character symbols make lines of 81 characters: at 80 columns each is cut to 77 and {@code ..}; at 100 they
     * show whole. Expected text built by hand from that rule.
     */
    @Test
    void aTableWiderThanTheConsoleIsCutWithDots() {
        String xs = "x".repeat(40);
        String ys = "y".repeat(40);
        QValue t = QText.parse("([] a:enlist `" + xs + "; b:enlist `" + ys + ")");

        assertThat(QConsole.DEFAULT.lines(t)).containsExactly(
                "a" + " ".repeat(39) + " b" + " ".repeat(35) + "..",
                "-".repeat(77) + "..",
                xs + " " + "y".repeat(36) + "..");
        assertThat(new QConsole(25, 100).lines(t)).containsExactly(
                "a" + " ".repeat(39) + " b" + " ".repeat(39),
                "-".repeat(81),
                xs + " " + ys);
    }

    /**
     * A table taller than the console: {@code rows - 5} rows, then {@code ..}; as q's {@code .Q.s} takes the rows
     * before it lays them out, the column is as wide as the rows that show.
     */
    @Test
    void aTableTallerThanTheConsoleIsCutWithADotsLine() {
        long[] til = new long[100];
        for (int i = 0; i < til.length; i++) {
            til[i] = i;
        }
        QValue t = QTable.of(List.of("a"), List.of(QLongVector.wrap(til)));

        assertThat(new QConsole(10, 80).lines(t)).containsExactly("a", "-", "0", "1", "2", "3", "4", "..");
    }

    @Test
    void cellsAreQsStringOfAnAtom() {
        assertThat(QConsole.cell(QLong.NULL)).isEmpty();
        assertThat(QConsole.cell(QLong.of(Long.MAX_VALUE))).isEqualTo("0W");
        assertThat(QConsole.cell(QSymbol.of("IBM"))).isEqualTo("IBM");
        assertThat(QConsole.cell((QAtom) QText.parse("2024.01m"))).isEqualTo("2024.01");
    }

    /**
     * A datetime is a float of days; past about 1.07e11 days its milliseconds do not fit a long, and rounding them
     * once clamped every such value to one date in the year 292279024. It shows as its exact value instead, as
     * {@link QText#print} writes it; nearer ones still show as dates, however far their year.
     */
    @Test
    void aDatetimeTooFarForMillisecondsShowsItsExactValueNotAClampedDate() {
        assertThat(QText.show(QDatetime.of(1e300))).isEqualTo("\"z\"$1e+300\n");
        assertThat(QText.show(QDatetime.of(-1e300))).isEqualTo("\"z\"$-1e+300\n");
        assertThat(QConsole.cell(QDatetime.of(2e11))).isEqualTo("\"z\"$2e+11");
        assertThat(QConsole.cell(QDatetime.of(1e8))).isEqualTo("275790.09.13T00:00:00.000");
    }

    @Test
    void aNullValueIsRefusedByName() {
        assertThatThrownBy(() -> QConsole.DEFAULT.show(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("value");
        assertThatThrownBy(() -> QConsole.cell(null)).isInstanceOf(NullPointerException.class).hasMessage("atom");
    }

    @Test
    void theLinesAreUnmodifiable() {
        List<String> lines = QConsole.DEFAULT.lines(QLong.of(1));

        assertThatThrownBy(() -> lines.add("x")).isInstanceOf(UnsupportedOperationException.class);
    }
}
