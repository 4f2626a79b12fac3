package dev.q4j.cli;

import dev.q4j.Q4jException;
import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.examples.demo.DemoFeed;
import dev.q4j.examples.demo.DemoRdb;
import dev.q4j.examples.demo.DemoSystem;
import dev.q4j.examples.demo.LatencyHistogram;
import dev.q4j.server.QServer;
import dev.q4j.text.QConsole;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code q4j demo}: a kdb+tick-style system made of q4j parts, in this process, with nothing but a JDK: a
 * {@link Tickerplant}, a feed publishing synthetic trades and quotes to it, a real-time database ({@link DemoRdb})
 * that subscribes and serves queries as a {@link QServer}, and a client querying that RDB every second. It prints
 * what happens as the q console would show it, then a summary with end-to-end latencies. The system itself is
 * {@link DemoSystem} (module q4j-examples); this command is its options, its run and its output.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run a small kdb+tick-style system, all q4j, all in this process: no kdb+",
            "needed.",
            "  - a tickerplant (.u.sub, .u.upd) on 127.0.0.1;",
            "  - a feed publishing synthetic trades (time sym price size) and quotes",
            "    (time sym bid ask bsize asize) for AAPL AMZN GOOG IBM MSFT to it, as",
            "    async .u.upd messages, prices following random walks;",
            "  - an RDB: a subscriber (.u.sub) that keeps the tables in memory and",
            "    answers queries on the next port;",
            "  - a client querying the RDB every second.",
            "",
            "It shows the updates and query results for a few seconds, as the q console would, then a "
                + "summary: messages and rows published and received, throughput, and the latency from the "
                + "feed's publish time (each row's time column, in nanoseconds) to the subscriber's receipt.",
            "",
            "With --port the servers listen on known ports (127.0.0.1 only) and stay up, the feed publishing, "
                + "until Ctrl-C, so that q, the q4j console or any kdb+ client can connect; the exact q "
                + "commands to try are printed.",
            "",
            "The RDB is no q interpreter: it answers only tables[]; count t; t; n#t; -n#t; "
                + "select last c by sym from t; select from t where sym=`s (t is trade or quote), anything "
                + "else with 'nyi. It keeps the latest " + DemoCommand.MAX_ROWS + " rows of each table.",
            ""
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j demo",
            "      runs for 5 seconds on free ports, then prints the summary",
            "  q4j demo --seconds 30 --rate 2000",
            "  q4j demo --port 5000",
            "      tickerplant on 5000, RDB on 5001, until Ctrl-C; then, from q:",
            "      q)h:hopen 5000; upd:{[t;x] show x}; h(\".u.sub\";`trade;`)",
            "      q)h:hopen 5001; h\"select last price by sym from trade\""
        })
final class DemoCommand extends Q4jCommand {
    /** Where everything listens. */
    static final String HOST = DemoSystem.HOST;
    /** Rows each RDB table keeps at most. */
    static final int MAX_ROWS = 1_000_000;
    /** Seconds a run lasts without {@code --seconds} or {@code --port}. */
    static final int DEFAULT_SECONDS = 5;
    /** How often a run until Ctrl-C prints a status line. */
    static final int STATUS_EVERY = 10;
    /** How long the client waits for the RDB's answer. */
    private static final int QUERY_TIMEOUT_SECONDS = 10;

    /** What the client asks the RDB, second after second, in a cycle. */
    private static final List<List<String>> QUERIES = List.of(
            List.of("tables[]", "count trade"),
            List.of("select last price by sym from trade"),
            List.of("-5#trade"),
            List.of("count quote", "-3#quote"),
            List.of("count trade", "select last price by sym from trade"));

    private Integer seconds;
    private Integer port;
    private Integer rdbPort;
    private int rate = 200;

    @Option(names = {"-s", "--seconds"}, paramLabel = "N",
            description = "Stop after N seconds (default: " + DEFAULT_SECONDS + ", or with --port, at Ctrl-C).")
    void seconds(int n) {
        if (n < 1) {
            throw new ParameterException(spec.commandLine(), "--seconds must be at least 1, not " + n);
        }
        seconds = n;
    }

    @Option(names = {"-p", "--port"}, paramLabel = "PORT",
            description = "Tickerplant port on 127.0.0.1, the RDB on the next one (0: free ports for both); the "
                    + "servers run until Ctrl-C unless --seconds is given. Default: free ports, for "
                    + DEFAULT_SECONDS + " s.")
    void port(int p) {
        port = checkPort("--port", p);
    }

