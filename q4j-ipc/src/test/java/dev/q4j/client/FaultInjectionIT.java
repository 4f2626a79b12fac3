package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.Q4jException;
import dev.q4j.client.FaultProxy.Fault;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Endpoint;
import dev.q4j.server.ClientConnection;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLong;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Faults on the wire between a q4j client and a server (q4j's own, and KX's javakdb as a server): a
 * {@link FaultProxy} delays, splits into 1-byte writes, duplicates, corrupts or cuts the messages of one direction.
 * Whatever it does, every request completes or fails with a q4j exception within its timeout; the client gets back
 * in service (reconnecting where the fault broke the connection); no client thread and no file descriptor is left
 * behind; a subscription is resumed after a reconnect; and a client of the same server that does not go through the
 * proxy is served throughout, every reply right.
 *
 * <p>What the protocol cannot show is not asserted: kdb+ messages carry no request id and no checksum, so a
 * duplicated reply answers the next waiting request, and a corrupted byte inside a value changes the value. Under
 * those faults a request may get the reply of another request of the same run (never anything else that decodes
 * to a value it did not send) or a value with one byte changed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int PIPELINED = 20;
    private static final int SEQUENTIAL = 5;

    private QServer server;
    private JavakdbServer javakdb;
    private final Set<ClientConnection> subscribers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean bystanderRuns = new AtomicBoolean(true);
    private final AtomicLong bystanderRequests = new AtomicLong();
    private final List<Throwable> bystanderFailures = new CopyOnWriteArrayList<>();
    private Thread bystander;

    @BeforeAll
    void start() throws IOException {
        server = QServer.start(ServerOptions.builder(Endpoint.tcp("127.0.0.1", 0))
                .requestHandler(RequestHandler.sync((client, request) -> request))
                .asyncHandler((client, message) -> {
                    if (message.equals(QCharVector.of("sub"))) {
                        subscribers.add(client);
                    }
                })
                .onClose(subscribers::remove)
                .build());
        javakdb = new JavakdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                if (((Number) m[0]).intValue() == 1) {
                    k.kr(m[1]);
                }
            }
        });
        // a client of the same q4j server that no fault touches: served throughout, every reply its own
        QConnection bystanderConnection = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                .requestTimeout(Duration.ofSeconds(5)).build());
        bystander = new Thread(() -> {
            try (QConnection q = bystanderConnection) {
                for (long i = 0; bystanderRuns.get(); i++) {
                    QValue request = QCharVector.of("bystander " + i);
                    QValue reply = q.execute(request);
                    if (!reply.equals(request)) {
                        bystanderFailures.add(new AssertionError("bystander got " + reply + " for " + request));
                    }
                    bystanderRequests.incrementAndGet();
                    Thread.sleep(1);
                }
            } catch (Throwable t) {
                bystanderFailures.add(t);
            }
        }, "test-bystander");
        bystander.setDaemon(true);
        bystander.start();
    }

    @AfterAll
    void stop() throws Exception {
        bystanderRuns.set(false);
        bystander.join(10_000);
        try {
            javakdb.close();
        } finally {
            server.close();
        }
    }

    static Stream<Arguments> faults() {
        List<Arguments> out = new ArrayList<>();
        for (Fault f : List.of(Fault.DELAY, Fault.SPLIT, Fault.DUPLICATE, Fault.CORRUPT, Fault.CUT)) {
            out.add(Arguments.of("q4j", "replies", f));
            out.add(Arguments.of("q4j", "requests", f));
            out.add(Arguments.of("javakdb", "replies", f));
        }
        // javakdb's own reading of a duplicated or corrupted request is not under test here
        for (Fault f : List.of(Fault.DELAY, Fault.SPLIT, Fault.CUT)) {
            out.add(Arguments.of("javakdb", "requests", f));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} server, {2} {1}")
    @MethodSource("faults")
    void everyRequestEndsInTimeAndTheClientGetsBackInService(String peer, String direction, Fault fault)
            throws Exception {
        int port = peer.equals("q4j") ? server.port() : javakdb.port();
        String peerName;
        try (FaultProxy proxy = new FaultProxy(port)) {
            peerName = "127.0.0.1:" + proxy.port();
            try (QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", proxy.port())
                    .connectTimeout(Duration.ofSeconds(5)).requestTimeout(TIMEOUT)
                    .reconnect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(100), 100))
                    .errorHandler(e -> { }).build())) {
                assertServed(q, "before");
                proxy.delayMillis = 10;
                if (direction.equals("replies")) {
                    proxy.toClient(fault);
                } else {
                    proxy.toServer(fault);
                }
                Set<QValue> sent = new HashSet<>();
                List<CompletableFuture<QValue>> replies = new ArrayList<>();
                List<QValue> requests = new ArrayList<>();
                for (int i = 0; i < PIPELINED; i++) {
                    QValue request = QCharVector.of(fault + " pipelined " + i);
                    sent.add(request);
                    requests.add(request);
                    replies.add(executeAsync(q, request));
                }
                int failed = 0;
                for (int i = 0; i < PIPELINED; i++) {
                    failed += checkOutcome(fault, requests.get(i), replies.get(i), sent) ? 0 : 1;
                }
                for (int i = 0; i < SEQUENTIAL; i++) {
                    QValue request = QCharVector.of(fault + " sequential " + i);
                    sent.add(request);
                    failed += checkOutcome(fault, request, executeAsync(q, request), sent) ? 0 : 1;
                }
                if (fault == Fault.CUT) {
                    assertThat(failed).as("requests failed by the cut").isPositive();
                }
                assertThat(proxy.faulted()).as("messages the fault hit").isPositive();
                proxy.toClient(Fault.NONE);
                proxy.toServer(Fault.NONE);
                if (fault == Fault.DUPLICATE || fault == Fault.CORRUPT) {
                    // the stream may be out of step for good (a reply too many, a length changed): the protocol
                    // cannot tell, so a new connection is the way back. Replies already received may still be
                    // read from the old one until the client sees the cut: wait for its new connection
                    int connections = proxy.connections();
                    proxy.cutAll();
                    awaitConnections(proxy, connections + 1);
                }
                assertServed(q, "after");
                if (fault == Fault.CUT) {
                    assertThat(proxy.connections()).as("reconnected").isGreaterThan(1);
                }
            }
        }
        if (peer.equals("q4j")) {
            // the server has let go of every connection through the proxy: only the bystander is left
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.clients().size() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(server.clients()).as("the server's clients after the session").hasSize(1);
        }
        // the threads of this client's connections (the bystander's have another peer)
        assertThat(Q4jThreads.awaitNone("-" + peerName, Duration.ofSeconds(5))).as("threads left behind").isEmpty();
    }

    /** Sends a request, which may itself fail at once when the connection is down: that is an outcome too. */
    private static CompletableFuture<QValue> executeAsync(QConnection q, QValue request) {
        try {
            return q.executeAsync(request);
        } catch (Q4jException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Within its timeout (and a margin), a request gets its echo or a q4j exception, as the fault allows.
     *
     * @return true when it got a value, false when it failed
     */
    private static boolean checkOutcome(Fault fault, QValue request, CompletableFuture<QValue> reply, Set<QValue> sent)
            throws InterruptedException {
        QValue value;
        try {
            value = reply.get(TIMEOUT.toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(request + " neither completed nor failed within its timeout under " + fault);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).as("the failure of %s under %s", request, fault).isInstanceOf(Q4jException.class);
            assertThat(fault).as("%s failed (%s) under a fault that loses nothing", request, e.getCause())
                    .isNotIn(Fault.DELAY, Fault.SPLIT);
            return false;
        }
        switch (fault) {
            case DELAY, SPLIT, CUT -> assertThat(value).as("the reply to %s under %s", request, fault)
                    .isEqualTo(request);
            case DUPLICATE -> assertThat(sent).as("the reply to %s under %s", request, fault).contains(value);
            // a corrupted byte may change the value, even its type: the protocol has no checksum
            default -> assertThat(value).as("the reply to %s under %s", request, fault).isNotNull();
        }
        return true;
    }

    /** The client is (or gets back) in service: a request gets its own reply within 10 s. */
    private static void assertServed(QConnection q, String when) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            QValue request = QCharVector.of("in service " + when + " " + System.nanoTime());
            try {
                assertThat(q.execute(request)).isEqualTo(request);
                return;
            } catch (Q4jException e) {
                last = e;
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the client was not back in service within 10 s (" + when + ")", last);
    }

    /**
     * KX's javakdb as the client of q4j's server, through faults on its requests: each of its sync calls gets its
     * echo or fails (javakdb has no timeouts of its own: its socket gets a read timeout), and the server lets go of
     * every connection, while the bystander is served.
     */
    @ParameterizedTest(name = "javakdb client, {0} requests")
    @MethodSource("javakdbClientFaults")
    void aJavakdbClientThroughFaultsGetsItsEchoOrAnError(Fault fault) throws Exception {
        try (FaultProxy proxy = new FaultProxy(server.port())) {
            proxy.delayMillis = 10;
            int answered = 0;
            for (int attempt = 0; attempt < 3; attempt++) {
                com.kx.c k;
                try {
                    k = new com.kx.c("127.0.0.1", proxy.port(), "user:pw");
                } catch (IOException | com.kx.c.KException e) {
                    continue;   // the cut of the previous connection may still be under way
                }
                k.s.setSoTimeout((int) TIMEOUT.toMillis() * 3);
                proxy.toServer(fault);
                try {
                    for (int i = 0; i < 10; i++) {
                        String request = "javakdb " + fault + " " + attempt + " " + i;
                        Object reply = k.k(request);
                        if (fault == Fault.DELAY || fault == Fault.SPLIT) {
                            assertThat(reply).isEqualTo(request.toCharArray());
                        }
                        answered++;
                    }
                } catch (IOException | com.kx.c.KException e) {
                    assertThat(fault).as("javakdb failed (%s) under a fault that loses nothing", e)
                            .isNotIn(Fault.DELAY, Fault.SPLIT);
                } finally {
                    k.close();
                }
            }
            assertThat(proxy.faulted()).as("messages the fault hit").isPositive();
            if (fault == Fault.DELAY || fault == Fault.SPLIT) {
                assertThat(answered).isEqualTo(30);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.clients().size() > 1 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(server.clients()).as("the server's clients after the session").hasSize(1);
        assertThat(bystanderFailures).as("the bystander's failures").isEmpty();
    }

    static Stream<Fault> javakdbClientFaults() {
        return Stream.of(Fault.DELAY, Fault.SPLIT, Fault.DUPLICATE, Fault.CORRUPT, Fault.CUT);
    }

    @Test
    void aReconnectResumesTheSubscription() throws Exception {
        List<Long> received = new CopyOnWriteArrayList<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        Thread publisher = new Thread(() -> {
            for (long i = 0; publishing.get(); i++) {
                for (ClientConnection c : subscribers) {
                    c.send(QLong.of(i));
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "test-publisher");
        publisher.start();
        try (FaultProxy proxy = new FaultProxy(server.port());
                QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", proxy.port())
                        .reconnect(new ReconnectPolicy(true, Duration.ofMillis(10), Duration.ofMillis(100), 100))
                        .listener((QMessage m) -> received.add(((QLong) m.value()).value()))
                        .onReconnect(c -> c.send("sub"))
                        .errorHandler(e -> { }).build())) {
            q.send("sub");
            awaitMore(received, 0, "before the cut");
            for (int cut = 1; cut <= 3; cut++) {
                int seen = received.size();
                proxy.toClient(Fault.CUT);
                awaitConnections(proxy, cut + 1);
                awaitMore(received, seen, "after cut " + cut);
            }
            assertThat(proxy.connections()).isEqualTo(4);
        } finally {
            publishing.set(false);
            publisher.join(5000);
        }
        List<Long> sorted = new ArrayList<>(received);
        sorted.sort(null);
        assertThat(received).as("updates arrive in order, none twice").isEqualTo(sorted).doesNotHaveDuplicates();
    }

    private static void awaitMore(List<Long> received, int than, String when) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (received.size() <= than + 10 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(received.size()).as("updates received " + when).isGreaterThan(than + 10);
    }

    private static void awaitConnections(FaultProxy proxy, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (proxy.connections() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(proxy.connections()).as("connections through the proxy").isGreaterThanOrEqualTo(n);
    }

    @Test
    void theFaultsLeaveNoDescriptorBehindAndTheBystanderWasServedThroughout() throws Exception {
        long before = openDescriptors();
        for (int round = 0; round < 2; round++) {
            for (Fault f : List.of(Fault.CUT, Fault.CORRUPT, Fault.SPLIT)) {
                everyRequestEndsInTimeAndTheClientGetsBackInService("q4j", "replies", f);
                everyRequestEndsInTimeAndTheClientGetsBackInService("q4j", "requests", f);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long after = openDescriptors();
        while (after > before && System.nanoTime() < deadline) {
            Thread.sleep(20);
            after = openDescriptors();
        }
        assertThat(after).as("open file descriptors after 12 faulty sessions (before: %d)", before)
                .isLessThanOrEqualTo(before);
        assertThat(bystanderFailures).as("the bystander's failures").isEmpty();
        assertThat(bystanderRequests.get()).as("the bystander's requests").isPositive();
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
