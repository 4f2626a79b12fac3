package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.codec.Capability;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The q4j client against the q4j server over TCP: pipelining from many threads, many connections at once, deferred
 * replies completed out of order, open and close callbacks, pushes to one client and broadcasts to all.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Q4jClientIT {

    /** The reply the "square" service gives to {@code (thread; i)}: {@code (thread; i; i*i)}. */
    private static QValue square(QValue request) {
        QList l = (QList) request;
        long i = ((QLong) l.at(1)).value();
        return QList.of(l.at(0), l.at(1), QLong.of(i * i));
    }

    private static QList request(long thread, long i) {
        return QList.of(QLong.of(thread), QLong.of(i));
    }

    @Test
    void pipeliningFromManyThreadsEachReplyReachesItsCaller() throws Exception {
        int threads = 8;
        int perThread = 2000;
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync((client, request) -> square(request))).build());
             QConnection q = TestServers.connect(server)) {
            TestServers.onThreadsAtOnce(threads, perThread, thread -> {
                List<CompletableFuture<QValue>> replies = new ArrayList<>(perThread);
                for (long i = 0; i < perThread; i++) {
                    if (i % 500 == 499) {
                        // now and then a blocking call in between the pipelined ones
                        assertThat(q.execute(request(thread, i))).isEqualTo(square(request(thread, i)));
                        replies.add(CompletableFuture.completedFuture(square(request(thread, i))));
                    } else {
                        replies.add(q.executeAsync(request(thread, i)));
                    }
                }
                int checked = 0;
                for (int i = 0; i < perThread; i++) {
                    QValue reply = replies.get(i).get(10, TimeUnit.SECONDS);
                    assertThat(reply).isEqualTo(square(request(thread, i)));
                    checked++;
                }
                return checked;
            });
        }
    }

    @Test
    void aHundredConnectionsAtOnceEachDoingRequests() throws Exception {
        int clients = 100;
        int requests = 20;
        AtomicInteger opened = new AtomicInteger();
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync((client, request) ->
                        QList.of(QLong.of(client.id()), square(request))))
                .onOpen(c -> opened.incrementAndGet())
                .build())) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch allConnected = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int n = 0; n < clients; n++) {
                    long thread = n;
                    results.add(pool.submit(() -> {
                        try (QConnection q = TestServers.connect(server)) {
                            allConnected.countDown();
                            assertThat(go.await(10, TimeUnit.SECONDS)).isTrue();
                            long serverId = -1;
                            for (long i = 0; i < requests; i++) {
                                QList reply = (QList) q.execute(request(thread, i));
                                long id = ((QLong) reply.at(0)).value();
                                if (serverId < 0) {
                                    serverId = id;
                                }
                                // every reply on this connection comes from the same server-side connection
                                assertThat(id).isEqualTo(serverId);
                                assertThat(reply.at(1)).isEqualTo(square(request(thread, i)));
                            }
                            return serverId;
                        }
                    }));
                }
                assertThat(allConnected.await(15, TimeUnit.SECONDS)).isTrue();
                TestServers.await("100 clients past the handshake", Duration.ofSeconds(5),
                        () -> server.clients().size() == clients);
                go.countDown();
                List<Long> ids = new ArrayList<>();
                for (Future<Long> r : results) {
                    ids.add(r.get(20, TimeUnit.SECONDS));
                }
                assertThat(ids).doesNotHaveDuplicates().hasSize(clients);
            } finally {
                go.countDown();
                pool.shutdownNow();
                assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(opened.get()).isEqualTo(clients);
            TestServers.await("every connection closed", Duration.ofSeconds(10), () -> server.clients().isEmpty());
        }
    }

    @Test
    void deferredRepliesCompletedInReverseOrderStillGoBackInRequestOrder() throws Exception {
        int n = 50;
        BlockingQueue<Object[]> pending = new LinkedBlockingQueue<>();
        List<Long> completionOrder = new CopyOnWriteArrayList<>();
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler((client, request) -> {
                    long i = ((QLong) ((QList) request).at(1)).value();
                    if (i % 5 == 4) {
                        // now and then an immediate answer among the deferred ones
                        completionOrder.add(i);
                        return CompletableFuture.completedFuture(square(request));
                    }
                    CompletableFuture<QValue> later = new CompletableFuture<>();
                    pending.add(new Object[] {request, later});
                    return later;
                }).build());
             QConnection q = TestServers.connect(server)) {
            List<CompletableFuture<QValue>> replies = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                replies.add(q.executeAsync(request(7, i)));
            }
            List<Object[]> deferred = new ArrayList<>();
            for (int i = 0; i < n - n / 5; i++) {
                Object[] p = pending.poll(5, TimeUnit.SECONDS);
                assertThat(p).as("deferred request %d reached the handler", i).isNotNull();
                deferred.add(p);
            }
            // the immediate answers too: the last request (49) is one, and the reader may reach it only after the
            // last deferred one (48) reached the handler; the completer must come after all of them
            TestServers.await("the immediate answers given", Duration.ofSeconds(5),
                    () -> completionOrder.size() == n / 5);
            assertThat(replies).noneMatch(CompletableFuture::isDone);
            // completed from another thread, last request first
            Thread completer = new Thread(() -> {
                for (int i = deferred.size() - 1; i >= 0; i--) {
                    QValue request = (QValue) deferred.get(i)[0];
                    completionOrder.add(((QLong) ((QList) request).at(1)).value());
                    @SuppressWarnings("unchecked")
                    CompletableFuture<QValue> later = (CompletableFuture<QValue>) deferred.get(i)[1];
                    later.complete(square(request));
                }
            }, "test-completer");
            completer.start();
            completer.join(5000);
            for (int i = 0; i < n; i++) {
                assertThat(replies.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(square(request(7, i)));
            }
            assertThat(completionOrder).hasSize(n).doesNotHaveDuplicates();
            assertThat(completionOrder.get(completionOrder.size() - 1)).as("the first request was answered last")
                    .isEqualTo(0L);
            // the connection goes on normally afterwards
            assertThat(q.execute(request(8, 4))).isEqualTo(square(request(8, 4)));
        }
    }

    @Test
    void deferredRepliesAtRandomTimesFromManyThreadsStayInOrder() throws Exception {
        ScheduledExecutorService completers = Executors.newScheduledThreadPool(4);
        Random random = new Random(42);
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler((client, request) -> {
                    CompletableFuture<QValue> later = new CompletableFuture<>();
                    long delay;
                    synchronized (random) {
                        delay = random.nextInt(2000);
                    }
                    long i = ((QLong) ((QList) request).at(1)).value();
                    completers.schedule(() -> {
                        if (i % 7 == 3) {
                            later.completeExceptionally(new QErrorException("odd " + i));
                        } else {
                            later.complete(square(request));
                        }
                    }, delay, TimeUnit.MICROSECONDS);
                    return later;
                }).build());
             QConnection q = TestServers.connect(server)) {
            int n = 2000;
            List<CompletableFuture<QValue>> replies = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                replies.add(q.executeAsync(request(1, i)));
            }
            for (int i = 0; i < n; i++) {
                CompletableFuture<QValue> r = replies.get(i);
                if (i % 7 == 3) {
                    int j = i;
                    assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS))
                            .hasCauseInstanceOf(QErrorException.class)
                            .satisfies(e -> assertThat(((QErrorException) e.getCause()).qMessage())
                                    .isEqualTo("odd " + j));
                } else {
                    assertThat(r.get(5, TimeUnit.SECONDS)).isEqualTo(square(request(1, i)));
                }
            }
        } finally {
            completers.shutdownNow();
            assertThat(completers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void handlerErrorsBecomeQErrorsAndTheConnectionGoesOn() throws Exception {
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler((client, request) -> {
                    String text = ((QCharVector) request).asString();
                    switch (text) {
                        case "q error":
                            throw new QErrorException("type");
                        case "java error":
                            throw new IllegalArgumentException("bad argument");
                        case "no message":
                            throw new UnsupportedOperationException();
                        case "failed stage":
                            return CompletableFuture.failedFuture(new QErrorException("length"));
                        case "null":
                            return null;
                        case "null value":
                            return CompletableFuture.completedFuture(null);
                        case "assertion":
                            throw new AssertionError("a handler bug");
                        default:
                            return CompletableFuture.completedFuture(QSymbol.of(text));
                    }
                }).build());
             QConnection q = TestServers.connect(server)) {
            assertThatThrownBy(() -> q.query("q error")).isInstanceOf(QErrorException.class)
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("type"));
            assertThatThrownBy(() -> q.query("java error"))
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("bad argument"));
            assertThatThrownBy(() -> q.query("no message"))
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage())
                            .isEqualTo("UnsupportedOperationException"));
            assertThatThrownBy(() -> q.query("failed stage"))
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("length"));
            // a handler that throws an Error: a q error as well, and the connection lives on
            assertThatThrownBy(() -> q.query("assertion"))
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("a handler bug"));
            assertThat(q.query("null")).isEqualTo(dev.q4j.value.Q.NIL);
            assertThat(q.query("null value")).isEqualTo(dev.q4j.value.Q.NIL);
            assertThat(q.query("fine")).isEqualTo(QSymbol.of("fine"));
        }
    }

    @Test
    void handlersThatLeaveTheirThreadInterruptedDoNotCostTheClientItsConnection() throws Exception {
        // a plain TCP client is served over a channel, which a read or write by an interrupted thread closes: the
        // server forgets an interrupt its handlers leave behind (the idiom of restoring it after a caught
        // InterruptedException), on the sync, async and onOpen paths alike
        List<QValue> asyncSeen = new CopyOnWriteArrayList<>();
        try (QServer server = QServer.start(TestServers.loopback()
                .onOpen(c -> Thread.currentThread().interrupt())
                .requestHandler((client, request) -> {
                    Thread.currentThread().interrupt();
                    return CompletableFuture.completedFuture(request);
                })
                .asyncHandler((client, message) -> {
                    asyncSeen.add(message);
                    Thread.currentThread().interrupt();
                }).build());
             QConnection q = TestServers.connect(server)) {
            for (int i = 0; i < 5; i++) {
                assertThat(q.query("request " + i)).isEqualTo(QCharVector.of("request " + i));
                q.send("async " + i);
            }
            assertThat(q.query("last")).isEqualTo(QCharVector.of("last"));
            assertThat(asyncSeen).hasSize(5);
        }
    }

    @Test
    void asyncMessagesReachTheAsyncHandlerAndItsFailuresAreOnlyLogged() throws Exception {
        List<QValue> received = new CopyOnWriteArrayList<>();
        try (LogCapture log = new LogCapture();
             QServer server = QServer.start(TestServers.loopback()
                .requestHandler(TestServers.ECHO)
                .asyncHandler((client, message) -> {
                    if (message.equals(QCharVector.of("boom"))) {
                        throw new IllegalStateException("async handler exploded");
                    }
                    if (message.equals(QCharVector.of("error"))) {
                        throw new AssertionError("async handler bug");
                    }
                    received.add(message);
                }).build());
             QConnection q = TestServers.connect(server)) {
            q.send("first");
            q.send("boom");
            q.send("f", 1L, "x");
            q.send("error");
            q.sendValue(QLongVector.of(1, 2, 3));
            q.sync();
            assertThat(received).containsExactly(QCharVector.of("first"),
                    QList.of(QCharVector.of("f"), QLong.of(1), QSymbol.of("x")), QLongVector.of(1, 2, 3));
            log.await(Duration.ofSeconds(2), "async handler failed", "async handler exploded");
            assertThat(q.isOpen()).isTrue();
            TestServers.assertStillServes(q, QSymbol.of("still here"));
        }
    }

    @Test
    void theServerAgreesToTheLowerOfTheCapabilityAskedForAndItsMaxCapability() throws Exception {
        assertThat(ServerOptions.builder(0).build().maxCapability()).isEqualTo(Capability.V3);
        try (QServer byDefault = QServer.start(TestServers.loopback().requestHandler(TestServers.ECHO).build());
                QServer large = QServer.start(TestServers.loopback().requestHandler(TestServers.ECHO)
                        .maxCapability(Capability.LARGE_MESSAGES).build())) {
            int[][] agreed = new int[2][Capability.values().length];
            for (Capability asked : Capability.values()) {
                for (QServer server : List.of(byDefault, large)) {
                    try (QConnection q = QConnection.connect(TestServers.options(server).capability(asked).build())) {
                        agreed[server == byDefault ? 0 : 1][asked.ordinal()] = q.capability();
                        TestServers.assertStillServes(q, QSymbol.of("at " + q.capability()));
                    }
                }
            }
            // asked 0, 1, 3, 6: the default server agrees up to 3, the large one up to 6
            assertThat(agreed[0]).containsExactly(0, 1, 3, 3);
            assertThat(agreed[1]).containsExactly(0, 1, 3, 6);
        }
        assertThatThrownBy(() -> ServerOptions.builder(0).maxCapability(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("capability");
    }

    @Test
    void openAndCloseCallbacksLikeZpoAndZpc() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        List<ClientConnection> handles = new CopyOnWriteArrayList<>();
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync((client, request) ->
                        QList.of(QSymbol.of(client.user()), QSymbol.of((String) client.attributes().get("tag")))))
                .onOpen(c -> {
                    c.attributes().put("tag", "t" + c.id());
                    events.add("open " + c.user() + " " + c.isOpen());
                    handles.add(c);
                    if (c.user().equals("grumpy")) {
                        throw new IllegalStateException("an onOpen that throws");
                    }
                })
                .onClose(c -> events.add("close " + c.user() + " " + c.isOpen() + " " + c.attributes().get("tag")))
                .build())) {
            QConnection ann = QConnection.connect(TestServers.options(server).credentials("ann", "pw").build());
            // the server answers the handshake before it calls onOpen: wait for ann's before grumpy connects
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("open ann true");
            QConnection grumpy = QConnection.connect(TestServers.options(server).credentials("grumpy", "").build());
            try {
                assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("open grumpy true");
                assertThat(ann.query("who")).isEqualTo(QList.of(QSymbol.of("ann"), QSymbol.of("t" + handles.get(0)
                        .id())));
                // a throwing callback is logged, the connection goes on
                assertThat(grumpy.query("who")).isEqualTo(QList.of(QSymbol.of("grumpy"),
                        QSymbol.of("t" + handles.get(1).id())));
                assertThat(server.clients()).hasSize(2);
                assertThat(handles.get(0).peer()).contains("127.0.0.1");
                assertThat(handles.get(0).toString()).contains("ann");
            } finally {
                ann.close();
            }
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("close ann false t" + handles.get(0).id());
            assertThat(handles.get(0).isOpen()).isFalse();
            assertThat(handles.get(0).send(QSymbol.of("too late"))).isFalse();
            // closed by the server: the client sees the connection go, and onClose runs once
            handles.get(1).close();
            handles.get(1).close();
            assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo("close grumpy false t" + handles.get(1).id());
            TestServers.await("the client notices the server closed it", Duration.ofSeconds(5),
                    () -> !grumpy.isOpen());
            assertThatThrownBy(() -> grumpy.query("x")).isInstanceOf(QConnectionException.class);
            grumpy.close();
            assertThat(events.poll(300, TimeUnit.MILLISECONDS)).as("no other callback").isNull();
            assertThat(server.clients()).isEmpty();
        }
    }

    @Test
    void pushesToOneClientAndBroadcastsToAll() throws Exception {
        int n = 3;
        List<List<QMessage>> inboxes = new ArrayList<>();
        List<QConnection> clients = new ArrayList<>();
        try (QServer server = QServer.start(TestServers.loopback()
                .requestHandler(RequestHandler.sync((client, request) -> {
                    // a push sent while answering goes out before the answer
                    client.send(QList.of(QSymbol.of("note"), request));
                    return request;
                })).build())) {
            try {
                for (int i = 0; i < n; i++) {
                    List<QMessage> inbox = new CopyOnWriteArrayList<>();
                    inboxes.add(inbox);
                    clients.add(QConnection.connect(TestServers.options(server).credentials("c" + i)
                            .listener(inbox::add).build()));
                }
                for (QConnection c : clients) {
                    c.sync();
                }
                assertThat(server.clients()).hasSize(n);
                TestServers.await("the pushes sent while answering", Duration.ofSeconds(5),
                        () -> inboxes.stream().allMatch(b -> b.size() == 1));
                for (List<QMessage> inbox : inboxes) {
                    assertThat(inbox.get(0).type()).isEqualTo(MessageType.ASYNC);
                    assertThat(inbox.get(0).value()).isEqualTo(QList.of(QSymbol.of("note"), QCharVector.of("")));
                    inbox.clear();
                }
                // through one client's handle
                ClientConnection c1 = server.clients().stream().filter(c -> c.user().equals("c1")).findFirst()
                        .orElseThrow();
                for (long i = 0; i < 100; i++) {
                    assertThat(c1.send(QList.of(QSymbol.of("one"), QLong.of(i)))).isTrue();
                }
                // to everyone
                QValue all = QList.of(QSymbol.of("all"), QLongVector.of(LongStream.range(0, 10_000).toArray()));
                assertThat(server.broadcast(all)).isEqualTo(n);
                TestServers.await("the broadcast reached every client", Duration.ofSeconds(5),
                        () -> inboxes.stream().allMatch(b -> !b.isEmpty() && b.get(b.size() - 1).value()
                                .equals(all)));
                assertThat(inboxes.get(0)).extracting(QMessage::value).containsExactly(all);
                assertThat(inboxes.get(2)).extracting(QMessage::value).containsExactly(all);
                List<QValue> expected = new ArrayList<>();
                for (long i = 0; i < 100; i++) {
                    expected.add(QList.of(QSymbol.of("one"), QLong.of(i)));
                }
                expected.add(all);
                assertThat(inboxes.get(1)).extracting(QMessage::value).containsExactlyElementsOf(expected);
                // a closed client is left out
                clients.get(0).close();
                TestServers.await("the server saw the close", Duration.ofSeconds(5),
                        () -> server.clients().size() == n - 1);
                assertThat(server.broadcast(QSymbol.of("fewer"))).isEqualTo(n - 1);
            } finally {
                Collections.reverse(clients);
                clients.forEach(QConnection::close);
            }
        }
    }
}
