package dev.q4j.examples;

import dev.q4j.client.QConnection;
import dev.q4j.server.ServerOptions;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The README's feed: a table published to a tickerplant with an async {@code .u.upd}, here q4j's own
 * {@link Tickerplant} on a free port of {@code localhost}.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.PublishExample}
 */
public final class PublishExample {
    private PublishExample() {
    }

    /**
     * Runs it, printing what the tickerplant received.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        try (Tickerplant tickerplant = Tickerplant.start(ServerOptions.builder(0).bind("localhost"), Map.of())) {
            int port = tickerplant.server().port();
            // readme:begin
            try (QConnection feed = QConnection.connect("localhost:" + port)) {
                QTable rows = QTable.of(List.of("time", "sym", "price", "size"), List.of(
                        QTimespanVector.ofDurations(Duration.ofHours(9).plusMinutes(30)), QSymbolVector.of("IBM"),
                        QFloatVector.of(101.5), QLongVector.of(100)));
                feed.send(".u.upd", "trade", rows);                    // async, as q's neg[h](`.u.upd;`trade;rows)
                feed.sync();                                           // the tickerplant has processed all of it
            }
            // readme:end
            System.out.println("tickerplant: " + tickerplant.updates() + " update, " + tickerplant.rows() + " row");
        }
    }
}
