package dev.q4j.examples;

// readme:begin
import dev.q4j.client.*;
import dev.q4j.value.*;
// readme:end
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The README's "Talking to kdb+": a query, a function call, a table, a pipelined query and a publish, against a
 * {@link FakeKdb} answering as a q process with a {@code trade} table would.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.QueryExample}
 */
public final class QueryExample {
    private QueryExample() {
    }

    /**
     * Runs it, printing what comes back.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        QTable ibm = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("IBM", "IBM"),
                QFloatVector.of(101.5, 102.25)));
        QTable rows = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("MSFT"), QFloatVector.of(410.5)));
        try (FakeKdb kdb = FakeKdb.start(Map.of(
                "\"til 10\"", QLongVector.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
                "(\"{x+y}\";1;2)", QLong.of(3),
                "\"select from trade where sym=`IBM\"", ibm,
                "\"count trade\"", QLong.of(3)))) {
            int port = kdb.port();
            // readme:begin
            try (QConnection q = QConnection.connect(ConnectionOptions.builder("localhost", port)
                    .credentials("user", "password")
                    .build())) {
                QValue ten = q.query("til 10");                         // 0 1 2 3 4 5 6 7 8 9
                QValue sum = q.call("{x+y}", 1L, 2L);                   // f[x;y], sent as (f;x;y): 3
                QTable trades = (QTable) q.query("select from trade where sym=`IBM");
                QFloatVector px = (QFloatVector) trades.column("px");
                CompletableFuture<QValue> later = q.queryAsync("count trade");   // pipelined: many in flight
                q.send(".u.upd", "trade", rows);                        // async (publishing); a String is a symbol
                q.sync();                                               // h"": the server has processed all of it
                System.out.println("ten: " + ten);                      // readme:hide
                System.out.println("sum: " + sum);                      // readme:hide
                System.out.println("px: " + px);                        // readme:hide
                System.out.println("later: " + later.get());            // readme:hide
            }
            // readme:end
            System.out.println("kdb+ received: " + kdb.received());
        }
    }
}
