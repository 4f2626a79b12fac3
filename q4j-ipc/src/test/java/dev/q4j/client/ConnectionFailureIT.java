package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Lost connections, reconnects, timeouts and close: each pending request learns its fate, promptly and clearly. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConnectionFailureIT {

    private static ConnectionOptions.Builder options(RawServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5));
    }

    /** Reads {@code requests} requests, then writes the first half of a large reply and hangs up. */
    private static void cutMidReply(RawServer.Peer peer, int requests) throws Exception {
        for (int i = 0; i < requests; i++) {
            peer.read();
        }
        long[] data = new long[1000];
        Arrays.fill(data, 7);
        byte[] reply = new Encoder().encode(MessageType.RESPONSE, QLongVector.of(data));
        peer.writeRaw(Arrays.copyOf(reply, reply.length / 2));
        Thread.sleep(50);
    }

    @Test
    void aReplyCutInHalfFailsEveryPendingRequestPromptly() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        CompletableFuture<Throwable> flowError = new CompletableFuture<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            cutMidReply(peer, 4);
        }); QConnection q = QConnection.connect(options(server).errorHandler(reported::add).build())) {
            q.messages().subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(QMessage item) {
                }

                @Override
                public void onError(Throwable t) {
                    flowError.complete(t);
                }

                @Override
                public void onComplete() {
                    flowError.complete(null);
                }
            });
            List<CompletableFuture<QValue>> pending = List.of(q.queryAsync("a"), q.queryAsync("b"),
                    q.queryAsync("c"));
            // no request timeout is set: the failure must come from the loss itself
            assertThatThrownBy(() -> q.query("d"))
                    .isInstanceOf(QConnectionException.class)
                    .hasMessageContaining("127.0.0.1:" + server.port())
                    .hasMessageContaining("lost");
            for (CompletableFuture<QValue> f : pending) {
                assertThatThrownBy(() -> f.get(2, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOf(QConnectionException.class).hasMessageContaining("lost");
            }
            assertThat(q.isOpen()).isFalse();
            // right after the loss it says why; once the connection has closed itself, that it is closed
            assertThatThrownBy(() -> q.query("e")).isInstanceOf(QConnectionException.class)
                    .hasMessageMatching("(?s).*(lost: the stream ended after \\d+ of the \\d+ bytes of a message|"
                            + "connection to 127\\.0\\.0\\.1:\\d+ is closed).*");
            assertThatThrownBy(() -> q.send("f")).isInstanceOf(QConnectionException.class);
            // the loss goes to the Flow subscribers' onError, after the error handler heard of it
            assertThat(flowError.get(2, TimeUnit.SECONDS)).isInstanceOf(QConnectionException.class);
            assertThat(reported).singleElement().isInstanceOf(QConnectionException.class);
        }
        assertThat(Q4jThreads.awaitNone("127.0.0.1", Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void reconnectsWithBackoffCallsTheHookAndServesNewRequests() throws Exception {
        List<String> subscriptions = new CopyOnWriteArrayList<>();
        CountDownLatch reconnected = new CountDownLatch(1);
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        List<QValue> pushed = new CopyOnWriteArrayList<>();
        CountDownLatch pushArrived = new CountDownLatch(2);
        AtomicInteger connections = new AtomicInteger();
        CountDownLatch letItReconnect = new CountDownLatch(1);
        try (RawServer server = RawServer.tcp(peer -> {
            int n = connections.incrementAndGet();
            if (n > 1 && !letItReconnect.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never let it reconnect");
            }
            peer.handshake(3);
            peer.write(MessageType.ASYNC, QSymbol.of("hello from connection " + n));
            if (n == 1) {
                cutMidReply(peer, 1);
                return;
            }
            peer.tolerateDisconnect();
            while (true) {
                QMessage m = peer.read();
                if (m.value() instanceof QList call && call.count() > 0
                        && QCharVector.of(".u.sub").equals(call.at(0))) {
                    subscriptions.add(call.toString());
                    peer.reply(QSymbol.of("subscribed"));
                } else {
                    peer.reply(m.value());
                }
            }
        }); QConnection q = QConnection.connect(options(server)
                .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(50), Duration.ofSeconds(1)))
                .errorHandler(reported::add)
                .listener(m -> {
                    pushed.add(m.value());
                    pushArrived.countDown();
                })
                .onReconnect(c -> {
                    // what a subscriber does: subscribe again on the new connection
                    assertThat(c.call(".u.sub", "trade", "")).isEqualTo(QSymbol.of("subscribed"));
                    reconnected.countDown();
                })
                .build())) {
            CompletableFuture<QValue> lost = q.queryAsync("lost");
            assertThatThrownBy(() -> lost.get(2, TimeUnit.SECONDS))
                    .cause().isInstanceOf(QConnectionException.class);
            // while it waits to reconnect, requests fail at once rather than queue
            long start = System.nanoTime();
            assertThatThrownBy(() -> q.query("meanwhile")).isInstanceOf(QConnectionException.class)
                    .hasMessageContaining("not connected to 127.0.0.1:" + server.port());
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1000);
            assertThat(q.isOpen()).isFalse();
            letItReconnect.countDown();

            assertThat(reconnected.await(5, TimeUnit.SECONDS)).as("onReconnect called").isTrue();
            assertThat(q.isOpen()).isTrue();
            assertThat(q.query("after")).isEqualTo(QCharVector.of("after"));
            assertThat(server.accepted()).isEqualTo(2);
            assertThat(subscriptions).hasSize(1);
            assertThat(reported).first().isInstanceOf(QConnectionException.class);
            // the same listener hears both connections
            assertThat(pushArrived.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pushed).containsExactly(QSymbol.of("hello from connection 1"),
                    QSymbol.of("hello from connection 2"));
        }
        assertThat(Q4jThreads.awaitNone("127.0.0.1", Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void failedReconnectAttemptsLogOneLineEachAndTheStackTraceOnce() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        java.io.ByteArrayOutputStream logged = new java.io.ByteArrayOutputStream();
        // java.util.logging by reflection: the tests are compiled in the module dev.q4j.ipc, which does not read it
        Class<?> loggerClass = Class.forName("java.util.logging.Logger");
        Class<?> handlerClass = Class.forName("java.util.logging.Handler");
        Object logger = loggerClass.getMethod("getLogger", String.class).invoke(null, "dev.q4j.client");
        Object handler = Class.forName("java.util.logging.StreamHandler")
                .getConstructor(java.io.OutputStream.class, Class.forName("java.util.logging.Formatter"))
                .newInstance(logged, Class.forName("java.util.logging.SimpleFormatter").getConstructor().newInstance());
        loggerClass.getMethod("addHandler", handlerClass).invoke(logger, handler);
        try (RawServer server = RawServer.tcp(peer -> {
            if (connections.incrementAndGet() == 1) {
                peer.handshake(3);
                cutMidReply(peer, 1);
            } else {
                peer.readHello();   // and hang up: every reconnect attempt fails
            }
        }); QConnection q = QConnection.connect(options(server).retryWithoutCapability(false)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(20), 4)).build())) {
            CompletableFuture<QValue> lost = q.queryAsync("x");
            assertThatThrownBy(() -> lost.get(2, TimeUnit.SECONDS)).cause().isInstanceOf(QConnectionException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (connections.get() < 5 || q.isOpen() || !logged.toString().contains("reconnect attempt 4")) {
                handlerClass.getMethod("flush").invoke(handler);
                assertThat(System.nanoTime()).as("gave up in time").isLessThan(deadline);
                Thread.sleep(10);
            }
        } finally {
            handlerClass.getMethod("flush").invoke(handler);
            loggerClass.getMethod("removeHandler", handlerClass).invoke(logger, handler);
        }
        List<String> lines = logged.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.stream().filter(l -> l.startsWith("WARNING: q4j connection: reconnect attempt")))
                .as("one line per attempt").hasSize(4);
        assertThat(lines.stream().filter(l -> l.matches("^(Caused by: )?dev\\.q4j\\..*reconnect attempt.*")))
                .as("stack traces of reconnect attempts: the first only").hasSize(1);
    }

    @Test
    void givesUpAfterMaxAttemptsAndCloses() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        try (RawServer server = RawServer.tcp(peer -> {
            if (connections.incrementAndGet() == 1) {
                peer.handshake(3);
                cutMidReply(peer, 1);
            } else {
                peer.readHello();   // and hang up: every later handshake is refused
            }
        }); QConnection q = QConnection.connect(options(server).retryWithoutCapability(false)
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(40), 3))
                .errorHandler(reported::add).build())) {
            CompletableFuture<QValue> lost = q.queryAsync("x");
            assertThatThrownBy(() -> lost.get(2, TimeUnit.SECONDS)).cause().isInstanceOf(QConnectionException.class);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                try {
                    q.query("y");
                } catch (QConnectionException e) {
                    if (e.getMessage().contains("is closed")) {
                        break;
                    }
                }
                assertThat(System.nanoTime()).as("gave up in time").isLessThan(deadline);
                Thread.sleep(10);
            }
            assertThat(connections.get()).isEqualTo(4);
            // the loss, then one report per failed attempt
            assertThat(reported).hasSize(4);
            assertThat(reported.get(0)).hasMessageContaining("lost");
            assertThat(reported.get(3)).hasMessageContaining("reconnect attempt 3");
            assertThat(reported.get(3).getCause()).isInstanceOf(QAuthenticationException.class);
            assertThat(q.isOpen()).isFalse();
        }
        assertThat(Q4jThreads.awaitNone("127.0.0.1", Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void aTimedOutRequestDoesNotDesynchroniseTheStream() throws Exception {
        // the server holds each "slow" reply until the test, having seen the timeout, lets it go
        Semaphore release = new Semaphore(0);
        try (RawServer server = RawServer.tcp(
                HeldReplies.holding("slow", release, text -> QCharVector.of("reply to " + text)));
             QConnection q = QConnection.connect(options(server).requestTimeout(Duration.ofMillis(800)).build())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> q.query("slow 1"))
                    .isInstanceOf(QTimeoutException.class)
                    .hasMessageContaining("800 ms");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(750L, 5000L);
            release.release();
            // the late reply to "slow 1" comes first and is dropped; this caller gets its own
            assertThat(q.query("fast 2")).isEqualTo(QCharVector.of("reply to fast 2"));

            CompletableFuture<QValue> slow3 = q.queryAsync("slow 3");
            CompletableFuture<QValue> slow4 = q.queryAsync("slow 4");
            assertThatThrownBy(() -> slow3.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(QTimeoutException.class);
            assertThatThrownBy(() -> slow4.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(QTimeoutException.class);
            CompletableFuture<QValue> fast5 = q.queryAsync("fast 5");
            release.release(2);
            assertThat(fast5.get(5, TimeUnit.SECONDS)).isEqualTo(QCharVector.of("reply to fast 5"));
            assertThat(q.query("fast 6")).isEqualTo(QCharVector.of("reply to fast 6"));
            assertThat(q.isOpen()).isTrue();
        }
    }

    @Test
    void closeFailsPendingRequestsEndsEveryThreadAndClosesTheSocket() throws Exception {
        CompletableFuture<Boolean> serverSawClose = new CompletableFuture<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.read();   // a request it never answers
            serverSawClose.complete(peer.awaitEndOfStream(Duration.ofSeconds(5)));
        })) {
            QConnection q = QConnection.connect(options(server).listener(m -> { }).build());
            String peer = "127.0.0.1:" + server.port();
            assertThat(Q4jThreads.live(peer)).anyMatch(n -> n.startsWith("q4j-reader-"))
                    .anyMatch(n -> n.startsWith("q4j-delivery-"));
            CompletableFuture<QValue> pending = q.queryAsync("never answered");
            q.close();
            assertThatThrownBy(() -> pending.get(1, TimeUnit.SECONDS))
                    .cause().isInstanceOf(QConnectionException.class).hasMessageContaining("closed");
            assertThat(serverSawClose.get(5, TimeUnit.SECONDS)).as("the server sees the socket closed").isTrue();
            assertThat(Q4jThreads.awaitNone(peer, Duration.ofSeconds(3))).as("its reader and delivery threads")
                    .isEmpty();
            // the timer (handshake watchdogs, request timeouts) is shared and idles out a second after the last
            // handshake
            assertThat(Q4jThreads.awaitNone("q4j-client-timer", Duration.ofSeconds(5))).isEmpty();
            assertThat(q.isOpen()).isFalse();
            q.close();   // idempotent
            assertThatThrownBy(() -> q.query("x")).isInstanceOf(QConnectionException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void closeWritesOutAsyncMessagesLeftInTheBuffer() throws Exception {
        List<String> got = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> sawClose = new CompletableFuture<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.tolerateDisconnect();
            try {
                while (true) {
                    QMessage m = peer.read();
                    got.add(m.type() + " " + m.value());
                }
            } catch (java.io.EOFException end) {
                sawClose.complete(true);
            }
        })) {
            QConnection q = QConnection.connect(options(server).tuning(Tuning.DEFAULT.withAutoFlush(false)).build());
            q.send("upd", "trade", 1L);
            q.send("upd", "trade", 2L);
            q.close();
            assertThat(sawClose.get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(got).hasSize(2);
        }
    }

    @Test
    void aReplyOverTheSizeLimitFailsTheRequestNamingTheLimit() throws Exception {
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.read();
            peer.reply(QLongVector.of(new long[1000]));   // 8014 bytes
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(options(server)
                .limits(dev.q4j.codec.DecodeLimits.DEFAULT.withMaxMessageSize(4096)).errorHandler(e -> { }).build())) {
            assertThatThrownBy(() -> q.query("too big"))
                    .isInstanceOf(QConnectionException.class)
                    .hasMessageContaining("over the limit of 4096 bytes")
                    .hasRootCauseInstanceOf(dev.q4j.QProtocolException.class);
            assertThat(q.isOpen()).isFalse();
        }
    }

    @Test
    void closeDoesNotWaitLongForAServerThatStoppedReading() throws Exception {
        CountDownLatch handshaken = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            handshaken.countDown();
            done.await(10, TimeUnit.SECONDS);   // never reads a message
        })) {
            QConnection q = QConnection.connect(options(server).connectTimeout(Duration.ofMillis(300))
                    .tuning(Tuning.DEFAULT.withAutoFlush(false)).build());
            assertThat(handshaken.await(5, TimeUnit.SECONDS)).isTrue();
            QLongVector chunk = QLongVector.of(new long[128 * 1024]);   // 1 MB a message
            CompletableFuture<Throwable> publisher = CompletableFuture.supplyAsync(() -> {
                try {
                    for (int i = 0; i < 1000; i++) {
                        q.send("upd", "big", chunk);   // blocks once the socket buffers are full
                    }
                    return null;
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(300);
            assertThat(publisher).as("the publisher is stuck on a full socket").isNotDone();
            long start = System.nanoTime();
            q.close();
            // bounded by the connect timeout: the stuck write is abandoned, not waited for
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(200L, 5000L);
            assertThat(publisher.get(5, TimeUnit.SECONDS)).isInstanceOf(QConnectionException.class);
            done.countDown();
        }
        assertThat(Q4jThreads.awaitNone("127.0.0.1", Duration.ofSeconds(3))).isEmpty();
    }
}
