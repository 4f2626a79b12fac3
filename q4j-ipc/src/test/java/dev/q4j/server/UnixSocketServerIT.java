package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.ipc.Endpoint;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server on a Unix domain socket file (the JDK's own support; the abstract namespace needs q4j-unix and is
 * tested there), alone and beside a TCP port, the q4j client connecting through the same file.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixSocketServerIT {

    @TempDir
    Path dir;

    @Test
    void aSocketFileOnBothSides() throws Exception {
        Path socket = dir.resolve("q.sock");
        List<String> users = new CopyOnWriteArrayList<>();
        QServer server = QServer.start(ServerOptions.builder(Endpoint.unix(socket))
                .authenticator(Authenticator.single("unix", "pw"))
                .requestHandler(TestServers.ECHO)
                .onOpen(c -> users.add(c.user() + " " + c.capability()))
                .build());
        try {
            assertThat(server.endpoints()).containsExactly(Endpoint.unix(socket));
            assertThatThrownBy(server::port).isInstanceOf(IllegalStateException.class);
            assertThat(Files.exists(socket)).isTrue();
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                    .credentials("unix", "pw").connectTimeout(Duration.ofSeconds(5))
                    .requestTimeout(Duration.ofSeconds(10)).build())) {
                assertThat(q.query("over a socket file")).isEqualTo(QCharVector.of("over a socket file"));
                // large enough that a remote peer would get it compressed: a local one never does
                QValue big = QLongVector.of(LongStream.range(0, 100_000).map(i -> i % 3).toArray());
                assertThat(q.execute(big)).isEqualTo(big);
                assertThat(q.call("f", big)).isEqualTo(QList.of(QCharVector.of("f"), big));
            }
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                    .credentials("unix", "wrong").connectTimeout(Duration.ofSeconds(5)).build()))
                    .isInstanceOf(QConnectionException.class);
            assertThat(users).containsExactly("unix 3");
        } finally {
            server.shutdown(Duration.ofSeconds(2));
        }
        // the file goes with the server
        assertThat(Files.exists(socket)).isFalse();
        assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                .connectTimeout(Duration.ofSeconds(2)).build()))
                .isInstanceOf(QConnectionException.class);
    }

    @Test
    void aClientOnASocketFileThatNeverReadsItsReplyIsClosedAfterTheMessageTimeout() throws Exception {
        Path socket = dir.resolve("never.sock");
        QValue big = QLongVector.of(LongStream.range(0, 2L << 20).toArray());   // 16 MiB
        java.util.Map<String, ClientConnection> byUser = new java.util.concurrent.ConcurrentHashMap<>();
        try (LogCapture log = new LogCapture();
             QServer server = QServer.start(ServerOptions.builder(Endpoint.unix(socket))
                     .messageTimeout(Duration.ofMillis(1000))
                     .requestHandler(RequestHandler.sync((client, request) ->
                             request.equals(QSymbol.of("big")) ? big : request))
                     .onOpen(c -> byUser.put(c.user(), c)).build());
             QConnection good = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                     .credentials("good", "").connectTimeout(Duration.ofSeconds(5))
                     .requestTimeout(Duration.ofSeconds(10)).build());
             java.nio.channels.SocketChannel never = java.nio.channels.SocketChannel.open(
                     java.net.UnixDomainSocketAddress.of(socket))) {
            never.write(java.nio.ByteBuffer.wrap(dev.q4j.codec.Handshake.request("never:pw", 3)));
            java.nio.ByteBuffer agreed = java.nio.ByteBuffer.allocate(1);
            while (agreed.hasRemaining() && never.read(agreed) >= 0) {
                // one byte
            }
            assertThat(agreed.get(0)).isEqualTo((byte) 3);
            TestServers.await("never connected", Duration.ofSeconds(5), () -> byUser.containsKey("never"));
            ServerConnection handle = (ServerConnection) byUser.get("never");
            never.write(java.nio.ByteBuffer.wrap(new dev.q4j.codec.Encoder().encode(dev.q4j.codec.MessageType.SYNC,
                    QSymbol.of("big"))));
            // the reader writes the 16 MiB reply through (far more than a socket file's buffers hold), and blocks
            TestServers.await("the reply being written", Duration.ofSeconds(5), handle::writeInProgress);
            assertThat(handle.queued()).isZero();
            List<Thread> threads = TestServers.threadsOf(handle.id());
            assertThat(threads).hasSize(2);
            TestServers.assertStillServes(good, QSymbol.of("during"));
            TestServers.await("the stalled client closed", Duration.ofSeconds(10), () -> !handle.isOpen());
            assertThat(server.clients()).extracting(ClientConnection::user).containsExactly("good");
            log.await(Duration.ofSeconds(5), "(never)", "a write stalled", "ServerOptions.messageTimeout");
            TestServers.awaitEnded(threads, Duration.ofSeconds(5));
            TestServers.assertStillServes(good, QSymbol.of("after"));
        }
    }

    @Test
    void oneServerOnASocketFileAndATcpPort() throws Exception {
        Path socket = dir.resolve("both.sock");
        try (QServer server = QServer.start(ServerOptions.builder(Endpoint.unix(socket))
                .listen(Endpoint.tcp("127.0.0.1", 0))
                .requestHandler(RequestHandler.sync((client, request) -> QSymbol.of(client.peer())))
                .build())) {
            assertThat(server.endpoints()).hasSize(2).contains(Endpoint.unix(socket));
            assertThat(server.port()).isPositive();
            try (QConnection unix = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                    .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10)).build());
                 QConnection tcp = TestServers.connect(server)) {
                assertThat(((QSymbol) unix.query("who")).value()).contains(socket.toString());
                assertThat(((QSymbol) tcp.query("who")).value()).contains("127.0.0.1");
                assertThat(server.clients()).hasSize(2);
                // a push reaches both
                assertThat(server.broadcast(QSymbol.of("hello"))).isEqualTo(2);
            }
        }
    }
}