    @Option(names = "--rdb-port", paramLabel = "PORT", description = "The RDB's port (default: the next after "
            + "--port, or a free one).")
    void rdbPort(int p) {
        rdbPort = checkPort("--rdb-port", p);
    }

    @Option(names = "--rate", paramLabel = "N", description = ".u.upd messages the feed sends a second, trade "
            + "and quote alternately, a few rows each (default: 200).")
    void rate(int n) {
        if (n < 1 || n > 1_000_000) {
            throw new ParameterException(spec.commandLine(), "--rate must be 1 to 1000000, not " + n);
        }
        rate = n;
    }

    private int checkPort(String option, int p) {
        if (p < 0 || p > 65535) {
            throw new ParameterException(spec.commandLine(), option + " must be 0 to 65535, not " + p);
        }
        return p;
    }

    /** The running system, while {@link #demo()} runs. */
    private DemoSystem system;

    /** Ctrl-C (or {@link #stop()}): end the run. */
    private final CountDownLatch stop = new CountDownLatch(1);
    /** The run has printed its summary. */
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    private volatile int[] ports;

    @Override
    int run() {
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "q4j-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return demo();
        } finally {
            out().flush();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped the run
            }
        }
    }

    private int demo() {
        boolean untilStopped = port != null && seconds == null;
        int runSeconds = seconds == null ? DEFAULT_SECONDS : seconds;
        int tpPort = port == null ? 0 : port;
        int rdbP = rdbPort != null ? rdbPort : tpPort == 0 ? 0 : tpPort + 1;
        if (rdbP > 65535) {
            return fail("--port " + tpPort + " leaves no port for the RDB: give --rdb-port", Q4j.USAGE);
        }
        boolean interrupted = false;
        try (DemoSystem demo = DemoSystem.start(tpPort, rdbP, rate, MAX_ROWS)) {
            system = demo;
            ports = new int[] {demo.tickerplantPort(), demo.rdbPort()};
            banner(demo.tickerplantPort(), demo.rdbPort(), untilStopped, runSeconds);
            started.countDown();
            demo.startFeed();
            long t0 = System.nanoTime();
            for (int tick = 1; untilStopped || tick <= runSeconds; tick++) {
                try {
                    if (stop.await(t0 + tick * 1_000_000_000L - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    // Thread.interrupt, as a test stops it: end the run as on Ctrl-C, restore the flag at the end
                    interrupted = true;
                    break;
                }
                Throwable feedFailure = demo.feed().failure();
                if (feedFailure != null) {
                    throw new Q4jException("the feed stopped: " + oneLine(feedFailure), feedFailure);
                }
                try {
                    if (untilStopped) {
                        status(tick, demo.client(), demo.feed());
                    } else {
                        update(tick, demo.client(), demo.feed());
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                out().flush();
            }

            // drain: the tickerplant has all the feed sent; the subscriber (of every table and sym) gets all of it
            demo.drain(Duration.ofSeconds(10));
            if (untilStopped) {
                out().println();
            }
            summary(demo.feed(), demo.tickerplant());
            if (demo.subscriberFailure() != null) {
                return fail("the subscriber failed: " + oneLine(demo.subscriberFailure()), Q4j.BAD_INPUT);
            }
            return Q4j.OK;
        } catch (IOException e) {
            // a server could not listen: the message names which
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        } catch (Q4jException e) {
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        } catch (InterruptedException e) {
            interrupted = true;
            return fail("interrupted", Q4j.CONNECTION_FAILED);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ---------------------------------------------------------------- output

    private void banner(int tpPort, int rdbPort, boolean untilStopped, int runSeconds) {
        List<String> lines = new ArrayList<>();
        lines.add("q4j demo: a tickerplant, a feed, an RDB and a client, all q4j, in this process (no kdb+), "
                + (untilStopped ? "until Ctrl-C" : "for " + runSeconds + " s"));
        lines.add("  tickerplant  " + HOST + ":" + tpPort + "  .u.sub, .u.upd");
        lines.add("  feed         " + rate + " .u.upd a second: trade, quote for " + String.join(" ",
                DemoFeed.SYMBOLS));
        lines.add("  RDB          " + HOST + ":" + rdbPort + "  subscribed to every table, answers queries");
        lines.add("  client       queries the RDB every second");
        if (port != null) {
            lines.add("");
            lines.add("Connect from q (or the console, ./q4j localhost:" + rdbPort + ", or any kdb+ client):");
            lines.add("  q)h:hopen " + tpPort + "; upd:{[t;x] show x}; h(\".u.sub\";`trade;`)");
            lines.add("  q)h:hopen " + rdbPort + "; h\"select last price by sym from trade\"");
            lines.add("  q)h:hopen " + rdbPort + "; h\"-5#quote\"");
            lines.add("  ./q4j query localhost:" + rdbPort + " 'count trade'");
            lines.add("The RDB answers only: " + DemoRdb.ANSWERS + " (t: trade or quote)");
            if (untilStopped) {
                lines.add("Ctrl-C stops it; until then, a status line every " + STATUS_EVERY + " s.");
            }
        }
        for (String l : lines) {
            out().println(l);
        }
        out().println();
        out().flush();
    }

    /** One second of a timed run: counts, the last update received, the client's queries and their results. */
    private void update(int tick, QConnection client, DemoFeed feed) throws InterruptedException {
        DemoRdb.Update last = system.lastUpdate();
        out().println("-- " + tick + " s: published " + feed.messages() + " updates (" + feed.rows()
                + " rows), received " + system.received() + " (" + system.receivedRows() + " rows)");
        if (last != null) {
            out().println("the last received, upd[`" + last.table() + "]:");
            out().print(QConsole.DEFAULT.show(last.rows()));
        }
        for (String q : QUERIES.get((tick - 1) % QUERIES.size())) {
            out().println("q)" + q);
            try {
                out().print(QConsole.DEFAULT.show(ask(client, q)));
            } catch (QErrorException e) {
                out().println("'" + e.qMessage());
            }
        }
        out().println();
    }

    /** One second of a run until Ctrl-C: the client asks for the counts; every so often, a status line. */
    private void status(int tick, QConnection client, DemoFeed feed) throws InterruptedException {
        QValue trades = ask(client, "count trade");
        QValue quotes = ask(client, "count quote");
        if (tick % STATUS_EVERY == 0) {
            out().println(String.format(Locale.ROOT, "-- %d s: published %d updates (%d rows), received %d rows; "
                    + "RDB: %s trades, %s quotes; latency p50 %.0f us, p99 %.0f us", tick, feed.messages(),
                    feed.rows(), system.receivedRows(), trades, quotes, micros(system.latency().percentile(50)),
                    micros(system.latency().percentile(99))));
        }
    }

    /**
     * A sync query with a time limit, without {@link ConnectionOptions#requestTimeout()} (whose timer thread would
     * outlive the run).
     */
    private static QValue ask(QConnection client, String query) throws InterruptedException {
        try {
            return client.queryAsync(query).get(QUERY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Q4jException q) {
                throw q;
            }
            throw new Q4jException("query " + query + " failed: " + oneLine(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new Q4jException("no answer from the RDB to " + query + " within " + QUERY_TIMEOUT_SECONDS + " s");
        }
    }

    private void summary(DemoFeed feed, Tickerplant tp) {
        LatencyHistogram latency = system.latency();
        double s = feed.seconds();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Summary, %.1f s of publishing:", s));
        lines.add(String.format(Locale.ROOT, "  published    %d messages, %d rows: %.0f messages/s, %.0f rows/s",
                feed.messages(), feed.rows(), s > 0 ? feed.messages() / s : 0.0, s > 0 ? feed.rows() / s : 0.0));
        lines.add(String.format(Locale.ROOT, "  tickerplant  %d updates, %d rows in; %d messages out to "
                + "subscribers", tp.updates(), tp.rows(), tp.messagesSent()));
        lines.add(String.format(Locale.ROOT, "  received     %d messages, %d rows", system.received(),
                system.receivedRows()));
        lines.add(String.format(Locale.ROOT, "  RDB          count trade %d, count quote %d",
                system.rdb().count("trade"), system.rdb().count("quote")));
        lines.add(String.format(Locale.ROOT, "  latency      p50 %.1f us, p90 %.1f us, p99 %.1f us, max %.1f us",
                micros(latency.percentile(50)), micros(latency.percentile(90)), micros(latency.percentile(99)),
                micros(latency.max())));
        lines.add(String.format(Locale.ROOT, "               (%d rows, from the feed's publish time to the "
                + "subscriber's receipt)", latency.count()));
        for (String l : lines) {
            out().println(l);
        }
        out().flush();
    }

    private static double micros(long nanos) {
        return nanos / 1000.0;
    }

    // ---------------------------------------------------------------- for tests

    /**
     * Waits until the servers listen (or the run ended before they could).
     *
     * @param timeout how long to wait
     * @return the tickerplant's and the RDB's ports, or {@code null} when the run did not get that far in time
     * @throws InterruptedException when interrupted
     */
    int[] awaitStarted(Duration timeout) throws InterruptedException {
        started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return ports;
    }

    /** Ends the run as Ctrl-C does. */
    void stop() {
        stop.countDown();
    }
}
