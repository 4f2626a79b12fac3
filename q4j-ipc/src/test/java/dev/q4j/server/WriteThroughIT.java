package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.client.QConnection;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replies the reader thread writes itself (write-through) when nothing is queued: the path is taken, replies and
 * pushes from other threads keep their order and never interleave, and a client that never reads its replies is
 * closed after {@link ServerOptions#messageTimeout()} with a logged reason, freeing the blocked thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WriteThroughIT {
    /** a timeout long enough never to be the reason a test's client is closed */
    private static final Duration LONG = Duration.ofSeconds(30);
    /** 16 MiB: far more than a socket with a 4 KiB receive buffer and the server's send buffer take together */
    private static final QValue BIG = QLongVector.of(LongStream.range(0, 2L << 20).toArray());

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();
    private QServer server;

    /** Starts a server that answers `big with 16 MiB and echoes anything else. */
    private void start(ServerOptions.Builder builder) throws IOException {
        server = fixture.start(builder.requestHandler(RequestHandler.sync((client, request) ->
                request.equals(QSymbol.of("big")) ? BIG : request)));
    }

    private QConnection client(String user) {
        QConnection q = QConnection.connect(TestServers.options(server).credentials(user, "").build());
        fixture.closeAfter(q);
        return q;
    }

    /** A raw client with a 4 KiB receive buffer, past its handshake. */
    private RawClient stuck(String user) throws Exception {
        return fixture.handshaken(user, 4096);
    }

    private static byte[] syncRequest(QValue value) {
        return new Encoder().encode(MessageType.SYNC, value);
    }

    @Test
    void aClientThatNeverReadsItsReplyIsClosedAfterTheMessageTimeoutAndFreesTheReaderThread() throws Exception {
        Duration timeout = Duration.ofMillis(1000);
        start(TestServers.loopback().handshakeTimeout(LONG).messageTimeout(timeout));
        QConnection good = client("good");
        TestServers.assertStillServes(good, QSymbol.of("before"));

        RawClient never = stuck("never");
        ServerConnection handle = (ServerConnection) fixture.connection("never");
        long sentAt = System.nanoTime();   // before the write began: the close comes at least the timeout later
        never.write(syncRequest(QSymbol.of("big")));
        // the reader writes the 16 MiB reply itself and blocks: nothing of it is queued, nor counted as queued
        TestServers.await("the reply being written", Duration.ofSeconds(5), handle::writeInProgress);
        assertThat(handle.queued()).as("bytes queued for the client").isZero();
        assertThat(server.queuedBytes()).as("bytes queued for all clients").isZero();
        List<Thread> threads = TestServers.threadsOf(handle.id());
        assertThat(threads).extracting(Thread::getName)
                .containsExactlyInAnyOrder("q4j-server-read-" + handle.id(), "q4j-server-write-" + handle.id());

        // meanwhile: a push from another thread does not wait for the stalled reply (it is queued behind it), and
        // the other clients are served
        assertThat(CompletableFuture.supplyAsync(() -> handle.send(QSymbol.of("behind")))
                .get(5, TimeUnit.SECONDS)).as("the push was queued while the connection was open").isTrue();
        assertThat(handle.queued()).as("the push is queued, counted").isPositive();
        TestServers.assertStillServes(good, QSymbol.of("during"));
        try (QConnection other = client("other")) {
            TestServers.assertStillServes(other, QLongVector.of(1, 2, 3));
        }

        TestServers.await("the stalled client closed", Duration.ofSeconds(10), () -> !handle.isOpen());
        long closedAfterMillis = (System.nanoTime() - sentAt) / 1_000_000;
        String logged = fixture.log().await(Duration.ofSeconds(5), ":" + never.socket.getLocalPort() + ": ",
                "a write stalled", "1000 ms", "ServerOptions.messageTimeout");
        assertThat(logged).contains("(never)");
        assertThat(closedAfterMillis).as("closed %d ms after the write began", closedAfterMillis)
                .isGreaterThanOrEqualTo(timeout.toMillis());
        never.assertClosedByServer(Duration.ofSeconds(5));
        // no server thread stays blocked: the connection's reader (blocked writing) and writer both end
        TestServers.awaitEnded(threads, Duration.ofSeconds(5));
        TestServers.await("the push dropped with the connection", Duration.ofSeconds(5),
                () -> server.queuedBytes() == 0);
        TestServers.assertStillServes(good, QSymbol.of("after"));
        assertThat(server.clients()).extracting(ClientConnection::user).containsExactly("good");
    }

    @Test
    void pushesQueuedBehindAStalledReplyStillCountAgainstMaxQueuedBytes() throws Exception {
        long maxQueued = 256 * 1024;
        start(TestServers.loopback().handshakeTimeout(LONG).messageTimeout(LONG).maxQueuedBytes(maxQueued));
        QConnection good = client("good");
        RawClient never = stuck("never");
        ServerConnection handle = (ServerConnection) fixture.connection("never");
        never.write(syncRequest(QSymbol.of("big")));
        TestServers.await("the reply being written", Duration.ofSeconds(5), handle::writeInProgress);
        List<Thread> threads = TestServers.threadsOf(handle.id());
        // the 16 MiB reply, written through, is over the 256 KiB limit but is not a backlog; the pushes behind it are
        QValue chunk = QLongVector.of(LongStream.range(0, 8 * 1024).toArray());   // 64 KiB
        int sent = CompletableFuture.supplyAsync(() -> {
            int n = 0;
            while (handle.send(chunk) && n < 1000) {
                n++;
            }
            return n;
        }).get(10, TimeUnit.SECONDS);
        // 4 of 65,550 bytes reach the limit: the 5th finds 262,200 bytes waiting and cuts the client off
        assertThat(sent).as("pushes queued before the client was cut off").isEqualTo(4);
        assertThat(handle.isOpen()).isFalse();
        String logged = fixture.log().await(Duration.ofSeconds(5), ":" + never.socket.getLocalPort() + ": ",
                "too slow");
        assertThat(logged).contains("ServerOptions.maxQueuedBytes is " + maxQueued);
        never.assertClosedByServer(Duration.ofSeconds(5));
        TestServers.awaitEnded(threads, Duration.ofSeconds(5));
        TestServers.await("the dropped pushes released", Duration.ofSeconds(5), () -> server.queuedBytes() == 0);
        TestServers.assertStillServes(good, QSymbol.of("unaffected"));
    }

    @Test
    void theReaderWritesTheReplyItselfWhenNothingIsQueuedAndTheWriterSendsPushesAndDeferredReplies()
            throws Exception {
        ExecutorService elsewhere = Executors.newSingleThreadExecutor();
        try {
            server = fixture.start(TestServers.loopback()
                    .requestHandler((client, request) -> request.equals(QSymbol.of("later"))
                            // completed on another thread well after the handler returns: a future that is
                            // already complete when the reader attaches to it is finished on the reader thread
                            ? CompletableFuture.supplyAsync(() -> QSymbol.of("deferred"),
                                    CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS, elsewhere))
                            : CompletableFuture.completedFuture(request)));
            List<QValue> pushed = new CopyOnWriteArrayList<>();
            QConnection q = QConnection.connect(TestServers.options(server).credentials("one", "")
                    .listener(m -> pushed.add(m.value())).build());
            fixture.closeAfter(q);
            // the client is in once it has the server's answer; onOpen runs just after
            TestServers.await("one connected", Duration.ofSeconds(5), () -> fixture.byUser().containsKey("one"));
            ServerConnection handle = (ServerConnection) fixture.connection("one");
            int requests = 200;
            for (int i = 0; i < requests; i++) {
                assertThat(q.execute(QLong.of(i))).isEqualTo(QLong.of(i));
            }
            // a client that waits for each reply: every reply written by the reader, the writer never woken
            assertThat(handle.writtenThrough()).as("replies written through").isEqualTo(requests);
            assertThat(handle.writtenByWriter()).as("messages written by the writer thread").isZero();

            // a push goes through the queue and the writer
            assertThat(handle.send(QSymbol.of("push"))).isTrue();
            TestServers.await("the push arrived", Duration.ofSeconds(5), () -> pushed.size() == 1);
            assertThat(handle.writtenByWriter()).isEqualTo(1);
            // a reply completed on another thread too: that thread never writes to the client itself
            assertThat(q.execute(QSymbol.of("later"))).isEqualTo(QSymbol.of("deferred"));
            assertThat(handle.writtenByWriter()).isEqualTo(2);
            assertThat(handle.writtenThrough()).isEqualTo(requests);
            // and the next reply with nothing queued is written through again (once the writer has let go of the
            // write lock: the client may have the deferred reply before the writer has returned from its flush, and
            // a reply then is queued rather than wait)
            TestServers.await("the writer done", Duration.ofSeconds(5), handle::writeIdle);
            assertThat(q.execute(QSymbol.of("again"))).isEqualTo(QSymbol.of("again"));
            assertThat(handle.writtenThrough()).isEqualTo(requests + 1);
            assertThat(server.queuedBytes()).isZero();

            // pipelined requests: answered in order whichever thread writes each reply; each written once
            List<CompletableFuture<QValue>> replies = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                replies.add(q.executeAsync(QLong.of(i)));
            }
            for (int i = 0; i < 1000; i++) {
                assertThat(replies.get(i).get(10, TimeUnit.SECONDS)).isEqualTo(QLong.of(i));
            }
            assertThat(handle.writtenThrough() + handle.writtenByWriter()).isEqualTo(requests + 3 + 1000);
        } finally {
            elsewhere.shutdownNow();
        }
    }

    /**
     * Pushers on several threads each send numbered pushes (some large, so that writes are split) while a client
     * sends requests, one at a time and in small pipelined batches. Each reply tells how many pushes each pusher had
     * sent (its {@code send} had returned) before the handler ran: those must all have arrived before that reply.
     * Every message must arrive whole, the pushes of each pusher in order and none missing, the replies in order.
     */
    @Test
    void repliesAndPushesFromSeveralThreadsArriveWholeAndInOrder() throws Exception {
        int pushers = 4;
        int pushesEach = 1000;
        int requests = 1500;
        AtomicLongArray sentBy = new AtomicLongArray(pushers);
        server = fixture.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync((client, request) -> {
                    long seq = ((QLong) ((QList) request).at(0)).value();
                    if (seq % 5 == 0) {
                        // pushed by the handler itself: it must arrive before the reply
                        client.send(QList.of(QSymbol.of("inner"), QLong.of(seq)));
                    }
                    long[] sent = new long[pushers];
                    for (int p = 0; p < pushers; p++) {
                        sent[p] = sentBy.get(p);
                    }
                    return QList.of(QLong.of(seq), QLongVector.of(sent), ((QList) request).at(1));
                })));
        RawClient raw = fixture.handshaken("mixed");
        ServerConnection handle = (ServerConnection) fixture.connection("mixed");

        ExecutorService pool = Executors.newFixedThreadPool(pushers);
        long[] received = new long[pushers];
        int pushesReceived = 0;
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < pushers; p++) {
                int pusher = p;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < pushesEach; i++) {
                        int size = i % 50 == 0 ? 10_000 : i % 7;
                        QValue push = QList.of(QSymbol.of("push"), QLong.of(pusher), QLong.of(i),
                                QLongVector.of(LongStream.range(0, size).map(x -> x ^ pusher).toArray()));
                        if (!handle.send(push)) {
                            throw new AssertionError("push " + pusher + "/" + i + " refused");
                        }
                        sentBy.set(pusher, i + 1);
                    }
                    return null;
                }));
            }
            long nextReply = 0;
            long lastInner = -1;
            int seq = 0;
            while (seq < requests) {
                // one at a time mostly (written through when nothing is queued), now and then 3 pipelined
                int batch = seq % 10 == 9 ? 3 : 1;
                for (int b = 0; b < batch && seq < requests; b++, seq++) {
                    int size = seq % 100 == 0 ? 20_000 : seq % 11;
                    raw.write(syncRequest(QList.of(QLong.of(seq),
                            QLongVector.of(LongStream.range(0, size).map(x -> x * 3).toArray()))));
                }
                while (nextReply < seq) {
                    QMessage m = raw.read();
                    QList v = (QList) m.value();
                    if (m.type() == MessageType.ASYNC) {
                        if (v.at(0).equals(QSymbol.of("inner"))) {
                            lastInner = ((QLong) v.at(1)).value();
                            continue;
                        }
                        int p = (int) ((QLong) v.at(1)).value();
                        long i = ((QLong) v.at(2)).value();
                        assertThat(i).as("push number from pusher %d", p).isEqualTo(received[p]);
                        long size = i % 50 == 0 ? 10_000 : i % 7;
                        assertThat(v.at(3)).isEqualTo(QLongVector.of(
                                LongStream.range(0, size).map(x -> x ^ p).toArray()));
                        received[p]++;
                        pushesReceived++;
                        continue;
                    }
                    assertThat(m.type()).isEqualTo(MessageType.RESPONSE);
                    long replySeq = ((QLong) v.at(0)).value();
                    assertThat(replySeq).as("reply in request order").isEqualTo(nextReply);
                    long size = replySeq % 100 == 0 ? 20_000 : replySeq % 11;
                    assertThat(v.at(2)).isEqualTo(QLongVector.of(
                            LongStream.range(0, size).map(x -> x * 3).toArray()));
                    long[] sentBefore = ((QLongVector) v.at(1)).toArray();
                    for (int p = 0; p < pushers; p++) {
                        assertThat(received[p]).as("pushes of pusher %d arrived before reply %d, which followed %d",
                                p, replySeq, sentBefore[p]).isGreaterThanOrEqualTo(sentBefore[p]);
                    }
                    if (replySeq % 5 == 0) {
                        assertThat(lastInner).as("the handler's own push before reply %d", replySeq)
                                .isEqualTo(replySeq);
                    }
                    nextReply++;
                }
            }
            for (Future<?> f : running) {
                f.get(20, TimeUnit.SECONDS);
            }
            while (pushesReceived < pushers * pushesEach) {
                QMessage m = raw.read();
                assertThat(m.type()).isEqualTo(MessageType.ASYNC);
                QList v = (QList) m.value();
                int p = (int) ((QLong) v.at(1)).value();
                assertThat(((QLong) v.at(2)).value()).isEqualTo(received[p]);
                received[p]++;
                pushesReceived++;
            }
        } finally {
            pool.shutdownNow();
        }
        for (int p = 0; p < pushers; p++) {
            assertThat(received[p]).isEqualTo(pushesEach);
        }
        // every message written exactly once, by one thread or the other
        long inner = (requests + 4) / 5;
        assertThat(handle.writtenThrough() + handle.writtenByWriter())
                .isEqualTo(requests + inner + (long) pushers * pushesEach);
        // the client may have the last bytes before the writer has returned from its flush
        TestServers.await("the connection idle", Duration.ofSeconds(5), () -> !handle.busy());
        assertThat(server.queuedBytes()).isZero();
    }
}
