package dev.q4j.examples;

// readme:begin
import dev.q4j.records.*;
// readme:end
import dev.q4j.client.QConnection;
import dev.q4j.text.QText;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The README's records: q tables, keyed tables and dictionaries to Java records and back, with a {@link FakeKdb}
 * answering {@code select from trade} as a q process would.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.RecordsExample}
 */
public final class RecordsExample {
    private RecordsExample() {
    }

    // readme:begin
    record Trade(Instant time, String sym, double price, long size) {}
    // readme:end

    /**
     * A quote keyed by its sym.
     *
     * @param bid the bid
     * @param ask the ask
     */
    record Quote(double bid, double ask) {
    }

    /**
     * A configuration dictionary.
     *
     * @param host a host
     * @param port a port
     */
    record Config(String host, int port) {
    }

    /**
     * Runs it, printing the records.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        QTable table = (QTable) QText.parse("([] time:2024.01.02D09:30:00 2024.01.02D09:30:01 2024.01.02D09:30:02; "
                + "sym:`IBM`MSFT`IBM; price:101.5 410.25 101.75; size:100 1500 2000)");
        QKeyedTable keyedTable = (QKeyedTable) QText.parse("([sym:`IBM`MSFT] bid:101.5 410.25; ask:101.75 410.5)");
        QDict dict = (QDict) QText.parse("`host`port!(`db1;5000i)");
        try (FakeKdb kdb = FakeKdb.start(Map.of("\"select from trade\"", table));
             QConnection q = QConnection.connect("localhost:" + kdb.port())) {
            // readme:begin
            RecordMapper mapper = RecordMapper.defaults();
            List<Trade> trades = mapper.toList((QTable) q.query("select from trade"), Trade.class);
            try (Stream<Trade> big = mapper.stream(table, Trade.class)) {          // each record made when reached
                big.filter(t -> t.size() >= 1000).forEach(System.out::println);
            }
            QTable back = mapper.toTable(trades, Trade.class);                     // columns of primitive arrays
            q.send(".u.upd", "trade", back);
            Map<String, Quote> last = mapper.toMap(keyedTable, String.class, Quote.class);   // ([sym] bid ask)
            Config config = mapper.toRecord(dict, Config.class);                    // `host`port!(`db1;5000i)
            RecordMapper withMoney = RecordMapper.builder()                          // user types, both ways
                    .converter(ColumnConverter.of(BigDecimal.class, Double.class,
                            BigDecimal::doubleValue, BigDecimal::valueOf))
                    .unmatchedColumns(UnmatchedColumns.IGNORE).build();
            // readme:end
            q.sync();
            System.out.println("trades: " + trades);
            System.out.println("back equals the table: " + back.equals(table));
            System.out.println("kdb+ received: " + kdb.received());
            System.out.println("last: " + last);
            System.out.println("config: " + config);
            record Price(String sym, BigDecimal price) {
            }
            System.out.println("with money: " + withMoney.toList(table, Price.class));
        }
    }
}
