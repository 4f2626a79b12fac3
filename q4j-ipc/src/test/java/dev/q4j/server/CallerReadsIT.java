package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.ReadMode;
import dev.q4j.client.ReconnectPolicy;
import dev.q4j.client.Tuning;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client without a reader thread ({@code readMode(ReadMode.CALLING_THREAD)}): blocking calls read their own
 * replies, from many threads at once; what the server pushes meanwhile is delivered; losses fail the call and may
 * reconnect; what needs a reader thread is refused.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallerReadsIT {

    /** {@code (thread; i)} to {@code (thread; i; i*i)}; "push" pushes a message first; "fail" is a q error. */
    private static QValue answer(ClientConnection client, QValue request) {
        if (request instanceof QCharVector c) {
            switch (c.asString()) {
                case "push":
                    client.send(QList.of(QSymbol.of("upd"), QLong.of(client.id())));
                    return QSymbol.of("pushed");
                case "fail":
                    return new QError("type");
                case "slow":
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return QSymbol.of("slept");
                case "bye":
                    client.close();
                    return QSymbol.of("never");
                default:
                    return request;
            }
        }
        QList l = (QList) request;
        long i = ((QLong) l.at(1)).value();
        return QList.of(l.at(0), l.at(1), QLong.of(i * i));
    }

    private static QServer server() throws java.io.IOException {
        return QServer.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync(CallerReadsIT::answer)).build());
    }

    private static ConnectionOptions.Builder options(QServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5))
                .readMode(ReadMode.CALLING_THREAD);
    }

    private static Set<String> q4jThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith("q4j-reader") || n.startsWith("q4j-flusher")).collect(Collectors.toSet());
    }

    @Test
    void blockingCallsReadTheirOwnRepliesWithoutAReaderThread() throws Exception {
        try (QServer server = server()) {
            Set<String> before = q4jThreads();
            try (QConnection q = QConnection.connect(options(server).build())) {
                assertThat(q.options().readMode()).isEqualTo(ReadMode.CALLING_THREAD);
                assertThat(q.query("hello")).isEqualTo(QCharVector.of("hello"));
                // (f; 2) as the server gets it: answered (f; 2; 4)
                assertThat(q.call("f", 2L)).isEqualTo(QList.of(QCharVector.of("f"), QLong.of(2), QLong.of(4)));
                assertThat(q.execute(QList.of(QLong.of(7), QLong.of(3))))
                        .isEqualTo(QList.of(QLong.of(7), QLong.of(3), QLong.of(9)));
                assertThatThrownBy(()
                        -> q.query("fail")).isInstanceOf(QErrorException.class).hasMessageContaining("type");
                // still in step after the error
                assertThat(q.query("again")).isEqualTo(QCharVector.of("again"));
                assertThat(q4jThreads()).isEqualTo(before);
            }
        }
    }

    @Test
    void theSpinBeforeEachReadNeitherLosesNorWaitsOutAReply() throws Exception {
        try (QServer server = server();
                QConnection none = QConnection.connect(options(server)
                        .tuning(Tuning.DEFAULT.withSpinWait(Duration.ZERO)).build());
                QConnection brief = QConnection.connect(options(server)
                        .tuning(Tuning.DEFAULT.withSpinWait(Duration.ofMillis(1))).build());
                QConnection full = QConnection.connect(options(server)
                        .tuning(Tuning.DEFAULT.withSpinWait(Duration.ofSeconds(1))).build())) {
            assertThat(none.query("a")).isEqualTo(QCharVector.of("a"));
            // a reply slower than the spin is read by the blocking read that follows it
            assertThat(brief.query("slow")).isEqualTo(QSymbol.of("slept"));
            assertThat(brief.query("b")).isEqualTo(QCharVector.of("b"));
            // the spin ends when the reply's bytes arrive: 20 calls do not take 20 spins of a second
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(full.query("c" + i)).isEqualTo(QCharVector.of("c" + i));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void manyThreadsShareOneConnectionAndEachGetsItsOwnReplies() throws Exception {
        int threads = 8;
        int perThread = 500;
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            TestServers.onThreadsAtOnce(threads, perThread, thread -> {
                for (long i = 0; i < perThread; i++) {
                    assertThat(q.execute(QList.of(QLong.of(thread), QLong.of(i))))
                            .isEqualTo(QList.of(QLong.of(thread), QLong.of(i), QLong.of(i * i)));
                }
                return perThread;
            });
        }
    }

    @Test
    void pushesReadDuringACallAreDelivered() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            List<QMessage> pushed = new CopyOnWriteArrayList<>();
            q.messages().subscribe(new java.util.concurrent.Flow.Subscriber<>() {
                @Override
                public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                    s.request(Long.MAX_VALUE);
                }

                @Override
                public void onNext(QMessage item) {
                    pushed.add(item);
                }

                @Override
                public void onError(Throwable t) {
                }

                @Override
                public void onComplete() {
                }
            });
            assertThat(q.query("push")).isEqualTo(QSymbol.of("pushed"));
            assertThat(q.query("push")).isEqualTo(QSymbol.of("pushed"));
            TestServers.await("two pushes delivered", Duration.ofSeconds(5), () -> pushed.size() == 2);
            for (QMessage m : pushed) {
                assertThat(m.type()).isEqualTo(MessageType.ASYNC);
                assertThat(((QList) m.value()).at(0)).isEqualTo(QSymbol.of("upd"));
            }
        }
    }

    @Test
    void whatNeedsAReaderThreadIsRefused() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            assertThatThrownBy(() -> q.queryAsync("1")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("readMode(CALLING_THREAD)");
            assertThatThrownBy(() -> q.callAsync("f", 1L)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> q.executeAsync(QLong.of(1))).isInstanceOf(IllegalStateException.class);
            // nothing was sent: the connection is still in step
            assertThat(q.query("ok")).isEqualTo(QCharVector.of("ok"));
        }
        // and so are the options that need one, at the call that asks for them (OptionsTest has every case)
        ConnectionOptions.Builder callingThread = ConnectionOptions.builder("h", 1).readMode(ReadMode.CALLING_THREAD);
        assertThatThrownBy(() -> callingThread.listener(m -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("listener");
        assertThatThrownBy(() -> callingThread.requestTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("requestTimeout");
    }

    @Test
    void aLostConnectionFailsTheCallAndReconnects() throws Exception {
        try (QServer server = server();
             QConnection q = QConnection.connect(options(server)
                     .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(10), Duration.ofMillis(50))).build())) {
            assertThatThrownBy(() -> q.query("bye")).isInstanceOf(QConnectionException.class);
            TestServers.await("reconnected", Duration.ofSeconds(5), q::isOpen);
            assertThat(q.query("back")).isEqualTo(QCharVector.of("back"));
        }
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            assertThatThrownBy(() -> q.query("bye")).isInstanceOf(QConnectionException.class);
            TestServers.await("closed for good", Duration.ofSeconds(5), () -> !q.isOpen());
            assertThatThrownBy(() -> q.query("x")).isInstanceOf(QConnectionException.class);
        }
    }
}
