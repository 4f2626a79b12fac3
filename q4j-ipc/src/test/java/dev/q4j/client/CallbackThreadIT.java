package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Futures complete on the reader thread: a blocking request made there would wait for a reply only that thread can
 * read. The client refuses it at once instead of hanging; the async methods work from there.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CallbackThreadIT {

    @Test
    void aBlockingRequestInAFutureCallbackFailsFastInsteadOfDeadlocking() throws Exception {
        // the server holds each "held" reply until the test has registered its callback
        Semaphore release = new Semaphore(0);
        try (RawServer server = RawServer.tcp(HeldReplies.holding("held", release, QCharVector::of));
             QConnection q = QConnection.connect(
                ConnectionOptions.builder("127.0.0.1", server.port()).build())) {
            AtomicReference<String> thread = new AtomicReference<>();
            CompletableFuture<QValue> nested = q.queryAsync("held first").thenApply(v -> {
                thread.set(Thread.currentThread().getName());
                return q.query("second");
            });
            release.release();
            assertThatThrownBy(() -> nested.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("would wait forever");
            assertThat(thread.get()).startsWith("q4j-reader-");

            // the async way works from the same place, and the connection is unharmed
            CompletableFuture<QValue> composed = q.queryAsync("held one").thenCompose(v -> q.queryAsync("two"));
            release.release();
            assertThat(composed.get(5, TimeUnit.SECONDS)).isEqualTo(QCharVector.of("two"));
            assertThat(q.query("three")).isEqualTo(QCharVector.of("three"));
        }
    }

    @Test
    void aRequestHandlerThatBlocksAnswersTheServerWithAnError() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        AtomicReference<QValue> answer = new AtomicReference<>();
        AtomicReference<QConnection> connection = new AtomicReference<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            peer.tolerateDisconnect();
            peer.read();   // the client's "go": it is ready
            peer.write(MessageType.SYNC, QCharVector.of("server asks"));
            QMessage reply = peer.read();
            assertThat(reply.type()).isEqualTo(MessageType.RESPONSE);
            answer.set(reply.value());
            answered.countDown();
            while (true) {
                QMessage m = peer.read();
                peer.reply(m.value());
            }
        }); QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                .requestHandler(m -> connection.get().query("nested")).build())) {
            connection.set(q);
            q.send("go");
            assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(answer.get()).isInstanceOfSatisfying(QError.class,
                    e -> assertThat(e.message()).contains("would wait forever"));
            assertThat(q.query("still fine")).isEqualTo(QCharVector.of("still fine"));
        }
    }
}
