package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The csv format. */
class CsvFormatTest {

    private static String csv(String qText) throws CsvFormat.NotTabular {
        return CsvFormat.format(QText.parse(qText));
    }

    @Test
    void aTableIsAHeaderAndOneRecordPerRowWithCrlf() throws Exception {
        assertThat(csv("([] sym:`IBM`MSFT; px:1.5 2.25; n:10 0N)"))
                .isEqualTo("sym,px,n\r\nIBM,1.5,10\r\nMSFT,2.25,\r\n");
    }

    @Test
    void aKeyedTableHasItsKeyColumnsFirst() throws Exception {
        assertThat(csv("([sym:`IBM`MSFT] px:1.5 2.25)")).isEqualTo("sym,px\r\nIBM,1.5\r\nMSFT,2.25\r\n");
    }

    @Test
    void anEmptyTableIsItsHeader() throws Exception {
        assertThat(csv("([] a:`long$(); b:`symbol$())")).isEqualTo("a,b\r\n");
    }

    @Test
    void cellsReadAsInJson() throws Exception {
        assertThat(csv("([] b:10b; d:2024.01.02 0Nd; p:2024.01.02D03:04:05.000000006 0Np; f:0.1 0w; "
                + "s:`a`; x:0x01ff; g:\"G\"$(\"8c680a01-5a49-5aab-5a65-d4bfddb6a661\";"
                + "\"00000000-0000-0000-0000-000000000000\"))"))
                .isEqualTo("b,d,p,f,s,x,g\r\n"
                        + "true,2024-01-02,2024-01-02T03:04:05.000000006,0.1,a,1,8c680a01-5a49-5aab-5a65-d4bfddb6a661"
                        + "\r\n"
                        + "false,,,0W,,255,\r\n");
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyMustBe() throws Exception {
        QTable t = QTable.of(List.of("s", "c"), List.of(
                QList.of(QCharVector.of("plain"), QCharVector.of("a,b"), QCharVector.of("say \"hi\""),
                        QCharVector.of("two\nlines"), QCharVector.of("")),
                QText.parse("`x`y`z`w`v")));

        assertThat(CsvFormat.format(t)).isEqualTo("s,c\r\n"
                + "plain,x\r\n"
                + "\"a,b\",y\r\n"
                + "\"say \"\"hi\"\"\",z\r\n"
                + "\"two\nlines\",w\r\n"
                + "\"\",v\r\n");
    }

    @Test
    void nestedCellsAreJson() throws Exception {
        assertThat(csv("([] a:(1 2;3 4 5); b:(`x`y;,`z))"))
                .isEqualTo("a,b\r\n\"[1,2]\",\"[\"\"x\"\",\"\"y\"\"]\"\r\n\"[3,4,5]\",\"[\"\"z\"\"]\"\r\n");
    }

    @Test
    void aListIsOneColumnNamedX() throws Exception {
        assertThat(csv("1 0N 3")).isEqualTo("x\r\n1\r\n\r\n3\r\n");
        assertThat(csv("(\"ab\";`c;1.5)")).isEqualTo("x\r\nab\r\nc\r\n1.5\r\n");
    }

    @Test
    void anythingElseIsNotTabular() {
        assertThatThrownBy(() -> csv("`a`b!1 2")).isInstanceOf(CsvFormat.NotTabular.class)
                .hasMessage("csv needs a table, a keyed table or a list, and the result is a dict (type 99h)");
        assertThatThrownBy(() -> csv("42")).isInstanceOf(CsvFormat.NotTabular.class)
                .hasMessage("csv needs a table, a keyed table or a list, and the result is a long atom (type -7h)");
        assertThatThrownBy(() -> CsvFormat.format(QUnaryPrimitive.IDENTITY))
                .hasMessageEndingWith("the result is the generic null ::");
    }
}
