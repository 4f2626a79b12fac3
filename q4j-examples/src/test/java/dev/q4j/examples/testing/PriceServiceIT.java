package dev.q4j.examples.testing;

// readme:begin
import static dev.q4j.testkit.assertions.QAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.q4j.QErrorException;
import dev.q4j.testkit.Arg;
import dev.q4j.testkit.FakeKdb;
import dev.q4j.testkit.FakeKdbExtension;
import dev.q4j.testkit.Match;
import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

// readme:end
/** The README's "Testing your kdb+ code": the JUnit test of {@link PriceService} against a scripted fake kdb+. */
// readme:begin
@ExtendWith(FakeKdbExtension.class)
class PriceServiceIT {
    private static final String LAST_PRICE = "{exec last price from trade where sym=x}";

    @Test
    void readsTheLastPriceAndTheDaysTrades(FakeKdb kdb, @FakeKdbExtension.Address String address) {
        kdb.whenCall(LAST_PRICE, "IBM").thenReturn(187.5);
        kdb.whenCall(".api.trades", "IBM", Arg.type(QType.DATE))
                .thenReturn(QText.parse("([] sym:`IBM`IBM; price:187.25 187.5)"));

        try (PriceService service = new PriceService(address)) {
            assertEquals(187.5, service.lastPrice("IBM"));
            assertThat(service.trades("IBM", LocalDate.of(2024, 1, 2)))
                    .isTable().hasRowCount(2).containsRow("IBM", 187.5);
        }
        kdb.verify(Match.call(".api.trades", "IBM", LocalDate.of(2024, 1, 2)));
    }

    @Test
    void publishesTradesAndSurvivesAQError(FakeKdb kdb, @FakeKdbExtension.Address String address) {
        kdb.whenCall(LAST_PRICE, "XYZ").thenError("no such sym");
        QTable rows = (QTable) QText.parse("([] sym:,`IBM; price:,187.5)");

        try (PriceService service = new PriceService(address)) {
            assertThrows(QErrorException.class, () -> service.lastPrice("XYZ"));
            service.publish(rows);
        }
        kdb.verify(Match.call(".u.upd", "trade", rows).async());
    }
}
// readme:end
