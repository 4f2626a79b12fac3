package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.examples.demo.DemoFeed;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code q4j demo} run in-process: it runs to the end with a plausible summary, and its RDB answers real clients. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DemoCommandIT {
    private static final Pattern PORTS = Pattern.compile(
            "tickerplant +127\\.0\\.0\\.1:(\\d+)[\\s\\S]*RDB +127\\.0\\.0\\.1:(\\d+)");

    /** The numbers of the summary. */
    private record Summary(long published, long publishedRows, long tpUpdates, long tpRows, long received,
            long receivedRows, double p50, double p90, double p99, double max, long latencies) {

        static Summary of(String out) {
            return new Summary(
                    number(out, "published +(\\d+) messages"), number(out, "published +\\d+ messages, (\\d+) rows"),
                    number(out, "tickerplant +(\\d+) updates"), number(out, "tickerplant +\\d+ updates, (\\d+) rows"),
                    number(out, "received +(\\d+) messages"), number(out, "received +\\d+ messages, (\\d+) rows"),
                    decimal(out, "p50 ([0-9.]+) us"), decimal(out, "p90 ([0-9.]+) us"),
                    decimal(out, "p99 ([0-9.]+) us"), decimal(out, "max ([0-9.]+) us"),
                    number(out, "\\((\\d+) rows, from the feed's publish time"));
        }

        private static String group(String out, String regex) {
            Matcher m = Pattern.compile(regex).matcher(out);
            assertThat(m.find()).as("/%s/ in:%n%s", regex, out).isTrue();
            return m.group(1);
        }

        private static long number(String out, String regex) {
            return Long.parseLong(group(out, regex));
        }

        private static double decimal(String out, String regex) {
            return Double.parseDouble(group(out, regex));
        }
    }

    @Test
    void runsToTheEndWithAPlausibleSummary() throws Exception {
        Set<Thread> before = threads();
        Cli.Result r = Cli.run("demo", "--seconds", "1");

        assertThat(r.exitCode()).as("stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        String out = r.out();
        assertThat(out).contains("q4j demo: ", "for 1 s", "-- 1 s: published ", "q)tables[]", "`quote`trade",
                "q)count trade", "Summary, ");
        assertThat(out).doesNotContain("Connect from q");   // no --port: nothing to connect to after the run

        Summary s = Summary.of(out);
        assertThat(s.published()).isPositive();
        assertThat(s.publishedRows()).isGreaterThanOrEqualTo(s.published());
        assertThat(s.tpUpdates()).isEqualTo(s.published());
        assertThat(s.tpRows()).isEqualTo(s.publishedRows());
        assertThat(s.received()).isEqualTo(s.published());
        assertThat(s.receivedRows()).isEqualTo(s.publishedRows());
        assertThat(s.latencies()).isEqualTo(s.receivedRows());
        assertThat(s.p50()).isPositive();
        assertThat(s.p50()).isLessThanOrEqualTo(s.p90());
        assertThat(s.p90()).isLessThanOrEqualTo(s.p99());
        assertThat(s.p99()).isLessThanOrEqualTo(s.max());
        // the default 200 messages a second, trade and quote alternately (loosely: test machines can be busy)
        assertThat(Summary.number(out, "(\\d+) messages/s")).isBetween(50L, 400L);

        // everything it started has stopped, and its ports are free
        Matcher m = PORTS.matcher(out);
        assertThat(m.find()).isTrue();
        assertNothingLeft(before, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Test
    void withAPortItServesUntilStoppedAndItsRdbAnswersClients() throws Exception {
        Set<Thread> before = threads();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true));
        DemoCommand demo = (DemoCommand) cl.getSubcommands().get("demo").getCommand();
        int[] exit = {-1};
        Thread run = new Thread(() -> exit[0] = cl.execute("demo", "--port", "0"), "demo-test");
        run.start();
        int[] ports = demo.awaitStarted(Duration.ofSeconds(30));
        assertThat(ports).as("stdout: %s%nstderr: %s", out, err).isNotNull();
        int tp = ports[0];
        int rdb = ports[1];
        assertThat(out.toString()).contains("tickerplant  127.0.0.1:" + tp, "RDB          127.0.0.1:" + rdb,
                "q)h:hopen " + tp + "; upd:{[t;x] show x}; h(\".u.sub\";`trade;`)",
                "q)h:hopen " + rdb + "; h\"select last price by sym from trade\"", "Ctrl-C stops it");

        List<QValue> pushed = new CopyOnWriteArrayList<>();
        try (QConnection q = QConnection.connect(":" + rdb);
                QConnection sub = QConnection.connect(ConnectionOptions.builder("127.0.0.1", tp)
                        .listener(message -> pushed.add(message.value())).build())) {
            // a subscriber of one sym gets only that sym, as from kdb+tick
            sub.call(".u.sub", QSymbol.of("trade"), QSymbol.of("IBM"));

            assertThat(q.query("tables[]")).isEqualTo(QSymbolVector.of("quote", "trade"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (((QLong) q.query("count trade")).value() < 5 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(((QLong) q.query("count trade")).value()).isGreaterThanOrEqualTo(5);

            QTable last5 = (QTable) q.query("-5#trade");
            assertThat(last5.count()).isEqualTo(5);
            assertThat(last5.columnNames()).containsExactly("time", "sym", "price", "size");
            assertThat(last5.columns().stream().map(QValue::type)).containsExactly(QType.TIMESPAN, QType.SYMBOL,
                    QType.FLOAT, QType.LONG);

            QKeyedTable lastPrice = (QKeyedTable) q.query("select last price by sym from trade");
            String[] syms = ((QSymbolVector) lastPrice.keys().column("sym")).toArray();
            assertThat(syms).isSorted().isSubsetOf(DemoFeed.SYMBOLS.toArray(new String[0])).isNotEmpty();
            assertThat(lastPrice.values().columnNames()).containsExactly("price");
            assertThat(lastPrice.values().column("price").type()).isEqualTo(QType.FLOAT);

            QTable ibm = (QTable) q.query("select from trade where sym=`IBM");
            assertThat(Arrays.stream(((QSymbolVector) ibm.column("sym")).toArray())).allMatch("IBM"::equals);

            assertThatThrownBy(() -> q.query("avg trade`price")).isInstanceOf(QErrorException.class)
                    .hasMessageContaining("nyi").hasMessageContaining("select last c by sym from t");

            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (pushed.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(pushed).isNotEmpty().allSatisfy(v -> {
                QList upd = (QList) v;
                assertThat(upd.at(0)).isEqualTo(QSymbol.of("upd"));
                assertThat(upd.at(1)).isEqualTo(QSymbol.of("trade"));
                assertThat(Arrays.stream(((QSymbolVector) ((QTable) upd.at(2)).column("sym")).toArray()))
                        .allMatch("IBM"::equals);
            });
        }

        // Thread.interrupt ends it as Ctrl-C does: summary, exit 0, everything closed
        run.interrupt();
        run.join(30_000);
        assertThat(run.isAlive()).isFalse();
        assertThat(exit[0]).as("stderr: %s", err).isZero();
        Summary s = Summary.of(out.toString());
        assertThat(s.receivedRows()).isEqualTo(s.publishedRows());
        assertThat(s.p50()).isLessThanOrEqualTo(s.p90());
        assertThat(s.p90()).isLessThanOrEqualTo(s.p99());
        assertThat(s.p99()).isLessThanOrEqualTo(s.max());
        assertNothingLeft(before, tp, rdb);
    }

    @Test
    void stopEndsARunUntilCtrlC() throws Exception {
        Set<Thread> before = threads();
        StringWriter out = new StringWriter();
        CommandLine cl = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(new StringWriter(), true));
        DemoCommand demo = (DemoCommand) cl.getSubcommands().get("demo").getCommand();
        int[] exit = {-1};
        Thread run = new Thread(() -> exit[0] = cl.execute("demo", "--port", "0", "--rate", "5000"), "demo-test");
        run.start();
        int[] ports = demo.awaitStarted(Duration.ofSeconds(30));
        Thread.sleep(300);
        demo.stop();   // what the shutdown hook does on Ctrl-C
        run.join(30_000);

        assertThat(run.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
        Summary s = Summary.of(out.toString());
        assertThat(s.published()).isPositive();
        assertThat(s.received()).isEqualTo(s.published());
        assertThat(s.receivedRows()).isEqualTo(s.publishedRows());
        assertNothingLeft(before, ports[0], ports[1]);
    }



    @Test
    void aPortInUseIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Result r = Cli.run("demo", "--port", String.valueOf(taken.getLocalPort()), "--seconds", "1");

            assertThat(r.exitCode()).isEqualTo(Q4j.CONNECTION_FAILED);
            assertThat(r.err()).contains("q4j demo: tickerplant: ", "127.0.0.1:" + taken.getLocalPort());
        }
    }

    /** @return the threads alive now */
    private static Set<Thread> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /**
     * No q4j thread started since {@code before} is left (they end soon after the close), and both ports can be
     * bound again.
     */
    private static void assertNothingLeft(Set<Thread> before, int tp, int rdb) throws InterruptedException,
            IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        do {
            left = threads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                    .filter(n -> n.startsWith("q4j-")).toList();
            if (!left.isEmpty()) {
                Thread.sleep(20);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("threads left").isEmpty();
        for (int port : new int[] {tp, rdb}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
