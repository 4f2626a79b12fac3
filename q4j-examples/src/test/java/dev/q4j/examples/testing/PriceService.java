package dev.q4j.examples.testing;

// readme:begin
import dev.q4j.client.QConnection;
import dev.q4j.value.QFloat;
import dev.q4j.value.QTable;
import java.time.LocalDate;

// readme:end
/** The service under test of the README's "Testing your kdb+ code": it talks to kdb+ through q4j. */
// readme:begin
public final class PriceService implements AutoCloseable {
    private final QConnection kdb;

    public PriceService(String address) {
        this.kdb = QConnection.connect(address);
    }

    public double lastPrice(String sym) {
        return ((QFloat) kdb.call("{exec last price from trade where sym=x}", sym)).value();
    }

    public QTable trades(String sym, LocalDate date) {
        return (QTable) kdb.call(".api.trades", sym, date);
    }

    public void publish(QTable trades) {
        kdb.send(".u.upd", "trade", trades);
    }

    @Override
    public void close() {
        kdb.close();
    }
}
// readme:end
