package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QDict;
import dev.q4j.value.QTable;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How components find their columns: by name, camelCase also matching snake_case, or as {@link QColumn} renames
 * them; how written columns are named ({@link ColumnNaming}); and that a record class is learnt once.
 */
class RecordsNamesTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    record Fill(Instant tradeTime, String sym, long fillQty) {
    }

    private static final Fill FILL = new Fill(Instant.parse("2024-01-02T09:30:00Z"), "IBM", 300);

    @Test
    void aCamelCaseComponentReadsItsColumnInSnakeCaseOrAsDeclared() {
        QTable snake = (QTable) QText.parse("([] trade_time:,2024.01.02D09:30:00; sym:,`IBM; fill_qty:,300)");
        assertThat(MAPPER.toList(snake, Fill.class)).containsExactly(FILL);
        QTable declared = (QTable) QText.parse("([] tradeTime:,2024.01.02D09:30:00; sym:,`IBM; fillQty:,300)");
        assertThat(MAPPER.toList(declared, Fill.class)).containsExactly(FILL);
        // a dictionary's keys match the same way
        assertThat(MAPPER.toRecord((QDict) QText.parse("`trade_time`sym`fill_qty!(2024.01.02D09:30:00;`IBM;300)"),
                Fill.class)).isEqualTo(FILL);
        // the error says both names it looked for
        assertThatThrownBy(() -> MAPPER.toList((QTable) QText.parse("([] time:,2024.01.02D09:30:00; sym:,`IBM;"
                + " fill_qty:,300)"), Fill.class)).isInstanceOf(RecordMappingException.class)
                .hasMessage("Fill.tradeTime (Instant): no column for this component (looked for `tradeTime or"
                        + " `trade_time; there are `time `sym `fill_qty)");
    }

    @Test
    void columnsAreWrittenAsDeclaredByDefaultAndInSnakeCaseWhenAsked() {
        assertThat(MAPPER.toTable(List.of(FILL), Fill.class).columnNames())
                .containsExactly("tradeTime", "sym", "fillQty");
        RecordMapper snake = RecordMapper.builder().columnNaming(ColumnNaming.SNAKE_CASE).build();
        QTable written = snake.toTable(List.of(FILL), Fill.class);
        assertThat(written).isEqualTo(QText.parse("([] trade_time:,2024.01.02D09:30:00.000000000; sym:,`IBM;"
                + " fill_qty:,300)"));
        assertThat(snake.toList(written, Fill.class)).containsExactly(FILL);
        assertThat(snake.toDict(FILL).keys()).isEqualTo(QText.parse("`trade_time`sym`fill_qty"));
        assertThat(RecordType.snake("URLPath")).isEqualTo("url_path");
        assertThat(RecordType.snake("price2Bid")).isEqualTo("price2_bid");
    }

    record Quote(@QColumn("time") Instant at, @QColumn("px") double price, String sym) {
    }

    @Test
    void anAnnotationRenamesTheColumnBothWaysAndReadingMatchesThatNameOnly() {
        QTable t = (QTable) QText.parse("([] time:,2024.01.02D09:30:00; px:,101.5; sym:,`IBM)");
        Quote q = new Quote(Instant.parse("2024-01-02T09:30:00Z"), 101.5, "IBM");
        assertThat(MAPPER.toList(t, Quote.class)).containsExactly(q);
        assertThat(MAPPER.toTable(List.of(q), Quote.class)).isEqualTo(t);
        // the component's own name is not looked for once the annotation names the column
        assertThatThrownBy(() -> MAPPER.toList((QTable) QText.parse("([] time:,2024.01.02D09:30:00; price:,101.5;"
                + " sym:,`IBM)"), Quote.class)).isInstanceOf(RecordMappingException.class)
                .hasMessage("Quote.price (double): no column for this component (looked for `px; there are `time"
                        + " `price `sym)");
    }

    record Clash(@QColumn("sym") String ticker, String sym) {
    }

    @Test
    void twoComponentsOfOneColumnAreAnErrorNamingIt() {
        assertThatThrownBy(() -> MAPPER.toTable(List.of(), Clash.class)).isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("Clash.sym").hasMessageContaining("two components map to the column `sym");
    }

    @Test
    void aRecordClassIsLearntOnceAndEachTableShapesPlanIsKept() {
        RecordMapper mapper = RecordMapper.builder().build();
        QTable monday = (QTable) QText.parse("([] tradeTime:,2024.01.02D09:30:00; sym:,`IBM; fillQty:,300)");
        QTable tuesday = (QTable) QText.parse("([] tradeTime:2024.01.03D09:30:00 2024.01.03D09:31:00; sym:`A`B;"
                + " fillQty:1 2)");
        mapper.toList(monday, Fill.class);
        RecordType learnt = mapper.recordType(Fill.class);
        mapper.toList(tuesday, Fill.class);
        mapper.toTable(List.of(FILL), Fill.class);
        assertThat(mapper.recordType(Fill.class)).isSameAs(learnt);
        // tables of the same columns and types share one reading plan; writing has one plan per class
        assertThat(learnt.reader(tuesday)).isSameAs(learnt.reader(monday));
        assertThat(learnt.writer()).isSameAs(learnt.writer());
        QTable other = (QTable) QText.parse("([] trade_time:,2024.01.02D09:30:00; sym:,`IBM; fill_qty:,300)");
        assertThat(learnt.reader(other)).isNotSameAs(learnt.reader(monday)).isSameAs(learnt.reader(other));
    }
}
