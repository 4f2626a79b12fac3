package dev.q4j.server;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared pieces of the server tests: loopback servers, clients for them, bounded waits. */
final class TestServers {
    /** answers every request with the request itself */
    static final RequestHandler ECHO = RequestHandler.sync((client, request) -> request);

    private TestServers() {
    }

    /** @return a builder for a server on a free port of 127.0.0.1 (never on every interface) */
    static ServerOptions.Builder loopback() {
        return ServerOptions.builder(0).bind("127.0.0.1");
    }

    /** @return an echo server on 127.0.0.1 */
    static QServer echo() throws java.io.IOException {
        return QServer.start(loopback().requestHandler(ECHO).build());
    }

    /** @return a q4j client of {@code server}, with bounded connect and request times */
    static QConnection connect(QServer server) {
        return QConnection.connect(options(server).build());
    }

    /** @return options for a q4j client of {@code server}, with bounded connect and request times */
    static ConnectionOptions.Builder options(QServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port())
                .connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10));
    }

    /**
     * Polls {@code condition} until it holds.
     *
     * @throws AssertionError naming {@code what} when it still does not hold after {@code timeout}
     */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    /**
     * @param id a server connection's {@link ClientConnection#id()}
     * @return its live threads: the reader, and the writer once past the handshake
     */
    static java.util.List<Thread> threadsOf(long id) {
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && (t.getName().equals("q4j-server-read-" + id)
                    || t.getName().equals("q4j-server-write-" + id))) {
                threads.add(t);
            }
        }
        return threads;
    }

    /**
     * Waits for every one of {@code threads} to end.
     *
     * @throws AssertionError naming the first still alive after {@code timeout}, with where it is stuck
     */
    static void awaitEnded(java.util.List<Thread> threads, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (t.isAlive()) {
                StringBuilder stacks = new StringBuilder();
                Thread.getAllStackTraces().forEach((thread, stack) -> {
                    if (thread.getName().startsWith("q4j-server")) {
                        stacks.append('\n').append(thread.getName()).append(": ").append(java.util.List.of(stack));
                    }
                });
                throw new AssertionError(t.getName() + " still alive after " + timeout.toMillis() + " ms; the "
                        + "server's threads:" + stacks);
            }
        }
    }

    /** Checks that a well-behaved client still gets answers: a fresh value round trips through the echo server. */
    static void assertStillServes(QConnection good, QValue probe) {
        QValue back = good.execute(probe);
        if (!back.equals(probe)) {
            throw new AssertionError("the well-behaved client got " + back + " for " + probe);
        }
    }

    /** What each of {@link #onThreadsAtOnce}'s threads does. */
    interface PerThread {
        /**
         * @param thread the thread's number, 0 ..
         * @return how many requests it checked
         */
        int run(long thread) throws Exception;
    }

    /**
     * Runs {@code task} on {@code threads} threads that start together, and checks that each checked {@code expected}
     * requests; the threads are stopped afterwards, whatever happened.
     *
     * @throws AssertionError when a thread failed, or checked another number of requests, or did not stop
     */
    static void onThreadsAtOnce(int threads, int expected, PerThread task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long thread = t;
                results.add(pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    return task.run(thread);
                }));
            }
            for (Future<Integer> r : results) {
                int checked = r.get(20, TimeUnit.SECONDS);
                if (checked != expected) {
                    throw new AssertionError("a thread checked " + checked + " requests, not " + expected);
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                throw new AssertionError("the threads did not stop");
            }
        }
    }
}
