package dev.q4j.server;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.value.QValue;
import java.time.Duration;
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

    /** Checks that a well-behaved client still gets answers: a fresh value round trips through the echo server. */
    static void assertStillServes(QConnection good, QValue probe) {
        QValue back = good.execute(probe);
        if (!back.equals(probe)) {
            throw new AssertionError("the well-behaved client got " + back + " for " + probe);
        }
    }
}
