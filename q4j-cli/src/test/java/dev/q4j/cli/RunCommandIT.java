package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.QErrorException;
import dev.q4j.server.Authenticator;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j run} in-process against a q4j server on a loopback socket that records every statement it gets. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RunCommandIT {

    @TempDir
    Path dir;

    /** A server that records the q text of each sync request and answers from a table (:: otherwise). */
    private static final class Recorder implements AutoCloseable {
        final List<String> received = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final QServer server;

        /** @param answers q text to the reply: a value, or a {@link QErrorException} to throw */
        Recorder(Map<String, Object> answers) throws IOException {
            this(answers, Authenticator.ALLOW_ALL);
        }

        Recorder(Map<String, Object> answers, Authenticator authenticator) throws IOException {
            server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                    .authenticator(authenticator)
                    .onOpen(c -> connections.incrementAndGet())
                    .requestHandler(RequestHandler.sync((client, request) -> {
                        String text = request instanceof QCharVector s ? s.asString()
                                : "not a string: " + QText.print(request);
                        received.add(text);
                        Object answer = answers.getOrDefault(text, Q.NIL);
                        if (answer instanceof QErrorException e) {
                            throw e;
                        }
                        return (QValue) answer;
                    }))
                    .build());
        }

        String address() {
            return "127.0.0.1:" + server.port();
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private Path script(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    // ---------------------------------------------------------------- the script rules, end to end

    /**
     * Runs the script against a server giving {@code answers}: it prints nothing, exits with 0, and sends exactly
     * {@code sent}.
     */
    private static void assertRunsSilently(Path file, Map<String, Object> answers, String... sent) throws Exception {
        try (Recorder server = new Recorder(answers)) {
            Cli.Result r = Cli.run("run", server.address(), file.toString());

            assertThat(server.received).containsExactly(sent);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void commentsContinuationLinesSystemLinesAndAnErrorThatStopsTheRun() throws Exception {
        Path file = script("setup.q",
                "#!/usr/bin/env q",                 // 1
                "/ set-up for the tests",           // 2
                "a:1 / a trailing comment",         // 3
                "s:\"keep / this\"",                // 4
                "/",                                // 5
                "a block comment: nothing here",    // 6
                "b:2",                              // 7
                "\\",                               // 8
                "\\d .foo",                         // 9
                "f:{[x]",                           // 10
                "  / a comment line in the body",   // 11
                "  y:x+1; / trailing",              // 12
                "",                                 // 13
                "  y*2}",                           // 14
                "g:{x+",                            // 15
                "\t1}",                             // 16
                "\\d .",                            // 17
                "c:f 1",                            // 18
                "d:1+",                             // 19
                "  `a",                             // 20
                "e:3",                              // 21
                "\\l never.q");                     // 22
        try (Recorder server = new Recorder(Map.of("d:1+\n  `a", new QErrorException("type")))) {
            Cli.Result r = Cli.run("run", server.address(), file.toString());

            assertThat(server.received).containsExactly(
                    "a:1",
                    "s:\"keep / this\"",
                    "system\"d .foo\"",
                    "f:{[x]\n  y:x+1;\n  y*2}",
                    "g:{x+\n\t1}",
                    "system\"d .\"",
                    "c:f 1",
                    "d:1+\n  `a");
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("q4j run: " + file + ":19: 'type\n");
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void anErrorOnTheFirstLineOfAStatementIsReportedThereAndNothingElseIsSent() throws Exception {
        Path file = script("err.q", "a:1", "", "/ next the bad one", "b:`a+1", "c:2");
        try (Recorder server = new Recorder(Map.of("b:`a+1", new QErrorException("type")))) {
            Cli.Result r = Cli.run("run", server.address(), file.toString());

            assertThat(server.received).containsExactly("a:1", "b:`a+1");
            assertThat(r.err()).isEqualTo("q4j run: " + file + ":4: 'type\n");
            assertThat(r.exitCode()).isEqualTo(Q4j.Q_ERROR);
        }
    }

    @Test
    void aLoneBackslashEndsTheScript() throws Exception {
        Path file = script("end.q", "a:1", "f:{", "  x}", "\\", "b:2", "\\d .bar", "'oops");
        assertRunsSilently(file, Map.of(), "a:1", "f:{\n  x}");
    }

    @Test
    void aDoubleBackslashEndsTheScriptAndIsNotSentToTheServer() throws Exception {
        Path file = script("quit.q", "a:1", "\\\\", "b:2");
        try (Recorder server = new Recorder(Map.of())) {
            Cli.Result r = Cli.run("run", server.address(), file.toString());

            assertThat(server.received).containsExactly("a:1");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void theScriptMayComeFromStandardInputAndIsThenNamedStdin() throws Exception {
        try (Recorder server = new Recorder(Map.of("b:`a+1", new QErrorException("type")))) {
            Cli.Result r = Cli.runWithInput("a:1\r\nb:`a+1\r\n", "run", server.address(), "-");

            assertThat(server.received).containsExactly("a:1", "b:`a+1");
            assertThat(r.err()).isEqualTo("q4j run: stdin:2: 'type\n");
            assertThat(r.exitCode()).isEqualTo(1);
        }
    }

    @Test
    void bytesThatAreNotUtf8GoToTheServerAsTheyAre() throws Exception {
        Path file = dir.resolve("latin1.q");
        Files.write(file, new byte[] {'s', ':', '"', 'c', 'a', 'f', (byte) 0xe9, '"', '\n', 't', ':', '"', (byte) 0xc3,
            (byte) 0xa9, '"', '\n'});
        List<byte[]> bytes = new CopyOnWriteArrayList<>();
        try (QServer server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                .requestHandler(RequestHandler.sync((client, request) -> {
                    bytes.add(((QCharVector) request).toArray());
                    return Q.NIL;
                })).build())) {
            Cli.Result r = Cli.run("run", "127.0.0.1:" + server.port(), file.toString());

            assertThat(r.exitCode()).isZero();
            assertThat(bytes).containsExactly(
                    new byte[] {'s', ':', '"', 'c', 'a', 'f', (byte) 0xe9, '"'},
                    new byte[] {'t', ':', '"', (byte) 0xc3, (byte) 0xa9, '"'});
        }
    }

    // ---------------------------------------------------------------- output

    @Test
    void nothingIsPrintedWithoutEcho() throws Exception {
        Path file = script("quiet.q", "til 3", "x:1;");
        assertRunsSilently(file, Map.of("til 3", Q.longs(0, 1, 2)), "til 3", "x:1;");
    }

    @Test
    void echoPrintsEachResultButTheGenericNullInTheChosenFormat() throws Exception {
        Path file = script("report.q", "til 3", "x:1;", "\\d .foo", "`a`b!1 2");
        Map<String, Object> answers = Map.of("til 3", Q.longs(0, 1, 2), "`a`b!1 2", Q.dict(Map.of("a", 1L)));
        try (Recorder server = new Recorder(answers)) {
            Cli.Result text = Cli.run("run", "--echo", server.address(), file.toString());
            Cli.Result q = Cli.run("run", "-e", "-f", "q", server.address(), file.toString());
            Cli.Result json = Cli.run("run", "-e", "--format", "json", server.address(), file.toString());

            assertThat(text.out()).isEqualTo("0 1 2\na| 1\n");
            assertThat(q.out()).isEqualTo("0 1 2\n(,`a)!,1\n");
            assertThat(json.out()).isEqualTo("[0,1,2]\n{\"a\":1}\n");
            for (Cli.Result r : List.of(text, q, json)) {
                assertThat(r.err()).isEmpty();
                assertThat(r.exitCode()).isZero();
            }
        }
    }

    @Test
    void echoAsCsvOfAResultCsvCannotHoldIsAUsageErrorAtItsLine() throws Exception {
        Path file = script("csv.q", "til 3", "42", "after:1");
        try (Recorder server = new Recorder(Map.of("til 3", Q.longs(0, 1, 2), "42", Q.of(42L)))) {
            Cli.Result r = Cli.run("run", "-e", "-f", "csv", server.address(), file.toString());

            assertThat(r.out()).isEqualTo("x\r\n0\r\n1\r\n2\r\n");
            assertThat(r.err()).startsWith("q4j run: " + file + ":2: csv needs a table")
                    .endsWith(": use --format text, q or json\n");
            assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
            assertThat(server.received).containsExactly("til 3", "42");
        }
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aMissingScriptIsBadInputAndNothingConnects() throws Exception {
        Path missing = dir.resolve("none.q");
        try (Recorder server = new Recorder(Map.of())) {
            Cli.Result r = Cli.run("run", server.address(), missing.toString());

            assertThat(r.exitCode()).isEqualTo(Q4j.BAD_INPUT);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("q4j run: cannot read " + missing + ": no such file\n");
            assertThat(server.connections).hasValue(0);
            assertThat(server.received).isEmpty();
        }
    }

    @Test
    void aRefusedConnectionIsExitCode3() throws Exception {
        Path file = script("a.q", "a:1");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli.Result r = Cli.run("run", "127.0.0.1:" + port, file.toString());

        assertThat(r.exitCode()).isEqualTo(Q4j.CONNECTION_FAILED);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("q4j run: cannot connect to 127.0.0.1:" + port + ": Connection refused\n");
    }

    @Test
    void rejectedCredentialsAreExitCode4() throws Exception {
        Path file = script("a.q", "a:1");
        try (Recorder server = new Recorder(Map.of(), Authenticator.single("bob", "secret"))) {
            Cli.Result wrong = Cli.run("run", "-u", "bob:wrong", server.address(), file.toString());
            Cli.Result right = Cli.run("run", "--user", "bob:secret", server.address(), file.toString());

            assertThat(wrong.exitCode()).isEqualTo(Q4j.AUTHENTICATION_FAILED);
            assertThat(wrong.err()).isEqualTo("q4j run: " + server.address()
                    + " closed the connection during the handshake: wrong credentials for user 'bob', "
                    + "or no capacity for another client\n");
            assertThat(right.exitCode()).isZero();
            assertThat(server.received).containsExactly("a:1");
        }
    }

    @Test
    void aStatementThatTakesTooLongIsExitCode5AtItsLine() throws Exception {
        Path file = script("slow.q", "a:1", "slow[]", "b:2");
        try (QServer server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                .requestHandler(RequestHandler.sync((client, request) -> {
                    if (((QCharVector) request).asString().equals("slow[]")) {
                        try {
                            Thread.sleep(2000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Q.NIL;
                })).build())) {
            Cli.Result r = Cli.run("run", "--timeout", "0.2", "127.0.0.1:" + server.port(), file.toString());

            assertThat(r.exitCode()).isEqualTo(Q4j.TIMED_OUT);
            assertThat(r.err()).startsWith("q4j run: " + file + ":2: ");
        }
    }


    @Test
    void helpExplainsTheRulesAndHasExamples() {
        Cli.Result r = Cli.run("run", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j run ")
                .contains("HOST:PORT SCRIPT", "--echo", "--format", "--user", "--tls", "--trust-store", "--timeout",
                        "block comment", "continues the", "system\"d .foo\"", "Examples:",
                        "q4j run localhost:5000 setup.q", "Exit codes:");
        assertThat(Cli.run("--help").out()).contains("  run ", "q4j run localhost:5000 setup.q");
    }
}
