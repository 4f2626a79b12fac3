package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.testing.tools.SelfSignedCertificate;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code q4j query --tls} against a javakdb server behind an SSLServerSocket with a self-signed certificate for
 * localhost, made with the JDK's keytool.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryTlsIT {
    private static final String PASSWORD = SelfSignedCertificate.PASSWORD;

    @TempDir
    static Path dir;

    private static SelfSignedCertificate localhost;
    private static Path trust;

    @BeforeAll
    static void certificate() throws Exception {
        localhost = SelfSignedCertificate.make(dir, "localhost", "dns:localhost,ip:127.0.0.1");
        trust = localhost.trustStore();
    }

    /** A TLS server answering each request with its text as a symbol. */
    private static JavakdbServer tlsServer() throws Exception {
        return new JavakdbServer(localhost.serverSocket(), null, k -> {
            while (true) {
                Object[] m = k.readMsg();
                k.kr(new String((char[]) m[1]));
            }
        });
    }

    @Test
    void aTrustStoreTrustsTheServer() throws Exception {
        try (JavakdbServer server = tlsServer()) {
            Cli.Result r = Cli.run("query", "--trust-store", trust.toString(), "--trust-store-password", PASSWORD,
                    "localhost:" + server.port(), "over tls");

            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("`over tls\n");
            assertThat(r.exitCode()).isZero();
        }
    }

    @Test
    void theJdksTrustRefusesASelfSignedCertificateWithExitCode3() throws Exception {
        try (JavakdbServer server = tlsServer()) {
            Cli.Result r = Cli.run("query", "--tls", "--timeout", "10", "localhost:" + server.port(), "1");

            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("q4j query: cannot connect to localhost:" + server.port() + ": ")
                    .endsWith(" (a TLS failure: is the server's certificate trusted? see --trust-store)\n")
                    .hasLineCount(1);
        }
    }

    @Test
    void aWrongTrustStorePasswordIsAUsageError() {
        Cli.Result r = Cli.run("query", "--trust-store", trust.toString(), "--trust-store-password", "wrong",
                "localhost:1", "1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("q4j query: cannot read the trust store " + trust + ": ").hasLineCount(1);
    }
}
