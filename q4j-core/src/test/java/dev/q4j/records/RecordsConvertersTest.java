package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User types through converters, both ways, globally and per component, nested too. */
class RecordsConvertersTest {

    record Money(long cents) {
    }

    record Ticker(String name) {
        Ticker {
            if (name.isEmpty() || !name.equals(name.toUpperCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("not a ticker: " + name);
            }
        }
    }

    record Order(Ticker sym, BigDecimal price, Money fee, Money rebate, List<Ticker> hedges) {
    }

    private static final ColumnConverter<BigDecimal, Double> DECIMALS =
            ColumnConverter.of(BigDecimal.class, Double.class, BigDecimal::doubleValue, BigDecimal::valueOf);
    private static final ColumnConverter<Ticker, String> TICKERS =
            ColumnConverter.of(Ticker.class, String.class, Ticker::name, Ticker::new);
    private static final ColumnConverter<Money, Long> CENTS =
            ColumnConverter.of(Money.class, Long.class, Money::cents, Money::new);
    /** the rebate is kept in whole units on the q side */
    private static final ColumnConverter<Money, Long> UNITS =
            ColumnConverter.of(Money.class, Long.class, m -> m.cents() / 100, u -> new Money(u * 100));

    private static final RecordMapper MAPPER = RecordMapper.builder().converter(DECIMALS).converter(TICKERS)
            .converter(CENTS).converter(Order.class, "rebate", UNITS).build();

    private static final String TABLE = "([] sym:`IBM`MSFT; price:101.25 0n; fee:150 0N; rebate:2 3;"
            + " hedges:(`SPY`QQQ;`symbol$()))";

    @Test
    void convertersWorkBothWaysGloballyPerComponentAndNested() {
        QTable t = (QTable) QText.parse(TABLE);
        List<Order> orders = MAPPER.toList(t, Order.class);
        assertThat(orders).containsExactly(
                new Order(new Ticker("IBM"), new BigDecimal("101.25"), new Money(150), new Money(200),
                        List.of(new Ticker("SPY"), new Ticker("QQQ"))),
                new Order(new Ticker("MSFT"), null, null, new Money(300), List.of()));
        assertThat(MAPPER.toTable(orders, Order.class)).isEqualTo(t);
    }

    @Test
    void aConverterThatThrowsIsReportedWithItsRow() {
        QTable t = (QTable) QText.parse(TABLE.replace("`IBM`MSFT", "`IBM`msft"));
        assertThatThrownBy(() -> MAPPER.toList(t, Order.class)).isInstanceOf(RecordMappingException.class)
                .hasMessage("Order.sym (Ticker) <-> column `sym (symbol), row 1: ColumnConverter[Ticker <-> String]"
                        + " failed on msft: java.lang.IllegalArgumentException: not a ticker: msft");
        assertThatThrownBy(() -> RecordMapper.defaults().toList(t, Order.class))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageContaining("no q mapping for the Java type java.math.BigDecimal");
    }

    record Note(Ticker sym, Instant at) {
    }

    @Test
    void aConverterCanPickTheQTypeItsCarrierIsWrittenAs() {
        RecordMapper mapper = RecordMapper.builder()
                .converter(TICKERS.writtenAs(QType.CHAR))
                .converter(ColumnConverter.of(Instant.class, Instant.class, i -> i, i -> i).writtenAs(QType.DATETIME))
                .build();
        List<Note> notes = List.of(new Note(new Ticker("IBM"), Instant.parse("2024-01-02T09:30:00.123Z")));
        QTable t = mapper.toTable(notes, Note.class);
        assertThat(t).isEqualTo(QText.parse("([] sym:enlist \"IBM\"; at:enlist 2024.01.02T09:30:00.123)"));
        assertThat(mapper.toList(t, Note.class)).isEqualTo(notes);
    }

    @Test
    void theBuilderChecksPerComponentConverters() {
        assertThatThrownBy(() -> RecordMapper.builder().converter(Order.class, "tax", CENTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Order has no component tax");
        assertThatThrownBy(() -> RecordMapper.builder().converter(Order.class, "price", CENTS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Order.price is a BigDecimal, not the converter's Money");
        assertThatThrownBy(() -> ColumnConverter.of(long.class, Long.class, x -> x, x -> x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be primitive");
    }
}
