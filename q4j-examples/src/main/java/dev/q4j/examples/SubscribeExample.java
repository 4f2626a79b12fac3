package dev.q4j.examples;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.server.ServerOptions;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.util.List;
import java.util.Map;

/**
 * The README's subscriber: {@code .u.sub} to a tickerplant (q4j's own {@link Tickerplant}, on a free port of
 * {@code localhost}) and the updates it then pushes, printed by a listener.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.SubscribeExample}
 */
public final class SubscribeExample {
    private SubscribeExample() {
    }

    /**
     * Runs it: subscribes, has the tickerplant publish one row, and prints the update as it arrives.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        try (Tickerplant tickerplant = Tickerplant.start(ServerOptions.builder(0).bind("localhost"), Map.of())) {
            int port = tickerplant.server().port();
            // readme:begin
            QConnection tp = QConnection.connect(ConnectionOptions.builder("localhost", port)
                    .listener(m -> System.out.println(m.value()))     // (`upd;`trade;+`sym`px!(,`IBM;,101.5))
                    .build());
            tp.call(".u.sub", "trade", "");                            // "" is the null symbol `: every sym
            // readme:end
            try (tp) {
                tickerplant.publish("trade", QTable.of(List.of("sym", "px"),
                        List.of(QSymbolVector.of("IBM"), QFloatVector.of(101.5))));
                tp.sync();   // replies and pushes come in order: the update has been delivered before this returns
                Thread.sleep(100);   // and printed, on the delivery thread
            }
        }
    }
}
