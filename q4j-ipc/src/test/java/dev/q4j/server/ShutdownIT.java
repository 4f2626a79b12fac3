package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Graceful shutdown: the server stops accepting at once, lets requests in flight (running handlers and deferred
 * replies) finish within the grace, then closes every connection, frees its port and leaves no thread behind; work
 * that outlives the grace is cut off.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ShutdownIT {

    @Test
    void inFlightRequestsCompleteWithinTheGraceThenEverythingIsClosed() throws Exception {
        int clients = 3;
        int deferredPerClient = 5;
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch deferredArrived = new CountDownLatch(clients * deferredPerClient);
        List<ClientConnection> closed = new CopyOnWriteArrayList<>();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        QServer server = QServer.start(TestServers.loopback()
                .requestHandler((client, request) -> {
                    if (request.equals(QSymbol.of("slow"))) {
                        // a handler still running on the reader thread when the shutdown begins
                        slowStarted.countDown();
                        Thread.sleep(800);
                        return CompletableFuture.completedFuture(QSymbol.of("slow done"));
                    }
                    // a deferred reply, completed from another thread after the shutdown began
                    CompletableFuture<QValue> reply = new CompletableFuture<>();
                    deferredArrived.countDown();
                    later.schedule(() -> reply.complete(QCharVector.of("done " + request)), 600,
                            TimeUnit.MILLISECONDS);
                    return reply;
                })
                .onClose(closed::add)
                .build());
        int port = server.port();
        List<QConnection> connections = new ArrayList<>();
        try {
            List<CompletableFuture<QValue>> replies = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                QConnection q = TestServers.connect(server);
                connections.add(q);
                for (int i = 0; i < deferredPerClient; i++) {
                    replies.add(q.executeAsync(QSymbol.of("c" + c + "r" + i)));
                }
            }
            CompletableFuture<QValue> slow = connections.get(0).executeAsync(QSymbol.of("slow"));
            assertThat(deferredArrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            Thread stopper = new Thread(() -> server.shutdown(Duration.ofSeconds(5)), "test-shutdown");
            stopper.start();
            // it stops accepting at once, while the work in flight goes on
            TestServers.await("new connections refused", Duration.ofSeconds(2), () -> refused(port));
            assertThat(slow).isNotDone();
            stopper.join(5000);
            assertThat(stopper.isAlive()).isFalse();
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("waits for the work in flight, not for the whole grace").isLessThan(3000L);

            // every request in flight got its answer
            assertThat(slow.get(1, TimeUnit.SECONDS)).isEqualTo(QSymbol.of("slow done"));
            for (int c = 0; c < clients; c++) {
                for (int i = 0; i < deferredPerClient; i++) {
                    assertThat(replies.get(c * deferredPerClient + i).get(1, TimeUnit.SECONDS))
                            .isEqualTo(QCharVector.of("done " + QSymbol.of("c" + c + "r" + i)));
                }
            }
            // then the connections were closed
            TestServers.await("clients see the close", Duration.ofSeconds(5),
                    () -> connections.stream().noneMatch(QConnection::isOpen));
            assertThatThrownBy(() -> connections.get(1).query("x")).isInstanceOf(QConnectionException.class);
            assertThat(closed).hasSize(clients);
            assertThat(server.clients()).isEmpty();
            // shutting down again is harmless
            server.close();
        } finally {
            connections.forEach(QConnection::close);
            server.shutdown(Duration.ZERO);
            later.shutdownNow();
        }
        // the port is free again
        assertThat(refused(port)).isTrue();
        try (ServerSocket again = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(awaitNoServerThreads(Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void workOutlivingTheGraceIsCutOff() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        QServer server = QServer.start(TestServers.loopback()
                .requestHandler((client, request) -> {
                    if (request.equals(QSymbol.of("never"))) {
                        arrived.countDown();
                        return new CompletableFuture<>();   // a deferred reply that never comes
                    }
                    return CompletableFuture.completedFuture(request);
                }).build());
        try (QConnection q = TestServers.connect(server)) {
            assertThat(q.query("first")).isEqualTo(QCharVector.of("first"));
            CompletableFuture<QValue> never = q.executeAsync(QSymbol.of("never"));
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            server.shutdown(Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isBetween(250L, 2500L);
            assertThatThrownBy(() -> never.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(QConnectionException.class);
            TestServers.await("the client sees the close", Duration.ofSeconds(5), () -> !q.isOpen());
        } finally {
            server.shutdown(Duration.ZERO);
        }
    }

    @Test
    void clientsThatDoNotReadDoNotHoldTheShutdownBeyondItsGrace() throws Exception {
        int stuck = 4;
        QServer server = QServer.start(TestServers.loopback().requestHandler(TestServers.ECHO).build());
        List<RawClient> raws = new ArrayList<>();
        try {
            for (int i = 0; i < stuck; i++) {
                RawClient raw = RawClient.connect(server.port(), 4096);
                raws.add(raw);
                assertThat(raw.handshake("stuck" + i, 3)).isEqualTo(3);
            }
            TestServers.await("all past the handshake", Duration.ofSeconds(5),
                    () -> server.clients().size() == stuck);
            // far more than the socket buffers take, far less than the 64 MiB queue limit: the writers block
            QValue chunk = QLongVector.of(LongStream.range(0, 128 * 1024).toArray());
            for (int i = 0; i < 16; i++) {
                assertThat(server.broadcast(chunk)).isEqualTo(stuck);
            }
            long start = System.nanoTime();
            server.shutdown(Duration.ofMillis(300));
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).as("shutdown took %d ms", tookMillis).isLessThan(1500L);
            for (RawClient raw : raws) {
                raw.assertClosedByServer(Duration.ofSeconds(5));
            }
            assertThat(server.clients()).isEmpty();
        } finally {
            for (RawClient raw : raws) {
                raw.close();
            }
            server.shutdown(Duration.ZERO);
        }
    }

    @Test
    void awaitShutdownReturnsOnceAnotherThreadHasShutTheServerDown() throws Exception {
        QServer server = TestServers.echo();
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                server.awaitShutdown();
                waited.complete(true);
            } catch (InterruptedException e) {
                waited.completeExceptionally(e);
            }
        }, "test-await-shutdown");
        waiter.start();
        try (QConnection q = TestServers.connect(server)) {
            assertThat(q.query("up")).isEqualTo(QCharVector.of("up"));
            Thread.sleep(100);
            assertThat(waited).isNotDone();
            server.shutdown(Duration.ofSeconds(1));
            assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.shutdown(Duration.ZERO);
            waiter.join(5000);
        }
    }

    /** @return true when nothing listens on 127.0.0.1:{@code port} */
    private static boolean refused(int port) {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                s.close();
            } catch (IOException ignored) {
                // a probe
            }
        }
    }

    /** @return the server threads still alive after waiting up to {@code timeout} for them to end */
    private static List<String> awaitNoServerThreads(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(n -> n.startsWith("q4j-server")).sorted().collect(Collectors.toList());
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(10);
        } while (System.nanoTime() < deadline);
        return left;
    }
}
