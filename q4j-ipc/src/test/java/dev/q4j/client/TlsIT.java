package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.TlsOptions;
import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.testing.tools.SelfSignedCertificate;
import dev.q4j.value.QSymbol;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final char[] PASSWORD = SelfSignedCertificate.PASSWORD.toCharArray();

    @TempDir
    static Path dir;

    /** a certificate for localhost / 127.0.0.1, with its key store and trust store */
    private static SelfSignedCertificate localhost;
    /** the same for a certificate naming only a host that is not this one */
    private static SelfSignedCertificate other;

    @BeforeAll
    static void certificates() throws Exception {
        // the two keytool runs overlap: each is a JVM start
        SelfSignedCertificate.Pending localhostKeys = SelfSignedCertificate.start(dir, "localhost",
                "dns:localhost,ip:127.0.0.1");
        SelfSignedCertificate.Pending otherKeys = SelfSignedCertificate.start(dir, "q4j-elsewhere.invalid",
                "dns:q4j-elsewhere.invalid");
        localhost = localhostKeys.await();
        other = otherKeys.await();
        assertThat(localhost.certificate().getSubjectAlternativeNames()).isNotEmpty();
        assertThat(other.certificate().getSubjectAlternativeNames()).isNotEmpty();
    }

    /** A javakdb server behind TLS with the given certificate, echoing each query's text as a symbol. */
    private static JavakdbServer tlsServer(SelfSignedCertificate certificate, com.kx.c.IAuthenticate auth)
            throws Exception {
        ServerSocket socket = certificate.serverSocket();
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
        TlsOptions tls = TlsOptions.trustStore(localhost.trustStore(), PASSWORD);
        assertThat(tls.verifyHostname()).as("on by default").isTrue();
        try (JavakdbServer server = tlsServer(localhost, "ann:pw"::equals)) {
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
        TlsOptions tls = TlsOptions.trustStore(other.trustStore(), PASSWORD);
        try (JavakdbServer server = tlsServer(other, null)) {
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
        try (JavakdbServer server = tlsServer(localhost, null)) {
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
