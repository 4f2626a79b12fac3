package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.QMessage;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QValue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request timeout: it costs nothing once a request is answered, and a connection that has lost step (a reply
 * that never comes, so that every later request would time out too) is closed as broken.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RequestTimeoutIT {

    private static ConnectionOptions.Builder options(RawServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5));
    }

    @Test
    void answeredRepliesAreNotKeptAliveByALongRequestTimeout() throws Exception {
        try (QServer server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                .requestHandler(RequestHandler.sync((client, request) -> request)).build());
             QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                     .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofMinutes(10)).build())) {
            List<WeakReference<QValue>> replies = new ArrayList<>();
            List<WeakReference<CompletableFuture<QValue>>> futures = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                QValue reply = q.execute(QLongVector.of(new long[2048]));
                replies.add(new WeakReference<>(reply));
                CompletableFuture<QValue> f = q.executeAsync(QLongVector.of(new long[] {i}));
                f.get(5, TimeUnit.SECONDS);
                futures.add(new WeakReference<>(f));
            }
            // nothing holds them now but what the timeout machinery may still hold
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (alive(replies) + alive(futures) > 0) {
                assertThat(System.nanoTime())
                        .as(alive(replies) + " replies and " + alive(futures) + " futures still reachable "
                                + "after completion: the 10-minute timeout holds them")
                        .isLessThan(deadline);
                System.gc();
                Thread.sleep(20);
            }
            // the timeout tasks themselves are gone from the timer's queue, not only their referents
            assertThat(Session.TIMER.getQueue()).isEmpty();
        }
    }

    private static void until(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 5 s waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    private static int alive(List<? extends WeakReference<?>> refs) {
        int n = 0;
        for (WeakReference<?> r : refs) {
            if (r.get() != null) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aConnectionWhoseTimedOutReplyNeverComesIsClosedWhenTheNextRequestTimesOut() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.tolerateDisconnect();
            while (true) {
                peer.read();   // and never answer
            }
        }); QConnection q = QConnection.connect(options(server).requestTimeout(Duration.ofMillis(300))
                .errorHandler(reported::add).build())) {
            assertThatThrownBy(() -> q.query("first")).isInstanceOf(QTimeoutException.class);
            assertThat(q.isOpen()).as("one timeout alone: the reply may still come").isTrue();
            CompletableFuture<QValue> queued = q.queryAsync("second");
            CompletableFuture<QValue> third = q.queryAsync("third");
            assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(QTimeoutException.class);
            // the connection has lost step: closed as broken (no reconnect policy here)
            assertThatThrownBy(() -> third.get(5, TimeUnit.SECONDS)).cause()
                    .isInstanceOf(QConnectionException.class).hasMessageContaining("lost step");
            until("closed", () -> !q.isOpen());
            assertThat(reported).anySatisfy(t -> assertThat(t).hasMessageContaining("lost step")
                    .hasMessageContaining("300 ms"));
            assertThatThrownBy(() -> q.query("after")).isInstanceOf(QConnectionException.class);
        }
    }

    @Test
    void aConnectionThatLostStepReconnectsUnderItsReconnectPolicy() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (RawServer server = RawServer.tcp(peer -> {
            boolean first = connections.incrementAndGet() == 1;
            peer.handshake(3);
            peer.tolerateDisconnect();
            while (true) {
                QMessage m = peer.read();
                if (!first) {
                    peer.reply(QCharVector.of("reply to " + ((QCharVector) m.value()).asString()));
                }
            }
        }); QConnection q = QConnection.connect(options(server).requestTimeout(Duration.ofMillis(300))
                .reconnect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(40), 5))
                .errorHandler(t -> { }).build())) {
            assertThatThrownBy(() -> q.query("lost 1")).isInstanceOf(QTimeoutException.class);
            assertThatThrownBy(() -> q.query("lost 2")).isInstanceOf(QTimeoutException.class);
            until("reconnected", () -> connections.get() == 2 && q.isOpen());
            assertThat(q.query("fresh")).isEqualTo(QCharVector.of("reply to fresh"));
        }
    }

    @Test
    void aSecondReplyToOneRequestClosesTheConnectionAsAProtocolViolation() throws Exception {
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.tolerateDisconnect();
            peer.read();
            peer.reply(QCharVector.of("once"));
            peer.reply(QCharVector.of("twice"));
            peer.awaitEndOfStream(Duration.ofSeconds(5));
        }); QConnection q = QConnection.connect(options(server).errorHandler(reported::add).build())) {
            assertThat(q.query("x")).isEqualTo(QCharVector.of("once"));
            until("closed", () -> !q.isOpen());
            assertThat(reported).singleElement().satisfies(t -> assertThat(t)
                    .hasMessageContaining("a response arrived when no request was waiting"));
        }
    }
}
