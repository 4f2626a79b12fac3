package dev.q4j.testkit.assertions;

import static dev.q4j.testkit.assertions.QAssertions.assertThat;
import static dev.q4j.testkit.assertions.QAssertions.assertThatQError;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.text.QText;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The assertions on q values: what passes, and failure messages in q text naming the first difference. */
class QAssertionsTest {
    private static final QTable TRADES = QTable.of(List.of("sym", "px", "size"), List.of(
            QSymbolVector.of("IBM", "MSFT"), QFloatVector.of(101.5, 415.25), QLongVector.of(100, 200)));

    @Test
    void equalValuesPassAndADifferenceIsShownInQText() {
        assertThat(QText.parse("1 2 3")).isEqualToQ("1 2 3").isEqualTo(QLongVector.of(1, 2, 3)).hasType(QType.LONG);
        assertThatThrownBy(() -> assertThat(QText.parse("1 2 3")).isEqualToQ("1 2 4"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("%nexpected (q): 1 2 4%n but was (q): 1 2 3%nitem 2: 4 was expected, 3 came".formatted());
        assertThatThrownBy(() -> assertThat(QText.parse("1 2 3")).isEqualToQ("1 2 3f"))
                .hasMessageEndingWith("a float was expected (1 2 3f), a long came (1 2 3)");
        assertThatThrownBy(() -> assertThat(QText.parse("`a`b!1 2")).isEqualToQ("`a`c!1 2"))
                .hasMessageEndingWith("keys, item 1: `c was expected, `b came");
    }

    @Test
    void tablesComparedModuloColumnOrderAndWithinATolerance() {
        QTable reordered = QTable.of(List.of("size", "sym", "px"), List.of(QLongVector.of(100, 200),
                QSymbolVector.of("IBM", "MSFT"), QFloatVector.of(101.5 + 1e-12, 415.25)));
        assertThat(TRADES).ignoringColumnOrder().usingTolerance(1e-9).isEqualTo(reordered);
        assertThatThrownBy(() -> assertThat(TRADES).usingTolerance(1e-9).isEqualTo(reordered))
                .hasMessageEndingWith("columns `size`sym`px were expected, columns `sym`px`size came");
        assertThatThrownBy(() -> assertThat(TRADES).ignoringColumnOrder().isEqualTo(reordered))
                .hasMessageContaining("expected (q): +`size`sym`px!(100 200;`IBM`MSFT;101.500000000001 415.25)")
                .hasMessageEndingWith("row 0, column px: 101.500000000001 was expected, 101.5 came");
        assertThat(new QFloat(0.1 + 0.2)).usingTolerance(1e-12).isEqualTo(0.3);
        assertThat(QFloatVector.of(Double.NaN)).usingTolerance(1).isEqualTo(QFloatVector.of(Double.NaN));
    }

    @Test
    void tableAssertionsOnColumnsTypesAndRows() {
        assertThat(TRADES).isTable().hasColumns("sym", "px", "size").hasRowCount(2)
                .hasColumnType("px", QType.FLOAT)
                .containsRow("MSFT", 415.25, 200L)
                .containsRows(QTable.of(List.of("px", "sym"), List.of(QFloatVector.of(101.5),
                        QSymbolVector.of("IBM"))))
                .column("sym").containsExactly("IBM", "MSFT");
        assertThatThrownBy(() -> assertThat(TRADES).isTable().containsRow("MSFT", 415.25, 300L))
                .hasMessage("%nexpected a row (q): (`MSFT;415.25;300)%n in the table (q): %s%nno row has those cells"
                        .formatted(TRADES));
        assertThatThrownBy(() -> assertThat(TRADES).isTable().hasColumns("sym", "price"))
                .hasMessageStartingWith("%nexpected the columns `sym`price, the table has `sym`px`size:".formatted());
        assertThatThrownBy(() -> assertThat(TRADES).isTable().containsRows(QTable.of(List.of("sym"),
                List.of(QSymbolVector.of("AAPL"))))).hasMessageStartingWith("%nexpected the row 0 (q): (,`sym)!,`AAPL"
                        .formatted());
        assertThatThrownBy(() -> assertThat(QLongVector.of(1)).isTable())
                .hasMessage("%nexpected a table, a long came: ,1".formatted());
        assertThat(QText.parse("([k:1 2] v:`a`b)")).isTable().hasColumns("k", "v").containsRow(2L, "b");
    }

    @Test
    void vectorsDictionariesAndErrors() {
        assertThat(QSymbolVector.of("a", "b")).containsExactly("a", "b");
        assertThatThrownBy(() -> assertThat(QSymbolVector.of("a", "b")).containsExactly("a"))
                .hasMessageEndingWith("1 items were expected, 2 came");
        QValue dict = QText.parse("`a`b!1 2");
        assertThat(dict).containsEntry("a", 1L);
        assertThatThrownBy(() -> assertThat(dict).containsEntry("b", 3L))
                .hasMessageContaining("expected `b!3 in (q): `a`b!1 2").hasMessageContaining("the key maps to 2");
        assertThat(new QError("type")).isQError("type");
        assertThatThrownBy(() -> assertThat(QLongVector.of(1)).isQError("type"))
                .hasMessage("%nexpected the q error 'type, ,1 came".formatted());
        assertThatQError(() -> {
            throw new QErrorException("length");
        }).isEqualTo("length");
        assertThatThrownBy(() -> assertThatQError(() -> { }))
                .hasMessage("expected a q error, nothing was thrown");
    }
}
