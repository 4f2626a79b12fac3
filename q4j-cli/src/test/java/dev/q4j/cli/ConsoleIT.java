package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.server.Authenticator;
import dev.q4j.server.ClientConnection;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console ({@code q4j [HOST:PORT]}) driven through its standard input, as when input is piped: no prompts, results
 * on standard output, q errors there too as {@code 'type}, the console's own messages on standard error.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConsoleIT {

    private static Cli.Result console(ConsoleTestServer server, String input, String... options) {
        String[] args = new String[options.length + 1];
        System.arraycopy(options, 0, args, 0, options.length);
        args[options.length] = server.address();
        return Cli.runWithInput(input, args);
    }

    private static void assertOk(Cli.Result r, String out) {
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.exitCode()).isZero();
    }

    /** Runs the console on {@code input} against a fresh test server: it shows {@code out} and exits with 0. */
    private static void assertShows(String input, String out) throws IOException {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            assertOk(console(server, input), out);
        }
    }

    /** As {@link #assertShows}, and the server got exactly {@code queries}. */
    private static void assertShowsAndSends(String input, String out, String... queries) throws IOException {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            assertOk(console(server, input), out);
            assertThat(server.queries).containsExactly(queries);
        }
    }

    // ---------------------------------------------------------------- results

    @Test
    void aTableShowsAsColumnsUnderAHeaderAndALineOfDashes() throws Exception {
        assertShowsAndSends("trade\n\\\\\n", "sym  px  \n---------\nIBM  1.5 \nMSFT 2.25\n", "trade");
    }

    @Test
    void keyedTablesDictionariesListsAndAtomsShowAsInTheQConsole() throws Exception {
        assertShows("ktrade\n`a`bb!1 2\n1 2 3\n42\n::\n(1;`a;\"xy\")\n",
                "sym | px  \n----| ----\nIBM | 1.5 \nMSFT| 2.25\n"
                + "a | 1\nbb| 2\n"
                + "1 2 3\n"
                + "42\n"
                // :: shows nothing
                + "1\n`a\n\"xy\"\n");
    }

    @Test
    void aQErrorShowsAsQuoteTextAndTheConsoleGoesOn() throws Exception {
        assertShows("'type\n'length\n1\n", "'type\n'length\n1\n");
    }

    @Test
    void anAssignmentShowsNothing() throws Exception {
        assertShowsAndSends("a:42\n42\n", "42\n", "a:42", "42");
    }

    @Test
    void aMultiLineExpressionIsSentAsOneQuery() throws Exception {
        assertShowsAndSends("quote (1;\n 2;\n 3)\n`after\n", "\"(1;\\n 2;\\n 3)\"\n`after\n",
                "quote (1;\n 2;\n 3)", "`after");
    }

    @Test
    void anExpressionTheInputEndsInIsSentAsItIs() throws Exception {
        assertShowsAndSends("quote {x+\n  y", "\"{x+\\n  y\"\n", "quote {x+\n  y");
    }

    @Test
    void blankLinesAndCommentsSendNothing() throws Exception {
        assertShowsAndSends("\n   \n/ a comment\n1\n", "1\n", "1");
    }

    // ---------------------------------------------------------------- the end

    @Test
    void backslashBackslashEndsTheConsoleWithExitCode0() throws Exception {
        assertShowsAndSends("1\n\\\\\n2\n", "1\n", "1");
    }

    @Test
    void theEndOfTheInputEndsTheConsoleWithExitCode0() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            assertOk(console(server, "1\n'type\n"), "1\n'type\n");
            assertOk(console(server, ""), "");
        }
    }

    // ---------------------------------------------------------------- console commands

    @Test
    void backslashCShowsAndSetsTheConsoleSize() throws Exception {
        String hundred = "0 ".repeat(100).strip();
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            Cli.Result r = console(server, "\\c\n\\c 10 20\n\\c\n" + hundred + "\n\\c 1 2 3\n");

            assertThat(r.out()).isEqualTo("25 80i\n10 20i\n0 0 0 0 0 0 0 0 0..\n");
            assertThat(r.err()).isEqualTo("q4j: \\c takes ROWS COLS, such as \\c 25 80, not '1 2 3'\n");
            assertThat(r.exitCode()).isZero();
            assertThat(server.queries).containsExactly(hundred);

            assertThat(console(server, hundred + "\n", "--console", "10x20").out())
                    .isEqualTo("0 0 0 0 0 0 0 0 0..\n");
        }
    }

    @Test
    void otherSystemCommandsGoToTheServer() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            console(server, "\\t 1+1\n\\a\n");

            assertThat(server.queries).containsExactly("system\"t 1+1\"", "system\"a\"");
        }
    }

    @Test
    void connectSwitchesToAnotherProcess() throws Exception {
        try (ConsoleTestServer first = ConsoleTestServer.start();
                ConsoleTestServer second = ConsoleTestServer.start()) {
            Cli.Result r = console(first, "1\n\\connect " + second.address() + "\n2\n\\connect\n3\n");

            assertOk(r, "1\n2\n3\n");
            assertThat(first.queries).containsExactly("1");
            assertThat(second.queries).containsExactly("2", "3");
            // \connect without an address connects again to the same process
            assertThat(second.connections).hasValue(2);
        }
    }

    @Test
    void connectToWhereNothingListensKeepsTheConnection() throws Exception {
        int port = QueryCommandIT.freePort();
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            Cli.Result r = console(server, "\\connect 127.0.0.1:" + port + "\n1\n\\connect nowhere:x\n2\n");

            assertThat(r.out()).isEqualTo("1\n2\n");
            assertThat(r.err()).isEqualTo("q4j: cannot connect to 127.0.0.1:" + port
                    + ": Connection refused (still connected to " + server.address() + ")\n"
                    + "q4j: not an address: 'nowhere:x' (expected host:port, :port, unix:///path or @name)\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    // ---------------------------------------------------------------- connections

    @Test
    void aLostConnectionIsSaidAndTheNextInputReconnects() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            Cli.Result r = console(server, "1\nlose\n2\n");

            assertThat(r.out()).isEqualTo("1\n2\n");
            assertThat(r.err()).startsWith("q4j: connection to " + server.address() + " lost: ")
                    .endsWith("; the next input reconnects\n").hasLineCount(1);
            assertThat(r.exitCode()).isZero();
            assertThat(server.queries).containsExactly("1", "lose", "2");
            assertThat(server.connections).hasValue(2);
        }
    }

    @Test
    void aConnectionDroppedBetweenInputsIsReopenedForTheNextOne() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            PipedOutputStream keyboard = new PipedOutputStream();
            PipedInputStream stdin = new PipedInputStream(keyboard);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Future<Integer> code = executor.submit(() -> Q4j.commandLine(stdin, new PrintWriter(out, true),
                    new PrintWriter(err, true)).execute(server.address()));

            type(keyboard, "1\n");
            await(() -> out.toString().equals("1\n"));
            server.server.clients().forEach(ClientConnection::close);
            await(() -> server.server.clients().isEmpty());
            // the client's reader sees the end of the stream at once; give it a moment
            Thread.sleep(300);
            type(keyboard, "2\n");
            await(() -> out.toString().equals("1\n2\n"));
            keyboard.close();

            assertThat(code.get(10, TimeUnit.SECONDS)).isZero();
            assertThat(err.toString()).isEqualTo("q4j: the connection to " + server.address()
                    + " was lost: reconnecting\n");
            assertThat(server.connections).hasValue(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void noReplyWithinTheTimeoutIsSaidAndTheConsoleGoesOn() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            Cli.Result r = console(server, "sleep 2000\n", "--timeout", "0.3");

            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("q4j: no reply from " + server.address()
                    + " within 300 ms: the reply will be dropped when it comes\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void theFirstConnectionFailingEndsTheConsoleWithExitCode3() throws Exception {
        int port = QueryCommandIT.freePort();
        Cli.Result r = Cli.runWithInput("1\n", "127.0.0.1:" + port);

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("q4j: cannot connect to 127.0.0.1:" + port + ": Connection refused\n");
    }

    @Test
    void credentialsAreThoseOfQuery() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start(Authenticator.single("bob", "secret"))) {
            Cli.Result wrong = console(server, "1\n", "--user", "bob:wrong");
            Cli.Result right = console(server, "1\n", "-u", "bob:secret");

            assertThat(wrong.exitCode()).isEqualTo(4);
            assertThat(wrong.err()).isEqualTo("q4j: " + server.address()
                    + " closed the connection during the handshake: "
                    + "wrong credentials for user 'bob', or no capacity for another client\n");
            assertOk(right, "1\n");
        }
    }

    // ---------------------------------------------------------------- the command line


    @Test
    void helpDescribesTheConsole() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j [-hV] ")
                .contains("[HOST:PORT] [COMMAND]", "default localhost:5000", "\\connect HOST:PORT", "~/.q4j_history",
                        "--user", "--tls", "--trust-store", "--timeout", "--console", "Examples:",
                        "  echo 'select from trade' | q4j :5000");
    }

    // ---------------------------------------------------------------- helpers

    static void type(PipedOutputStream keyboard, String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    /** Waits up to 10 seconds for {@code condition}. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        await(condition, () -> "");
    }

    /** Waits up to 10 seconds for {@code condition}; {@code state} tells what there was instead. */
    static void await(BooleanSupplier condition, Supplier<String> state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting; got:\n" + state.get());
            }
            Thread.sleep(10);
        }
    }
}
