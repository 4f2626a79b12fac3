package dev.q4j.unix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.Transport;
import dev.q4j.ipc.TransportProvider;
import dev.q4j.ipc.Transports;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * q4j connections to Unix sockets in Linux's abstract namespace, where kdb+ listens as {@code @/tmp/kx.PORT}, through
 * junixsocket: found by ServiceLoader, no configuration. Every server binds a unique name (/tmp/q4j-test-RANDOM or a
 * random kx port) so that runs cannot clash.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JunixsocketTransportProviderIT {

    /** Answers the handshake with 3, then echoes each sync message's value. */
    private static void echo(RawServer.Peer peer, List<Handshake.Request> hellos) throws Exception {
        hellos.add(peer.handshake(3));
        while (true) {
            QMessage m = peer.read();
            if (m.type() == MessageType.SYNC) {
                peer.write(MessageType.RESPONSE, m.value());
            }
        }
    }

    private static List<String> q4jThreads(String part) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("q4j-") && n.contains(part)).collect(Collectors.toList());
    }

    private static List<String> awaitNoQ4jThreads(String part) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        List<String> left = q4jThreads(part);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            left = q4jThreads(part);
        }
        return left;
    }

    @Test
    void theProviderIsFoundAndTakesOnlyAbstractEndpoints() {
        List<TransportProvider> providers = new ArrayList<>();
        ServiceLoader.load(TransportProvider.class).forEach(providers::add);
        assertThat(providers).hasAtLeastOneElementOfType(JunixsocketTransportProvider.class);
        JunixsocketTransportProvider p = new JunixsocketTransportProvider();
        assertThat(p.supports(Endpoint.abstractUnix("/tmp/x"))).isTrue();
        assertThat(p.supports(Endpoint.kdbUnix(5000))).isTrue();
        assertThat(p.supports(Endpoint.unix(Path.of("/tmp/x.sock")))).as("socket files stay with the JDK").isFalse();
        assertThat(p.supports(Endpoint.tcp("localhost", 5000))).isFalse();
    }

    @Test
    void queriesOverAnAbstractSocket() throws Exception {
        String name = AbstractSockets.uniqueName();
        List<Handshake.Request> hellos = new CopyOnWriteArrayList<>();
        QLongVector big = QLongVector.of(LongStream.range(0, 5000).map(i -> i % 4).toArray());
        try (RawServer server = AbstractSockets.server(name, peer -> echo(peer, hellos))) {
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                    .credentials("carol", "pw").build())) {
                assertThat(q.query("over the abstract namespace"))
                        .isEqualTo(QCharVector.of("over the abstract namespace"));
                assertThat(q.capability()).isEqualTo(3);
                assertThat(q.execute(big)).isEqualTo(big);
                // pipelined
                List<CompletableFuture<QValue>> futures = new ArrayList<>();
                for (long i = 0; i < 200; i++) {
                    futures.add(q.executeAsync(QLong.of(i)));
                }
                for (int i = 0; i < 200; i++) {
                    assertThat(futures.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(QLong.of(i));
                }
            }
            // the address form works too
            try (QConnection q = QConnection.connect(ConnectionOptions.of("@" + name))) {
                assertThat(q.query("again")).isEqualTo(QCharVector.of("again"));
            }
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(hellos).hasSize(2);
            assertThat(hellos.get(0).user()).isEqualTo("carol");
            assertThat(hellos.get(0).password()).isEqualTo("pw");
            assertThat(hellos.get(0).capability()).isEqualTo(3);
        }
        assertThat(awaitNoQ4jThreads(name)).as("no q4j thread left").isEmpty();
    }

    @Test
    void theTransportIsLocalSoNothingIsCompressedByKdbsRules() throws Exception {
        String name = AbstractSockets.uniqueName();
        List<byte[]> raw = new CopyOnWriteArrayList<>();
        QLongVector big = QLongVector.of(new long[5000]);
        try (RawServer server = AbstractSockets.server(name, peer -> {
            peer.handshake(3);
            QMessage m = peer.read();
            raw.addAll(peer.rawMessages);
            peer.write(MessageType.RESPONSE, m.value());
            peer.endOfStream();
        })) {
            try (Transport t = Transports.connect(Endpoint.abstractUnix(name), Duration.ofSeconds(5), null)) {
                assertThat(t.isLocal()).isTrue();
                assertThat(t.peer()).isEqualTo("@" + name);
            }
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                    .build())) {
                assertThat(q.execute(big)).isEqualTo(big);
            }
            assertThat(raw).singleElement().satisfies(m -> assertThat(m[2]).as("not compressed").isZero());
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void kdbsOwnNameForAPort() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        List<Handshake.Request> hellos = new CopyOnWriteArrayList<>();
        // where kdb+ started with -p PORT listens on Linux
        try (RawServer server = AbstractSockets.server("/tmp/kx." + port, peer -> echo(peer, hellos));
                QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.kdbUnix(port)).build())) {
            assertThat(q.query("til 3")).isEqualTo(QCharVector.of("til 3"));
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    @Test
    void pushedMessagesAndCloseOverAnAbstractSocket() throws Exception {
        String name = AbstractSockets.uniqueName();
        int updates = 500;
        CompletableFuture<Boolean> serverSawClose = new CompletableFuture<>();
        List<QValue> heard = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(updates);
        try (RawServer server = AbstractSockets.server(name, peer -> {
            peer.handshake(3);
            peer.read();   // .u.sub
            peer.write(MessageType.RESPONSE, QSymbol.of("trade"));
            for (long i = 0; i < updates; i++) {
                peer.write(MessageType.ASYNC, QList.of(QSymbol.of("upd"), QSymbol.of("trade"),
                        QLong.of(i)));
            }
            serverSawClose.complete(peer.endOfStream());
        })) {
            QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                    .listener(m -> {
                        heard.add(((QList) m.value()).at(2));
                        all.countDown();
                    }).build());
            assertThat(q.call(".u.sub", "trade", "")).isEqualTo(QSymbol.of("trade"));
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < updates; i++) {
                assertThat(heard.get(i)).isEqualTo(QLong.of(i));
            }
            q.close();
            assertThat(serverSawClose.get(5, TimeUnit.SECONDS)).as("the server sees the socket closed").isTrue();
            assertThat(server.accepted()).isEqualTo(1);
        }
        assertThat(awaitNoQ4jThreads(name)).isEmpty();
    }

    @Test
    void javakdbServesOverAnAbstractSocketToo() throws Exception {
        String name = AbstractSockets.uniqueName();
        List<String> credentials = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> serverEnd = new CompletableFuture<>();
        try (AFUNIXServerSocket ss = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.inAbstractNamespace(name))) {
            Thread server = new Thread(() -> {
                try {
                    c k = new c(ss, s -> credentials.add(s) || true);
                    try {
                        while (true) {
                            Object[] m = k.readMsg();
                            k.kr(new String[] {"javakdb", new String((char[]) m[1])});
                        }
                    } finally {
                        k.close();
                    }
                } catch (Throwable t) {
                    serverEnd.complete(t);
                }
            }, "test-javakdb-abstract");
            server.setDaemon(true);
            server.start();
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                    .credentials("dan:pw").build())) {
                assertThat(q.query("hi")).isEqualTo(dev.q4j.value.QSymbolVector.of("javakdb", "hi"));
            }
            // the client closed: javakdb's read ends
            assertThat(serverEnd.get(5, TimeUnit.SECONDS)).isInstanceOf(java.io.IOException.class);
            server.join(5000);
            assertThat(server.isAlive()).isFalse();
            assertThat(credentials).containsExactly("dan:pw");
        }
    }

    @Test
    void aQ4jServerListensWhereKdbWouldAndAClientReachesIt() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        try (QServer server = QServer.start(ServerOptions.builder(Endpoint.kdbUnix(port))
                .requestHandler(RequestHandler.sync((client, request) -> QList.of(QSymbol.of("echo"), request)))
                .build())) {
            assertThat(server.endpoints()).containsExactly(Endpoint.kdbUnix(port));
            // the name is taken while the server holds it
            assertThatThrownBy(() -> Transports.listen(Endpoint.kdbUnix(port), null))
                    .isInstanceOf(java.io.IOException.class).hasMessageContaining("cannot listen on @/tmp/kx." + port);
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.kdbUnix(port))
                    .credentials("eve", "pw").build())) {
                assertThat(q.query("til 3")).isEqualTo(QList.of(QSymbol.of("echo"), QCharVector.of("til 3")));
                assertThat(q.capability()).isEqualTo(3);
            }
        }
        // closed: the name is free again
        try (dev.q4j.ipc.Listener again = Transports.listen(Endpoint.kdbUnix(port), null)) {
            assertThat(again.endpoint()).isEqualTo(Endpoint.kdbUnix(port));
        }
        assertThat(awaitNoQ4jThreads("kx." + port)).isEmpty();
    }

    @Test
    void aQ4jServerClosesAnAbstractSocketClientThatNeverReadsItsReplyAfterTheMessageTimeout() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        QValue big = QLongVector.of(LongStream.range(0, 2L << 20).toArray());   // 16 MiB: far beyond socket buffers
        java.util.Map<String, dev.q4j.server.ClientConnection> byUser = new java.util.concurrent.ConcurrentHashMap<>();
        Duration timeout = Duration.ofMillis(1000);
        try (QServer server = QServer.start(ServerOptions.builder(Endpoint.kdbUnix(port)).messageTimeout(timeout)
                .requestHandler(RequestHandler.sync((client, request) ->
                        request.equals(QSymbol.of("big")) ? big : request))
                .onOpen(c -> byUser.put(c.user(), c))
                .build());
             QConnection good = QConnection.connect(ConnectionOptions.builder(Endpoint.kdbUnix(port))
                     .credentials("good", "").requestTimeout(Duration.ofSeconds(10)).build());
             AFUNIXSocket never = AFUNIXSocket.newInstance()) {
            never.connect(AFUNIXSocketAddress.inAbstractNamespace("/tmp/kx." + port), 5000);
            never.setSoTimeout(5000);
            never.getOutputStream().write(Handshake.request("never:pw", 3));
            assertThat(never.getInputStream().read()).isEqualTo(3);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!byUser.containsKey("never") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            dev.q4j.server.ClientConnection handle = byUser.get("never");
            assertThat(handle).as("never connected").isNotNull();
            List<String> threads = q4jThreads("-" + handle.id());
            assertThat(threads).containsExactlyInAnyOrder("q4j-server-read-" + handle.id(),
                    "q4j-server-write-" + handle.id());
            long sentAt = System.nanoTime();
            never.getOutputStream().write(new dev.q4j.codec.Encoder().encode(MessageType.SYNC, QSymbol.of("big")));
            // the reply cannot go out: the server's reader blocks writing it until the timeout closes the socket
            assertThat(good.query("during")).isEqualTo(QCharVector.of("during"));
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (handle.isOpen() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(handle.isOpen()).as("closed within 10 s").isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - sentAt)).as("not before the timeout")
                    .isGreaterThanOrEqualTo(timeout);
            // no thread of that connection left blocked
            assertThat(awaitNoQ4jThreads("-" + handle.id())).isEmpty();
            assertThat(good.query("after")).isEqualTo(QCharVector.of("after"));
            assertThat(server.clients()).hasSize(1);
        }
    }

    @Test
    void nothingListeningIsAConnectionErrorNamingTheAddress() {
        String name = AbstractSockets.uniqueName();
        assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                .build()))
                .isExactlyInstanceOf(QConnectionException.class)
                .hasMessageStartingWith("cannot connect to @" + name + ": ")
                .satisfies(e -> assertThat(e.getMessage().split("cannot connect", -1)).as("said once").hasSize(2));
    }

    @Test
    void rejectedCredentialsOverAnAbstractSocket() throws Exception {
        String name = AbstractSockets.uniqueName();
        try (RawServer server = AbstractSockets.server(name, peer -> {
            // read the hello and hang up: a rejection
            peer.endOfStreamAfterHello();
        })) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(Endpoint.abstractUnix(name))
                    .credentials("mallory", "x").build()))
                    .isInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("'mallory'");
            assertThat(server.accepted()).isEqualTo(2);
        }
    }

    @Test
    void socketFilesStillGoThroughTheJdk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("q.sock");
        try (ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            ssc.bind(UnixDomainSocketAddress.of(file));
            CompletableFuture<QConnection> connecting = CompletableFuture.supplyAsync(
                    () -> QConnection.connect(ConnectionOptions.builder(Endpoint.unix(file)).build()));
            try (SocketChannel ch = ssc.accept()) {
                java.nio.ByteBuffer hello = java.nio.ByteBuffer.allocate(2);
                while (hello.hasRemaining()) {
                    ch.read(hello);
                }
                assertThat(hello.array()).containsExactly(3, 0);
                ch.write(java.nio.ByteBuffer.wrap(new byte[] {3}));
                try (QConnection q = connecting.get(5, TimeUnit.SECONDS)) {
                    assertThat(q.capability()).isEqualTo(3);
                }
            }
        }
    }
}
