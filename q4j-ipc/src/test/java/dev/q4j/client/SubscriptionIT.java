package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A subscriber in the tickerplant style: a sync {@code .u.sub} call, then a stream of async
 * {@code (`upd;`trade;table)} messages pushed by the server (javakdb), each reaching the listener and every Flow
 * subscriber, in order, none lost, on a thread that is not the one reading the socket.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubscriptionIT {

    /** The tickerplant: answers {@code .u.sub[t;s]}, then publishes {@code rows} updates of 3 rows each. */
    private static JavakdbServer tickerplant(int updates, List<Object> subs) throws Exception {
        return new JavakdbServer(k -> {
            Object[] sub = k.readMsg();
            assertThat(((Number) sub[0]).intValue()).isEqualTo(1);
            Object[] call = (Object[]) sub[1];
            subs.add(new String((char[]) call[0]) + "[" + call[1] + ";" + call[2] + "]");
            k.kr(new Object[] {"trade", trades(0, 0)});
            for (int u = 0; u < updates; u++) {
                // what a tickerplant sends: neg[h](`upd;`trade;table)
                k.ks(new Object[] {"upd", "trade", trades(u * 3L, 3)});
            }
            // then it still answers queries on the same connection
            while (true) {
                Object[] m = k.readMsg();
                if (((Number) m[0]).intValue() == 1) {
                    k.kr("after " + updates);
                }
            }
        });
    }

    private static c.Flip trades(long firstSeq, int rows) {
        String[] sym = new String[rows];
        double[] px = new double[rows];
        long[] seq = new long[rows];
        for (int i = 0; i < rows; i++) {
            seq[i] = firstSeq + i;
            sym[i] = "S" + (seq[i] % 10);
            px[i] = seq[i] / 4.0;
        }
        return new c.Flip(new String[] {"sym", "px", "seq"}, new Object[] {sym, px, seq});
    }

    /** Checks one update and returns its sequence numbers. */
    private static long[] seqOf(QMessage m) {
        assertThat(m.type()).isEqualTo(MessageType.ASYNC);
        QList upd = (QList) m.value();
        assertThat(upd.at(0)).isEqualTo(QSymbol.of("upd"));
        assertThat(upd.at(1)).isEqualTo(QSymbol.of("trade"));
        QTable t = (QTable) upd.at(2);
        assertThat(t.columnNames()).containsExactly("sym", "px", "seq");
        long[] seq = ((QLongVector) t.column("seq")).toArray();
        assertThat(((QSymbolVector) t.column("sym")).get(0)).isEqualTo("S" + (seq[0] % 10));
        assertThat(((QFloatVector) t.column("px")).get(0)).isEqualTo(seq[0] / 4.0);
        return seq;
    }

    private static void assertInOrder(List<QMessage> received, int updates) {
        assertThat(received).hasSize(updates);
        long expected = 0;
        for (QMessage m : received) {
            for (long s : seqOf(m)) {
                assertThat(s).isEqualTo(expected++);
            }
        }
    }

    /** A Flow subscriber that takes one message at a time, optionally slowly. */
    private static final class Collector implements Flow.Subscriber<QMessage> {
        final List<QMessage> items = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch done;
        final CompletableFuture<Throwable> ended = new CompletableFuture<>();
        private final long delayMillis;
        private Flow.Subscription subscription;

        Collector(int expected, long delayMillis) {
            this.done = new CountDownLatch(expected);
            this.delayMillis = delayMillis;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(QMessage item) {
            items.add(item);
            threads.add(Thread.currentThread().getName());
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            done.countDown();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            ended.complete(t);
        }

        @Override
        public void onComplete() {
            ended.complete(null);
        }
    }

    @Test
    void everyUpdateReachesTheListenerAndTheFlowSubscribersInOrder() throws Exception {
        int updates = 2000;
        List<Object> subs = new CopyOnWriteArrayList<>();
        List<QMessage> heard = new CopyOnWriteArrayList<>();
        List<String> listenerThreads = new CopyOnWriteArrayList<>();
        CountDownLatch allHeard = new CountDownLatch(updates);
        Collector flow = new Collector(updates, 0);
        try (JavakdbServer server = tickerplant(updates, subs);
                QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                        .listener(m -> {
                            heard.add(m);
                            listenerThreads.add(Thread.currentThread().getName());
                            allHeard.countDown();
                        })
                        .build())) {
            q.messages().subscribe(flow);
            QValue schema = q.call(".u.sub", "trade", "");
            assertThat(((QList) schema).at(0)).isEqualTo(QSymbol.of("trade"));
            assertThat(((QTable) ((QList) schema).at(1)).count()).isZero();
            assertThat(subs).containsExactly(".u.sub[trade;]");

            assertThat(allHeard.await(10, TimeUnit.SECONDS)).as("listener heard all").isTrue();
            assertThat(flow.done.await(10, TimeUnit.SECONDS)).as("flow subscriber got all").isTrue();
            assertInOrder(heard, updates);
            assertInOrder(flow.items, updates);
            assertThat(listenerThreads).allMatch(n -> n.startsWith("q4j-delivery-"));
            assertThat(flow.threads).allMatch(n -> n.startsWith("q4j-delivery-"));
            // the stream is still in step: a query after the updates gets its own answer
            assertThat(q.query("count trade")).isEqualTo(QSymbol.of("after " + updates));
        }
        assertThat(flow.ended.get(2, TimeUnit.SECONDS)).as("closing completes the Flow").isNull();
    }

    @Test
    void aSlowSubscriberHoldsTheReaderBackButLosesNothing() throws Exception {
        int updates = 300;
        List<Object> subs = new CopyOnWriteArrayList<>();
        Collector slow = new Collector(updates, 2);
        Collector fast = new Collector(updates, 0);
        try (JavakdbServer server = tickerplant(updates, subs);
                QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                        .messageBuffer(4)
                        .build())) {
            q.messages().subscribe(slow);
            q.messages().subscribe(fast);
            q.call(".u.sub", "trade", "");
            // the reply to this query sits behind the updates: it comes once the slow subscriber has caught up
            CompletableFuture<QValue> after = q.queryAsync("count trade");
            assertThat(after.get(15, TimeUnit.SECONDS)).isEqualTo(QSymbol.of("after " + updates));
            assertThat(slow.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(fast.done.await(10, TimeUnit.SECONDS)).isTrue();
            assertInOrder(slow.items, updates);
            assertInOrder(fast.items, updates);
        }
    }

    @Test
    void listenerExceptionsGoToTheErrorHandlerAndDeliveryGoesOn() throws Exception {
        int updates = 100;
        List<Object> subs = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch allErrors = new CountDownLatch(updates / 10);
        List<Long> firstSeqs = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(updates);
        try (JavakdbServer server = tickerplant(updates, subs);
                QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                        .errorHandler(e -> {
                            errors.add(e);
                            allErrors.countDown();
                        })
                        .listener(m -> {
                            int n = calls.incrementAndGet();
                            synchronized (firstSeqs) {
                                firstSeqs.add(seqOf(m)[0]);
                            }
                            all.countDown();
                            if (n % 10 == 0) {
                                throw new IllegalStateException("listener failed on update " + n);
                            }
                        })
                        .build())) {
            q.call(".u.sub", "trade", "");
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(allErrors.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(q.query("still there")).isEqualTo(QSymbol.of("after " + updates));
            assertThat(errors).hasSize(updates / 10)
                    .allSatisfy(e -> assertThat(e).isInstanceOf(IllegalStateException.class))
                    .first().satisfies(e -> assertThat(e).hasMessage("listener failed on update 10"));
            synchronized (firstSeqs) {
                for (int i = 0; i < updates; i++) {
                    assertThat(firstSeqs.get(i)).isEqualTo(3L * i);
                }
            }
            assertThat(q.isOpen()).isTrue();
        }
    }

    @Test
    void theServerCanAlsoCallTheClient() throws Exception {
        // a sync message from the server is answered by the request handler, on the same stream
        CompletableFuture<Object> answer = new CompletableFuture<>();
        try (JavakdbServer server = new JavakdbServer(k -> {
            k.readMsg();
            k.kr("ready");
            answer.complete(k.k("whoami"));
            while (true) {
                k.readMsg();
            }
        }); QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                .requestHandler(m -> QLong.of(99))
                .build())) {
            assertThat(q.query("go")).isEqualTo(QSymbol.of("ready"));
            assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(99L);
        }
        assertThat(Q4jThreads.awaitNone("127.0.0.1", Duration.ofSeconds(3))).isEmpty();
    }
}
