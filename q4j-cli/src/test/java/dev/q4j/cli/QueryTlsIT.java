package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.testing.servers.JavakdbServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
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
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static Path keys;
    private static Path trust;

    @BeforeAll
    static void certificate() throws Exception {
        keys = dir.resolve("localhost.p12");
        trust = dir.resolve("trust.p12");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool: " + output).isZero();

        KeyStore source = load(keys);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", source.getCertificate("server"));
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, PASSWORD.toCharArray());
        }
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    /** A TLS server answering each request with its text as a symbol. */
    private static JavakdbServer tlsServer() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keys), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        return new JavakdbServer(socket, null, k -> {
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
