package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.testing.servers.JavakdbServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j query} in-process against a javakdb server on a loopback socket. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryCommandIT {

    /** {@code ([] sym:`IBM`MSFT; px:1.5 2.25)} as javakdb sends it */
    private static c.Flip trades() {
        return new c.Flip(new c.Dict(new String[] {"sym", "px"},
                new Object[] {new String[] {"IBM", "MSFT"}, new double[] {1.5, 2.25}}));
    }

    /** {@code ([sym:`IBM`MSFT] px:1.5 2.25)} */
    private static c.Dict keyedTrades() {
        return new c.Dict(new c.Flip(new c.Dict(new String[] {"sym"}, new Object[] {new String[] {"IBM", "MSFT"}})),
                new c.Flip(new c.Dict(new String[] {"px"}, new Object[] {new double[] {1.5, 2.25}})));
    }

    private static Cli.Result query(JavakdbServer server, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "query";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = server.address();
        args[options.length + 2] = "select from t";
        return Cli.run(args);
    }

    private static void assertOk(Cli.Result r, String out) {
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(out);
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void queriesKdbsOwnUnixSocketInTheAbstractNamespace() throws Exception {
        // the command bundles q4j-unix: kdb+ 3.5+ listens on @/tmp/kx.PORT, which the JDK alone cannot reach
        int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 60_000);
        try (dev.q4j.server.QServer server = dev.q4j.server.QServer.start(dev.q4j.server.ServerOptions
                .builder(dev.q4j.ipc.Endpoint.kdbUnix(port))
                .requestHandler(dev.q4j.server.RequestHandler.sync((client, request) -> request)).build())) {
            assertThat(server.endpoints()).containsExactly(dev.q4j.ipc.Endpoint.kdbUnix(port));
            assertOk(Cli.run("query", "@/tmp/kx." + port, "til 3"), "\"til 3\"\n");
        }
    }

    // ---------------------------------------------------------------- formats

    @Test
    void aTableInEveryFormat() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            assertOk(query(server), "sym  px  \n---------\nIBM  1.5 \nMSFT 2.25\n");
            assertOk(query(server, "--format", "text"), "sym  px  \n---------\nIBM  1.5 \nMSFT 2.25\n");
            assertOk(query(server, "--format", "q"), "+`sym`px!(`IBM`MSFT;1.5 2.25)\n");
            assertOk(query(server, "--format", "json"),
                    "[{\"sym\":\"IBM\",\"px\":1.5},{\"sym\":\"MSFT\",\"px\":2.25}]\n");
            assertOk(query(server, "-f", "CSV"), "sym,px\r\nIBM,1.5\r\nMSFT,2.25\r\n");
            assertThat(server.queries).hasSize(5).containsOnly("select from t");
        }
    }

    @Test
    void aKeyedTableInEveryFormat() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(keyedTrades())) {
            assertOk(query(server), "sym | px  \n----| ----\nIBM | 1.5 \nMSFT| 2.25\n");
            assertOk(query(server, "-f", "q"), "(+(,`sym)!,`IBM`MSFT)!+(,`px)!,1.5 2.25\n");
            assertOk(query(server, "-f", "json"),
                    "[{\"sym\":\"IBM\",\"px\":1.5},{\"sym\":\"MSFT\",\"px\":2.25}]\n");
            assertOk(query(server, "-f", "csv"), "sym,px\r\nIBM,1.5\r\nMSFT,2.25\r\n");
        }
    }

    @Test
    void aDictionaryInEveryFormat() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(new c.Dict(new String[] {"a", "bb"}, new long[] {1, 2}))) {
            assertOk(query(server), "a | 1\nbb| 2\n");
            assertOk(query(server, "-f", "q"), "`a`bb!1 2\n");
            assertOk(query(server, "-f", "json"), "{\"a\":1,\"bb\":2}\n");

            Cli.Result csv = query(server, "-f", "csv");
            assertThat(csv.exitCode()).isEqualTo(2);
            assertThat(csv.out()).isEmpty();
            assertThat(csv.err()).isEqualTo("q4j query: csv needs a table, a keyed table or a list, and the result "
                    + "is a dict (type 99h): use --format text, q or json\n");
        }
    }

    @Test
    void aVectorInEveryFormat() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(new long[] {1, 2, Long.MIN_VALUE})) {
            assertOk(query(server), "1 2 0N\n");
            assertOk(query(server, "-f", "q"), "1 2 0N\n");
            assertOk(query(server, "-f", "json"), "[1,2,null]\n");
            assertOk(query(server, "-f", "csv"), "x\r\n1\r\n2\r\n\r\n");
        }
    }

    @Test
    void anAtomInEveryFormat() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(42L)) {
            assertOk(query(server), "42\n");
            assertOk(query(server, "-f", "q"), "42\n");
            assertOk(query(server, "-f", "json"), "42\n");

            Cli.Result csv = query(server, "-f", "csv");
            assertThat(csv.exitCode()).isEqualTo(2);
            assertThat(csv.err()).contains("the result is a long atom (type -7h)");
        }
        try (JavakdbServer server = JavakdbServer.replying(LocalDate.of(2024, 1, 2))) {
            assertOk(query(server), "2024.01.02\n");
            assertOk(query(server, "-f", "q"), "2024.01.02\n");
            assertOk(query(server, "-f", "json"), "\"2024-01-02\"\n");
        }
    }

    @Test
    void aLongResultIsCutLikeTheConsoleUnlessAskedOtherwise() throws Exception {
        long[] many = new long[100];
        try (JavakdbServer server = JavakdbServer.replying(many)) {
            assertThat(query(server).out()).hasSize(80).endsWith(" 0 0..\n");
            assertThat(query(server, "--console", "10x20").out()).isEqualTo("0 0 0 0 0 0 0 0 0..\n");
            assertThat(query(server, "-f", "q").out()).hasSize(200);
        }
    }

    @Test
    void anEmptyListPrintsNothingAsText() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(new Object[0])) {
            assertOk(query(server), "");
            assertOk(query(server, "-f", "q"), "()\n");
            assertOk(query(server, "-f", "json"), "[]\n");
        }
    }

    // ---------------------------------------------------------------- the expression and the address

    @Test
    void anExpressionMayStartWithAMinus() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(1L)) {
            Cli.Result r = Cli.run("query", server.address(), "-1+2");

            assertOk(r, "1\n");
            assertThat(server.queries).containsExactly("-1+2");
        }
    }

    @Test
    void colonPortMeansLocalhost() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(new String[] {"a", "b"})) {
            assertOk(Cli.run("query", ":" + server.port(), "`a`b"), "`a`b\n");
        }
    }

    // ---------------------------------------------------------------- failures

    @Test
    void aQErrorGoesToStandardErrorAsQuoteTextWithExitCode1() throws Exception {
        try (JavakdbServer server = JavakdbServer.answering(k -> k.ke("type"))) {
            Cli.Result r = Cli.run("query", server.address(), "1+`a");

            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("'type\n");
        }
    }

    @Test
    void rejectedCredentialsSayWhoseWithExitCode4() throws Exception {
        try (JavakdbServer server = new JavakdbServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()),
                "bob:secret"::equals, k -> {
                    Object[] m = k.readMsg();
                    k.kr("hello " + new String((char[]) m[1]));
                    k.readMsg();
                })) {
            Cli.Result wrong = Cli.run("query", "--user", "bob:wrong", server.address(), "x");
            Cli.Result none = Cli.run("query", server.address(), "x");
            Cli.Result right = Cli.run("query", "-u", "bob:secret", server.address(), "x");

            assertThat(wrong.exitCode()).isEqualTo(4);
            assertThat(wrong.out()).isEmpty();
            assertThat(wrong.err()).isEqualTo("q4j query: " + server.address()
                    + " closed the connection during the handshake: wrong credentials for user 'bob', "
                    + "or no capacity for another client\n");
            assertThat(none.exitCode()).isEqualTo(4);
            assertThat(none.err()).isEqualTo("q4j query: " + server.address()
                    + " closed the connection during the handshake: it may want credentials "
                    + "(give --user USER:PASSWORD), or have no capacity for another client\n");
            assertOk(right, "`hello x\n");
            // (each rejection is tried again without a capability byte, as for a very old server)
            assertThat(server.credentialsSeen).startsWith("bob:wrong").contains("").endsWith("bob:secret");
        }
    }

    @Test
    void aRefusedConnectionIsOneLineWithExitCode3() throws Exception {
        int port = freePort();
        Cli.Result r = Cli.run("query", "127.0.0.1:" + port, "1+1");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("q4j query: cannot connect to 127.0.0.1:" + port + ": Connection refused\n");
    }

    @Test
    void aMissingSocketFileIsNamedOnce(@TempDir Path dir) {
        String address = "unix://" + dir.resolve("none.sock");
        Cli.Result r = Cli.run("query", address, "1+1");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).startsWith("q4j query: cannot connect to " + address + ": ")
                .containsOnlyOnce("cannot connect").endsWith("\n").hasLineCount(1);
    }

    @Test
    void noReplyWithinTheTimeoutIsExitCode5() throws Exception {
        try (JavakdbServer server = JavakdbServer.answering(k -> { })) {
            Cli.Result r = Cli.run("query", "--timeout", "0.3", server.address(), "slow[]");

            assertThat(r.exitCode()).isEqualTo(5);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("q4j query: no reply from " + server.address() + " within 300 ms\n");
        }
    }

    @Test
    void aTrustStoreThatCannotBeReadIsAUsageError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.p12");
        Cli.Result r = Cli.run("query", "--trust-store", missing.toString(), "127.0.0.1:1", "1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("q4j query: cannot read the trust store " + missing + ": no such file\n");
    }

    @Test
    void badArgumentsAreUsageErrors() {
        Cli.Result address = Cli.run("query", "nowhere", "1");
        Cli.Result format = Cli.run("query", "-f", "xml", ":5000", "1");
        Cli.Result timeout = Cli.run("query", "--timeout", "0", ":5000", "1");
        Cli.Result console = Cli.run("query", "--console", "25", ":5000", "1");
        Cli.Result missing = Cli.run("query", ":5000");

        assertThat(address.exitCode()).isEqualTo(2);
        assertThat(address.err()).startsWith("q4j query: ").contains("not an address: 'nowhere'");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format", "xml");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("the timeout must be positive");
        assertThat(console.exitCode()).isEqualTo(2);
        assertThat(console.err()).contains("expected ROWSxCOLS");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'QEXPR'");
    }

    @Test
    void helpDescribesFormatsExitCodesAndExamples() {
        Cli.Result r = Cli.run("query", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j query ")
                .contains("HOST:PORT", "QEXPR", "--user", "--tls", "--trust-store", "--trust-store-password",
                        "--timeout", "--format", "--console", "Formats (--format):", "  csv   RFC 4180",
                        "Examples:", "Exit codes:", "  1  q error: its 'text is on standard error",
                        "  4  closed in the handshake: wrong credentials, or no capacity",
                                "  5  no reply within --timeout");
        // the examples fit 80 columns
        assertThat(r.out().lines().filter(l -> l.length() > 80)).isEmpty();
    }

    /** An unused loopback port, for tests that must not reach a server. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
