package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.client.QConnection;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * End to end: the demo's real-time database, filled by its feed through its tickerplant, queried by
 * {@code q4j query --sql}, whose aggregate is checked against the same rows fetched by a q4j client and summed in
 * Java.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DemoSqlIT {
    private static final int ROWS = 200;

    @Test
    void sqlOverTheDemoRdbGivesTheAggregateOfItsRows() throws Exception {
        CommandLine cl = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter(),
                true), new PrintWriter(new StringWriter(), true));
        DemoCommand demo = (DemoCommand) cl.getSubcommands().get("demo").getCommand();
        int[] exit = {-1};
        Thread run = new Thread(() -> exit[0] = cl.execute("demo", "--port", "0", "--rate", "2000"), "demo-sql");
        run.start();
        try {
            int[] ports = demo.awaitStarted(Duration.ofSeconds(30));
            assertThat(ports).isNotNull();
            String rdb = "127.0.0.1:" + ports[1];
            QTable first;
            try (QConnection q = QConnection.connect(rdb)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (((QLong) q.query("count trade")).value() < ROWS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                // the first rows of the table stay as they are while the feed appends
                first = (QTable) q.query(ROWS + "#trade");
            }
            Map<String, long[]> expected = new TreeMap<>();
            QSymbolVector sym = (QSymbolVector) first.column("sym");
            QLongVector size = (QLongVector) first.column("size");
            for (int i = 0; i < first.count(); i++) {
                long[] e = expected.computeIfAbsent(sym.get(i), k -> new long[2]);
                e[0]++;
                e[1] += size.get(i);
            }
            StringBuilder csv = new StringBuilder("sym,n,size\r\n");
            expected.forEach((s, e) -> csv.append(String.format(Locale.ROOT, "%s,%d,%d\r\n", s, e[0], e[1])));

            Cli.Result r = Cli.run("query", "-f", "csv", "--sql",
                    "SELECT sym, count(*) AS n, sum(size) AS size FROM q GROUP BY sym ORDER BY sym",
                    rdb, ROWS + "#trade");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo(csv.toString());
        } finally {
            demo.stop();
            run.join(30_000);
        }
        assertThat(run.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
    }
}
