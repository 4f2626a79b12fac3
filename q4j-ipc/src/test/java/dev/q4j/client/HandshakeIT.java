package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Handshake;
import dev.q4j.codec.QMessage;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLong;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The handshake byte for byte, against a server that answers whatever the test says. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HandshakeIT {

    /** Records each hello, answers {@code answer}, then echoes the length of each query's text. */
    private static RawServer server(List<String> hellos, int answer) throws Exception {
        return RawServer.tcp(peer -> {
            byte[] hello = peer.readHello();
            hellos.add(new String(hello, StandardCharsets.ISO_8859_1));
            peer.writeRaw(new byte[] {(byte) answer});
            while (true) {
                QMessage m = peer.tolerateDisconnect().read();
                peer.reply(QLong.of(((QCharVector) m.value()).count()));
            }
        });
    }

    private static ConnectionOptions.Builder options(RawServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void sendsUserPasswordCapability3AndNul() throws Exception {
        List<String> hellos = new CopyOnWriteArrayList<>();
        try (RawServer server = server(hellos, 3);
                QConnection q = QConnection.connect(options(server).credentials("bob:pa:ss").build())) {
            assertThat(q.capability()).isEqualTo(3);
            assertThat(q.query("abcd")).isEqualTo(QLong.of(4));
            assertThat(hellos).containsExactly("bob:pa:ss\u0003");
            Handshake.Request r = Handshake.parseRequest(hellos.get(0).getBytes(StandardCharsets.ISO_8859_1),
                    hellos.get(0).length());
            assertThat(r.user()).isEqualTo("bob");
            assertThat(r.password()).isEqualTo("pa:ss");
        }
    }

    @Test
    void noCredentialsSendsTheCapabilityByteAlone() throws Exception {
        List<String> hellos = new CopyOnWriteArrayList<>();
        try (RawServer server = server(hellos, 3);
                QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.query("")).isEqualTo(QLong.of(0));
            assertThat(hellos).containsExactly("\u0003");
        }
    }

    @Test
    void largeMessagesAskFor6AndUseWhatTheServerAgrees() throws Exception {
        List<String> hellos = new CopyOnWriteArrayList<>();
        try (RawServer server = server(hellos, 6);
                QConnection q = QConnection.connect(options(server).credentials("u", "p").largeMessages(true)
                        .build())) {
            assertThat(hellos).containsExactly("u:p\u0006");
            assertThat(q.capability()).isEqualTo(6);
            assertThat(q.query("xy")).isEqualTo(QLong.of(2));
        }
        hellos.clear();
        try (RawServer server = server(hellos, 1);
                QConnection q = QConnection.connect(options(server).largeMessages(true).build())) {
            assertThat(hellos).containsExactly("\u0006");
            assertThat(q.capability()).as("the lower of the two").isEqualTo(1);
        }
    }

    @Test
    void aServerAnsweringHigherThanAskedIsHeldToTheClientsCapability() throws Exception {
        List<String> hellos = new CopyOnWriteArrayList<>();
        try (RawServer server = server(hellos, 6);
                QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.capability()).isEqualTo(3);
        }
    }

    @Test
    void retriesWithoutTheCapabilityByteWhenAnOldServerHangsUp() throws Exception {
        List<String> hellos = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.tcp(peer -> {
            byte[] hello = peer.readHello();
            hellos.add(new String(hello, StandardCharsets.ISO_8859_1));
            Handshake.Request r = Handshake.parseRequest(hello, hello.length);
            if (r.capability() != 0) {
                return;   // a server too old for a capability byte closes the connection
            }
            peer.writeRaw(new byte[] {0});
            while (true) {
                QMessage m = peer.tolerateDisconnect().read();
                peer.reply(QLong.of(((QCharVector) m.value()).count()));
            }
        }); QConnection q = QConnection.connect(options(server).credentials("old", "timer").build())) {
            assertThat(hellos).containsExactly("old:timer\u0003", "old:timer");
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(q.capability()).isEqualTo(0);
            assertThat(q.query("abc")).isEqualTo(QLong.of(3));
        }
    }

    @Test
    void aServerThatHangsUpTwiceRejectedTheCredentials() throws Exception {
        try (RawServer server = RawServer.tcp(peer -> peer.readHello())) {
            assertThatThrownBy(() -> QConnection.connect(options(server).credentials("eve", "guess").build()))
                    .isInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("wrong credentials for user 'eve', or no capacity");
            assertThat(server.accepted()).isEqualTo(2);
            assertThatThrownBy(() -> QConnection.connect(options(server).build()))
                    .isInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("(none were given)");
        }
    }

    @Test
    void aRejectionByResetIsStillAnAuthenticationErrorNotConnectionReset() throws Exception {
        try (RawServer server = RawServer.tcp(peer -> {
            peer.readHello();
            peer.reset();
        })) {
            assertThatThrownBy(() -> QConnection.connect(options(server).credentials("eve", "guess").build()))
                    .isInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("wrong credentials for user 'eve', or no capacity")
                    .hasMessageNotContainingAny("reset", "Reset");
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void aHandshakeWithNoAnswerSuggestsTlsAsTheTlsPortsOfOpenSslStaySilent() throws Exception {
        // an OpenSSL TLS port (kdb+ -E 2, stunnel) waits for a 5-byte record header: a 2-byte kdb+ hello gets nothing
        try (RawServer server = RawServer.tcp(peer -> {
            peer.readHello();
            peer.tolerateDisconnect().awaitEndOfStream(Duration.ofSeconds(10));
        })) {
            assertThatThrownBy(() -> QConnection.connect(options(server).connectTimeout(Duration.ofMillis(300))
                    .build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasMessageContaining("timed out after 300 ms")
                    .hasMessageContaining("if the server uses TLS, connect with TLS");
        }
    }

    @Test
    void aHandshakeWithNoAnswerTimesOutAsAConnectionErrorNotARejection() throws Exception {
        try (RawServer server = RawServer.tcp(peer -> {
            peer.readHello();
            peer.tolerateDisconnect().awaitEndOfStream(Duration.ofSeconds(10));
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> QConnection.connect(options(server).connectTimeout(Duration.ofMillis(300))
                    .build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasMessageContaining("timed out after 300 ms");
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(ms).isBetween(250L, 5000L);
            assertThat(server.accepted()).as("a timeout is not retried as an old server").isEqualTo(1);
        }
    }

    @Test
    void anAnswerThatRacesTheTimeoutsCloseIsStillATimeout() throws Exception {
        // a server that answers only when the client gives up (as a TLS port does: it sends an alert when it sees
        // the client's FIN): the answer may reach the reading thread just as the timeout closes the socket
        try (RawServer server = RawServer.tcp(peer -> {
            peer.readHello();
            peer.tolerateDisconnect();
            if (peer.awaitEndOfStream(Duration.ofSeconds(5))) {
                peer.writeRaw(new byte[] {3});
            }
        })) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> {
                    try (QConnection q = QConnection.connect(options(server).connectTimeout(Duration.ofMillis(100))
                            .retryWithoutCapability(false).errorHandler(e -> { }).build())) {
                        throw new AssertionError("connected on a socket the timeout closed: " + q);
                    }
                }).isExactlyInstanceOf(QConnectionException.class).hasMessageContaining("timed out after 100 ms");
            }
        }
    }

    @Test
    void aServerThatDoesNotAcceptTimesOutWithinTheConnectTimeout() throws Exception {
        // a listening socket that never accepts: once its backlog is full, the kernel drops further SYNs and
        // connect() itself has to time out
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> fillers = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    java.net.Socket f = new java.net.Socket();
                    fillers.add(f);
                    try {
                        f.connect(s.getLocalSocketAddress(), 100);
                    } catch (java.io.IOException full) {
                        break;
                    }
                }
                long start = System.nanoTime();
                assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("127.0.0.1", s.getLocalPort())
                        .connectTimeout(Duration.ofMillis(300)).build()))
                        .isExactlyInstanceOf(QConnectionException.class)
                        .hasMessageContaining("127.0.0.1:" + s.getLocalPort())
                        .hasMessageMatching("(?is).*(connect timed out|timed out after 300 ms).*");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(250L, 5000L);
            } finally {
                for (java.net.Socket f : fillers) {
                    f.close();
                }
            }
        }
    }

    @Test
    void nothingListeningIsAConnectionErrorNamingTheEndpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("127.0.0.1", port).build()))
                .isExactlyInstanceOf(QConnectionException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
        assertThat(Q4jThreads.live("127.0.0.1:" + port)).isEmpty();
    }
}
