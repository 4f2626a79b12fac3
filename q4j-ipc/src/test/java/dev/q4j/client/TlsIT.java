package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.TlsOptions;
import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.value.QSymbol;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS through JSSE against javakdb behind an SSLServerSocket, with self-signed certificates the test makes with the
 * JDK's keytool: trusted through a custom trust store, hostname verification on by default, the JDK's own trust
 * refusing them.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsIT {
    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path dir;

    /** key store and trust store of a certificate for localhost / 127.0.0.1 */
    private static Path localhostKeys;
    private static Path localhostTrust;
    /** the same for a certificate naming only a host that is not this one */
    private static Path otherKeys;
    private static Path otherTrust;

    @BeforeAll
    static void certificates() throws Exception {
        localhostKeys = dir.resolve("localhost.p12");
        localhostTrust = dir.resolve("localhost-trust.p12");
        otherKeys = dir.resolve("other.p12");
        otherTrust = dir.resolve("other-trust.p12");
        // the two keytool runs overlap: each is a JVM start
        Process localhost = keytool(localhostKeys, "localhost", "dns:localhost,ip:127.0.0.1");
        Process other = keytool(otherKeys, "q4j-elsewhere.invalid", "dns:q4j-elsewhere.invalid");
        await(localhost);
        await(other);
        trustStoreOf(localhostKeys, localhostTrust);
        trustStoreOf(otherKeys, otherTrust);
    }

    /** Starts the JDK's keytool making a self-signed certificate with the given subject alternative names. */
    private static Process keytool(Path keys, String cn, String san) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC",
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + cn, "-ext", "SAN=" + san, "-validity", "2",
                "-keystore", keys.toString(), "-storetype", "PKCS12",
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static void await(Process p) throws Exception {
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("keytool did not finish");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("keytool failed:\n" + output);
        }
    }

    /** Writes a PKCS12 trust store holding just the certificate of {@code keys}. */
    private static void trustStoreOf(Path keys, Path trust) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            source.load(in, PASSWORD);
        }
        Certificate certificate = source.getCertificate("server");
        assertThat(((X509Certificate) certificate).getSubjectAlternativeNames()).isNotEmpty();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("server", certificate);
        try (OutputStream out = Files.newOutputStream(trust)) {
            store.store(out, PASSWORD);
        }
    }

    /** A javakdb server behind TLS with the given key store, echoing each query's text as a symbol. */
    private static JavakdbServer tlsServer(Path keys, com.kx.c.IAuthenticate auth) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        ServerSocket socket = context.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress());
        assertThat(socket).isInstanceOf(SSLServerSocket.class);
        return new JavakdbServer(socket, auth, k -> {
            while (true) {
                Object[] m = k.readMsg();
                k.kr("tls:" + new String((char[]) m[1]));
            }
        });
    }

    @Test
    void aCustomTrustStoreTrustsTheServerAndTheHostnameIsVerified() throws Exception {
        TlsOptions tls = TlsOptions.trustStore(localhostTrust, PASSWORD);
        assertThat(tls.verifyHostname()).as("on by default").isTrue();
        try (JavakdbServer server = tlsServer(localhostKeys, "ann:pw"::equals)) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                try (QConnection q = QConnection.connect(ConnectionOptions.builder(host, server.port())
                        .tls(tls).credentials("ann", "pw").connectTimeout(Duration.ofSeconds(10)).build())) {
                    assertThat(q.query("hello " + host)).isEqualTo(QSymbol.of("tls:hello " + host));
                    assertThat(q.capability()).isEqualTo(3);
                }
            }
            // without a reader thread too: each call reads its own reply through TLS, without spinning in vain on
            // available(), which over TLS counts only what a read has already decrypted
            try (QConnection q = QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .tls(tls).credentials("ann", "pw").readerThread(false).spinWait(Duration.ofSeconds(1))
                    .connectTimeout(Duration.ofSeconds(10)).build())) {
                long start = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    assertThat(q.query("direct " + i)).isEqualTo(QSymbol.of("tls:direct " + i));
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("5 spins of a second would take 5 s")
                        .isLessThan(Duration.ofSeconds(4));
            }
            assertThat(server.credentialsSeen).containsExactly("ann:pw", "ann:pw", "ann:pw");
            assertThat(server.handshakeFailures).isEmpty();
        }
        assertThat(Q4jThreads.awaitNone("localhost", Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aCertificateForAnotherNameIsRefusedUnlessVerificationIsTurnedOff() throws Exception {
        TlsOptions tls = TlsOptions.trustStore(otherTrust, PASSWORD);
        try (JavakdbServer server = tlsServer(otherKeys, null)) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .tls(tls).connectTimeout(Duration.ofSeconds(10)).build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasMessageContaining("cannot connect to localhost:" + server.port())
                    .hasRootCauseInstanceOf(java.security.cert.CertificateException.class)
                    .rootCause().hasMessageContaining("localhost");
            // trusted but for another name: only an explicit opt-out accepts it
            try (QConnection q = QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .tls(tls.withoutHostnameVerification()).connectTimeout(Duration.ofSeconds(10)).build())) {
                assertThat(q.query("x")).isEqualTo(QSymbol.of("tls:x"));
            }
        }
    }

    @Test
    void theJdksDefaultTrustRefusesASelfSignedCertificate() throws Exception {
        assertThat(TlsOptions.defaults().verifyHostname()).as("on by default").isTrue();
        try (JavakdbServer server = tlsServer(localhostKeys, null)) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .tls(TlsOptions.defaults()).connectTimeout(Duration.ofSeconds(10)).build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasCauseInstanceOf(SSLHandshakeException.class)
                    .hasMessageContaining("PKIX");
            // a plain client against the TLS port: the TLS server waits for the rest of a record that never comes,
            // so the handshake times out (and the alert it sends when the client hangs up is not taken as an answer)
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .retryWithoutCapability(false).connectTimeout(Duration.ofMillis(300)).build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasMessageContaining("timed out after 300 ms");
        }
    }

    @Test
    void tlsIsForTcpOnly() throws IOException {
        TlsOptions tls = TlsOptions.defaults();
        assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(
                Endpoint.unix(dir.resolve("none.sock"))).tls(tls).build()))
                .isInstanceOf(QConnectionException.class)
                .hasMessageContaining("TLS is only supported over TCP");
    }
}
