package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.internal.jfr.JfrCapture;
import dev.q4j.ipc.TlsOptions;
import dev.q4j.testing.tools.SelfSignedCertificate;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server behind TLS ({@link ServerOptions.Builder#tls(SSLContext)}) with a self-signed certificate made by the
 * JDK's keytool, and the q4j client trusting exactly that certificate, hostname verification on.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TlsServerIT {
    /** 16 MiB, more than a client that does not read can take */
    private static final QValue BIG = QLongVector.of(LongStream.range(0, 2L << 20).toArray());
    /** Answers {@code `big} with {@link #BIG}, and echoes the rest. */
    private static final RequestHandler BIG_OR_ECHO = RequestHandler.sync((client, request) ->
            request.equals(QSymbol.of("big")) ? BIG : request);

    @TempDir
    static Path dir;

    private static SSLContext serverContext;
    private static TlsOptions clientTrust;

    @BeforeAll
    static void certificate() throws Exception {
        SelfSignedCertificate localhost = SelfSignedCertificate.make(dir, "localhost", "dns:localhost,ip:127.0.0.1");
        serverContext = localhost.serverContext();
        // the client trusts just this certificate
        clientTrust = TlsOptions.trustStore(localhost.trustStore(), SelfSignedCertificate.PASSWORD.toCharArray());
    }

    private static QServer tlsServer(ServerOptions.Builder builder) throws IOException {
        return QServer.start(builder.tls(serverContext).build());
    }

    /** {@return a q4j client over TLS, as user {@code good}, to check that the server still serves others} */
    private static QConnection goodClient(QServer server) {
        return QConnection.connect(ConnectionOptions.builder("localhost", server.port()).tls(clientTrust)
                .credentials("good", "").connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(10))
                .build());
    }

    /**
     * {@return a TLS client, with a small receive buffer, that has shaken hands as {@code user} and reads nothing more}
     *
     * @param byUser the server's connections by user (its {@code onOpen}), which the client is awaited in
     */
    private static SSLSocket unreadingClient(QServer server, String user, Map<String, ClientConnection> byUser)
            throws IOException, InterruptedException {
        Socket plain = new Socket();
        plain.setReceiveBufferSize(4096);
        plain.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
        SSLSocket tls = (SSLSocket) clientTrust.context().getSocketFactory()
                .createSocket(plain, "localhost", server.port(), true);
        try {
            tls.setSoTimeout(5000);
            tls.startHandshake();
            tls.getOutputStream().write(Handshake.request(user + ":pw", 3));
            tls.getOutputStream().flush();
            assertThat(tls.getInputStream().read()).isEqualTo(3);
            TestServers.await(user + " connected", Duration.ofSeconds(5), () -> byUser.containsKey(user));
            return tls;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            tls.close();
            throw e;
        }
    }

    /**
     * {@return the server's connection, once its reader is writing the reply through and blocked: the client asked
     * {@link #BIG_OR_ECHO} for {@link #BIG}, and reads nothing}
     */
    private static ServerConnection writingBigTo(SSLSocket tls, ServerConnection connection)
            throws IOException, InterruptedException {
        tls.getOutputStream().write(new Encoder().encode(MessageType.SYNC, QSymbol.of("big")));
        tls.getOutputStream().flush();
        TestServers.await("the reply being written", Duration.ofSeconds(5), connection::writeInProgress);
        return connection;
    }

    @Test
    void aTlsClientAuthenticatesQueriesAndPipelines() throws Exception {
        try (QServer server = tlsServer(TestServers.loopback()
                .authenticator(Authenticator.single("ann", "secret"))
                .requestHandler(TestServers.ECHO))) {
            for (String host : List.of("localhost", "127.0.0.1")) {
                try (QConnection q = QConnection.connect(ConnectionOptions.builder(host, server.port())
                        .tls(clientTrust).credentials("ann", "secret")
                        .connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(10)).build())) {
                    assertThat(q.capability()).isEqualTo(3);
                    assertThat(q.query("over tls to " + host)).isEqualTo(QCharVector.of("over tls to " + host));
                    QValue big = QLongVector.of(LongStream.range(0, 200_000).toArray());
                    assertThat(q.execute(big)).isEqualTo(big);
                    List<CompletableFuture<QValue>> replies = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        replies.add(q.executeAsync(QSymbol.of("s" + i)));
                    }
                    for (int i = 0; i < 1000; i++) {
                        assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(QSymbol.of("s" + i));
                    }
                    assertThat(server.clients()).singleElement()
                            .satisfies(c -> assertThat(c.user()).isEqualTo("ann"));
                }
            }
            // wrong password over TLS: closed, as without TLS
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                    .tls(clientTrust).credentials("ann", "guess").connectTimeout(Duration.ofSeconds(10)).build()))
                    .isInstanceOf(QConnectionException.class);
        }
    }

    @Test
    @SuppressWarnings("try")   // the client is there to not read: the test never uses it
    void aTlsClientThatNeverReadsIsCutOffWithoutBlockingTheSender() throws Exception {
        Map<String, ClientConnection> byUser = new ConcurrentHashMap<>();
        try (LogCapture log = new LogCapture();
             QServer server = tlsServer(TestServers.loopback().requestHandler(TestServers.ECHO)
                     .maxQueuedBytes(256 * 1024).onOpen(c -> byUser.put(c.user(), c)));
             QConnection good = goodClient(server);
             SSLSocket tls = unreadingClient(server, "slow", byUser)) {
            ClientConnection slow = byUser.get("slow");
            QValue chunk = QLongVector.of(LongStream.range(0, 8 * 1024).toArray());
            // pushed from another thread, which must not hang when the server cuts the client off
            CompletableFuture<Integer> pushes = CompletableFuture.supplyAsync(() -> {
                int n = 0;
                while (slow.send(chunk) && n < 2000) {
                    n++;
                }
                return n;
            });
            assertThat(pushes.get(10, TimeUnit.SECONDS)).isLessThan(2000);
            assertThat(slow.isOpen()).isFalse();
            log.await(Duration.ofSeconds(5), "(slow)", "too slow");
            TestServers.assertStillServes(good, QSymbol.of("unaffected"));
        }
    }

    @Test
    void aTlsClientThatNeverReadsItsReplyIsClosedAfterTheMessageTimeoutAndFreesTheReaderThread() throws Exception {
        Map<String, ClientConnection> byUser = new ConcurrentHashMap<>();
        try (LogCapture log = new LogCapture();
             QServer server = tlsServer(TestServers.loopback().messageTimeout(Duration.ofMillis(1000))
                     .requestHandler(BIG_OR_ECHO)
                     .onOpen(c -> byUser.put(c.user(), c)));
             QConnection good = goodClient(server);
             SSLSocket tls = unreadingClient(server, "never", byUser)) {
            ServerConnection never = writingBigTo(tls, (ServerConnection) byUser.get("never"));
            assertThat(never.queued()).isZero();
            List<Thread> threads = TestServers.threadsOf(never.id());
            assertThat(threads).hasSize(2);
            TestServers.assertStillServes(good, QSymbol.of("during"));
            TestServers.await("the stalled client closed", Duration.ofSeconds(10), () -> !never.isOpen());
            log.await(Duration.ofSeconds(5), "(never)", "a write stalled", "ServerOptions.messageTimeout");
            TestServers.awaitEnded(threads, Duration.ofSeconds(5));
            TestServers.assertStillServes(good, QSymbol.of("after"));
        }
    }

    @Test
    void closingATlsClientWhoseReplyIsStuckReturnsAndFreesTheReaderThread() throws Exception {
        Map<String, ClientConnection> byUser = new ConcurrentHashMap<>();
        try (QServer server = tlsServer(TestServers.loopback().messageTimeout(Duration.ofSeconds(60))
                     .requestHandler(BIG_OR_ECHO)
                     .onOpen(c -> byUser.put(c.user(), c)));
             QConnection good = goodClient(server);
             SSLSocket tls = unreadingClient(server, "stuck", byUser)) {
            ServerConnection stuck = writingBigTo(tls, (ServerConnection) byUser.get("stuck"));
            List<Thread> threads = TestServers.threadsOf(stuck.id());
            // the service closes the connection (an ordinary close, no reason): it must not wait on the write
            CompletableFuture.runAsync(stuck::close).get(5, TimeUnit.SECONDS);
            assertThat(stuck.isOpen()).isFalse();
            TestServers.awaitEnded(threads, Duration.ofSeconds(5));
            TestServers.assertStillServes(good, QSymbol.of("after"));
        }
    }

    @Test
    void aPlainQ4jClientOnTheTlsPortFailsFastWithAMessageSuggestingTls() throws Exception {
        try (LogCapture log = new LogCapture();
             QServer server = tlsServer(TestServers.loopback().requestHandler(TestServers.ECHO))) {
            // without credentials the kdb+ hello is 2 bytes, less than a TLS record header: nothing answered it
            for (String user : new String[] {"", "ann"}) {
                long start = System.nanoTime();
                ConnectionOptions.Builder plain = ConnectionOptions.builder("127.0.0.1", server.port())
                        .connectTimeout(Duration.ofSeconds(10));
                if (!user.isEmpty()) {
                    plain.credentials(user, "pw");
                }
                assertThatThrownBy(() -> QConnection.connect(plain.build()))
                        .isInstanceOf(QConnectionException.class)
                        .isNotInstanceOf(dev.q4j.client.QAuthenticationException.class)
                        .hasMessageContaining("TLS");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("failed at once, not at a timeout")
                        .isLessThan(Duration.ofSeconds(3));
            }
            log.await(Duration.ofSeconds(5), "disconnected", "not TLS");
        }
    }

    @Test
    void aPlainClientOnTheTlsPortIsDisconnectedAndOthersGoOn() throws Exception {
        try (LogCapture log = new LogCapture();
             QServer server = tlsServer(TestServers.loopback().requestHandler(TestServers.ECHO));
             QConnection good = QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                     .tls(clientTrust).connectTimeout(Duration.ofSeconds(10)).requestTimeout(Duration.ofSeconds(10))
                     .build())) {
            try (RawClient plain = RawClient.connect(server.port())) {
                // a kdb+ handshake where the server expects a TLS ClientHello
                plain.writeMaybeRefused(Handshake.request("ann:pw", 3));
                plain.assertClosedByServer(Duration.ofSeconds(5));
            }
            log.await(Duration.ofSeconds(5), "disconnected");
            TestServers.assertStillServes(good, QSymbol.of("still fine"));
        }
    }

    @Test
    void aTlsConnectionIsRecordedWithTransportTls() throws Exception {
        try (JfrCapture jfr = new JfrCapture();
             QServer server = tlsServer(TestServers.loopback().requestHandler(TestServers.ECHO));
             QConnection q = QConnection.connect(ConnectionOptions.builder("localhost", server.port())
                     .tls(clientTrust).connectTimeout(Duration.ofSeconds(10)).build())) {
            assertThat(q.query("x")).isEqualTo(QCharVector.of("x"));
            RecordedEvent opened = jfr.awaitOne("dev.q4j.ClientConnectionOpened", e -> true);
            assertThat(opened.getString("transport")).isEqualTo("TLS");
            assertThat(opened.getString("endpoint")).isEqualTo("localhost:" + server.port());
        }
    }
}
