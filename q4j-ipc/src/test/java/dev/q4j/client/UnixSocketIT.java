package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Compression;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Endpoint;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unix domain sockets with the JDK alone: a socket file served by a JDK ServerSocketChannel; and Linux's abstract
 * namespace, which needs the q4j-unix module (not on this module's class path) and says so.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixSocketIT {

    @TempDir
    Path dir;

    @Test
    void aSocketFileServedByTheJdk() throws Exception {
        Path socket = dir.resolve("q.sock");
        List<String> hellos = new CopyOnWriteArrayList<>();
        List<byte[]> raw = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> sawClose = new CompletableFuture<>();
        QLongVector big = QLongVector.of(LongStream.range(0, 4000).map(i -> i % 3).toArray());
        try (RawServer server = RawServer.unix(socket, peer -> {
            hellos.add(peer.handshake(3).toString());
            for (int i = 0; i < 3; i++) {
                QMessage m = peer.read();
                raw.add(peer.rawMessages.get(i));
                peer.reply(m.value());
            }
            sawClose.complete(peer.awaitEndOfStream(Duration.ofSeconds(5)));
        })) {
            QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                    .credentials("unix", "user").build());
            try {
                assertThat(q.query("over a socket file")).isEqualTo(QCharVector.of("over a socket file"));
                assertThat(q.execute(big)).isEqualTo(big);
                assertThat(q.call("f", big)).isEqualTo(QList.of(QCharVector.of("f"), big));
            } finally {
                q.close();
            }
            assertThat(server.accepted()).isEqualTo(1);
            assertThat(hellos).containsExactly("Request[user=unix, capability=3]");
            // a Unix socket peer is local: kdb+'s rules never compress for it
            assertThat(raw).hasSize(3).allSatisfy(m -> {
                assertThat(m[1]).isEqualTo(MessageType.SYNC.code());
                assertThat(m[2]).isEqualTo((byte) 0);
            });
            assertThat(sawClose.get(5, TimeUnit.SECONDS)).as("the server sees the socket closed").isTrue();
        }
        assertThat(Q4jThreads.awaitNone(socket.toString(), Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aConnectionWithoutAReaderThreadDoesNotSpinInVainOnASocketFile() throws Exception {
        // the JDK's socket-file stream always says 0 bytes are available: a spin on it would last all of spinWait
        Path socket = dir.resolve("d.sock");
        try (RawServer server = RawServer.unix(socket, peer -> {
            peer.handshake(3);
            for (int i = 0; i < 5; i++) {
                peer.reply(peer.read().value());
            }
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                .readerThread(false).spinWait(java.time.Duration.ofSeconds(1)).build())) {
            long start = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(q.query("x" + i)).isEqualTo(dev.q4j.value.QCharVector.of("x" + i));
            }
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).as("5 spins of a second would take 5 s")
                    .isLessThan(java.time.Duration.ofSeconds(4));
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aSocketFileAddressParsesAndCompressionCanBeForced() throws Exception {
        Path socket = dir.resolve("z.sock");
        List<byte[]> raw = new CopyOnWriteArrayList<>();
        QLongVector big = QLongVector.of(new long[4000]);
        try (RawServer server = RawServer.unix(socket, peer -> {
            peer.handshake(3);
            QMessage m = peer.read();
            raw.addAll(peer.rawMessages);
            peer.reply(m.value());
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.parse("unix://" + socket))
                .compression(Compression.ALWAYS).build())) {
            assertThat(q.execute(big)).isEqualTo(big);
            assertThat(raw.get(0)[2]).as("compressed when forced").isEqualTo((byte) 1);
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aMissingSocketFileIsAConnectionError() {
        Path missing = dir.resolve("nobody-listens.sock");
        assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(Endpoint.unix(missing)).build()))
                .isExactlyInstanceOf(QConnectionException.class)
                .hasMessageStartingWith("cannot connect to unix://" + missing + ": ")
                .satisfies(e -> assertThat(e.getMessage().split("cannot connect", -1)).as("said once").hasSize(2));
    }

    @Test
    void theAbstractNamespaceNeedsQ4jUnixAndTheErrorSaysSo() {
        for (Endpoint e : List.of(Endpoint.kdbUnix(5000), Endpoint.parse("@/tmp/q4j-test-none"),
                Endpoint.abstractUnix("/tmp/kx.5001"))) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(e).build()))
                    .isExactlyInstanceOf(QConnectionException.class)
                    .hasMessage("cannot connect to " + e + ": the JDK cannot reach Linux's abstract Unix sockets; "
                            + "add the q4j-unix module (junixsocket) to the class or module path");
        }
        assertThat(Endpoint.kdbUnix(5000).toString()).isEqualTo("@/tmp/kx.5000");
        assertThat(Q4jThreads.live("@/tmp")).isEmpty();
    }
}
