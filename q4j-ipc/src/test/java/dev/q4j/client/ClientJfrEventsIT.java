package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.internal.jfr.JfrCapture;
import dev.q4j.ipc.Endpoint;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's JDK Flight Recorder events, recorded while a real q4j client talks to a real q4j server on loopback:
 * connections opened and closed, and requests with their sizes on the wire, latency and outcome.
 *
 * <p>Expected sizes follow kdb+'s IPC format (KX, "Serialization examples"): an 8-byte header, then a char vector is
 * its type, attribute and int32 count (6 bytes) and one byte a char; a long vector the same 6 bytes and 8 a long; an
 * error type -128 and its text NUL-terminated.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClientJfrEventsIT {
    private static final String REQUEST = "dev.q4j.ClientRequest";
    private static final String OPENED = "dev.q4j.ClientConnectionOpened";
    private static final String CLOSED = "dev.q4j.ClientConnectionClosed";

    @TempDir
    Path dir;

    private JfrCapture jfr;
    /** replies a server's handler holds back, completed at the end so that no server waits at shutdown */
    private final List<CompletableFuture<QValue>> heldBack = new CopyOnWriteArrayList<>();

    @BeforeEach
    void record() {
        jfr = new JfrCapture();
    }

    @AfterEach
    void stop() {
        heldBack.forEach(f -> f.complete(QCharVector.of("late")));
        jfr.close();
    }

    /**
     * An echo server, except: {@code "slow"} is answered after 150 ms, {@code "fail"} with the q error
     * {@code 'type}, {@code "hold"} never (until the test ends), {@code "drop"} by closing the connection.
     */
    private QServer server(ServerOptions.Builder builder) throws IOException {
        return QServer.start(builder.requestHandler((client, request) -> {
            String text = request instanceof QCharVector c ? c.asString() : "";
            switch (text) {
                case "slow":
                    Thread.sleep(150);
                    break;
                case "fail":
                    throw new QErrorException("type");
                case "hold": {
                    CompletableFuture<QValue> never = new CompletableFuture<>();
                    heldBack.add(never);
                    return never;
                }
                case "drop":
                    client.close();
                    return new CompletableFuture<>();
                default:
                    break;
            }
            return CompletableFuture.completedFuture(request);
        }).build());
    }

    private QServer server() throws IOException {
        return server(ServerOptions.builder(0).bind("127.0.0.1"));
    }

    private static ConnectionOptions.Builder options(QServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5))
                .requestTimeout(Duration.ofSeconds(10));
    }

    private static String endpoint(QServer server) {
        return "127.0.0.1:" + server.port();
    }

    private static long charVectorBytes(String s) {
        return 8 + 6 + s.length();
    }

    @Test
    void aRequestAnsweredWithAValueRecordsItsBytesOnTheWireAndOutcome() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            QValue longs = QLongVector.of(1, 2, 3);
            assertThat(q.query("til 3")).isEqualTo(QCharVector.of("til 3"));
            assertThat(q.executeAsync(longs).get(10, TimeUnit.SECONDS)).isEqualTo(longs);

            RecordedEvent text = jfr.awaitOne(REQUEST, e -> e.getLong("bytesSent") == charVectorBytes("til 3"));
            assertThat(text.getString("endpoint")).isEqualTo(endpoint(server));
            assertThat(text.getString("type")).isEqualTo("sync");
            assertThat(text.getLong("bytesReceived")).isEqualTo(19);
            assertThat(text.getString("outcome")).isEqualTo("value");
            assertThat(text.getString("error")).isNull();
            RecordedEvent vector = jfr.awaitOne(REQUEST, e -> e.getLong("bytesSent") == 8 + 6 + 3 * 8);
            assertThat(vector.getLong("bytesReceived")).isEqualTo(38);
            assertThat(vector.getString("outcome")).isEqualTo("value");
        }
    }

    @Test
    void aRequestsDurationIsItsLatency() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            long start = System.nanoTime();
            q.query("slow");
            long elapsed = System.nanoTime() - start;
            RecordedEvent slow = jfr.awaitOne(REQUEST, e -> e.getLong("bytesSent") == charVectorBytes("slow"));
            // JFR's clock is not System.nanoTime(): 1 ms for the two to differ
            assertThat(slow.getDuration().toNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(150),
                    elapsed + TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    @Test
    void aQErrorReplyIsRecordedAsAQErrorWithItsText() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            assertThatThrownBy(() -> q.query("fail")).isInstanceOf(QErrorException.class).hasMessageContaining("type");
            RecordedEvent e = jfr.awaitOne(REQUEST, r -> r.getLong("bytesSent") == charVectorBytes("fail"));
            assertThat(e.getString("outcome")).isEqualTo("q error");
            assertThat(e.getString("error")).isEqualTo("type");
            // type -128, then "type" and its NUL
            assertThat(e.getLong("bytesReceived")).isEqualTo(8 + 1 + 5);
        }
    }

    @Test
    void aRequestThatTimesOutIsRecordedAsATimeoutWithNothingReceived() throws Exception {
        try (QServer server = server();
             QConnection q = QConnection.connect(options(server).requestTimeout(Duration.ofMillis(300)).build())) {
            CompletableFuture<QValue> held = q.queryAsync("hold");
            assertThatThrownBy(() -> held.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(QTimeoutException.class);
            RecordedEvent e = jfr.awaitOne(REQUEST, r -> r.getLong("bytesSent") == charVectorBytes("hold"));
            assertThat(e.getString("outcome")).isEqualTo("timeout");
            assertThat(e.getLong("bytesReceived")).isZero();
            assertThat(e.getString("error")).contains("within 300 ms");
            assertThat(e.getDuration().toMillis()).isGreaterThanOrEqualTo(300);
            // the late reply is read and dropped: the request stays recorded once, as timed out
            heldBack.forEach(f -> f.complete(QCharVector.of("late")));
            assertThat(q.query("after")).isEqualTo(QCharVector.of("after"));
            jfr.awaitOne(REQUEST, r -> r.getLong("bytesSent") == charVectorBytes("hold"));
        }
    }

    @Test
    void aConnectionTheServerDropsIsRecordedBrokenAndItsPendingRequestLost() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            CompletableFuture<QValue> pending = q.queryAsync("hold");
            assertThatThrownBy(() -> q.query("drop")).isInstanceOf(QConnectionException.class);
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QConnectionException.class);

            List<RecordedEvent> lost = jfr.await(REQUEST, 2, r -> r.getString("outcome").equals("connection lost"));
            assertThat(lost).extracting(r -> r.getLong("bytesSent"))
                    .containsExactlyInAnyOrder(charVectorBytes("hold"), charVectorBytes("drop"));
            assertThat(lost).allSatisfy(r -> assertThat(r.getLong("bytesReceived")).isZero());
            RecordedEvent closed = jfr.awaitOne(CLOSED, r -> true);
            assertThat(closed.getBoolean("closedByUser")).isFalse();
            assertThat(closed.getString("endpoint")).isEqualTo(endpoint(server));
            assertThat(closed.getString("reason")).contains("lost").contains("the server closed the connection");
            assertThat(closed.getDuration("connectedFor")).isPositive();
        }
    }

    @Test
    void openingAndClosingAreRecordedWithTransportUserCapabilityAndWhoClosed() throws Exception {
        try (QServer server = server()) {
            int capability;
            try (QConnection q = QConnection.connect(options(server).credentials("alice", "pw").build())) {
                capability = q.capability();
                q.query("x");
            }
            RecordedEvent opened = jfr.awaitOne(OPENED, r -> true);
            assertThat(opened.getString("endpoint")).isEqualTo(endpoint(server));
            assertThat(opened.getString("transport")).isEqualTo("TCP");
            assertThat(opened.getString("user")).isEqualTo("alice");
            assertThat(opened.getInt("capability")).isEqualTo(capability);
            assertThat(opened.getBoolean("reconnect")).isFalse();
            RecordedEvent closed = jfr.awaitOne(CLOSED, r -> true);
            assertThat(closed.getBoolean("closedByUser")).isTrue();
            assertThat(closed.getString("reason")).isEqualTo("connection to " + endpoint(server) + " closed");
            assertThat(closed.getDuration("connectedFor")).isPositive()
                    .isLessThanOrEqualTo(Duration.between(opened.getStartTime(), closed.getStartTime()).plusMillis(1));
        }
    }

    @Test
    void aPendingRequestOfAConnectionItsUserClosesIsRecordedAsClosed() throws Exception {
        try (QServer server = server()) {
            CompletableFuture<QValue> pending;
            try (QConnection q = QConnection.connect(options(server).build())) {
                pending = q.queryAsync("hold");
            }
            assertThatThrownBy(() -> pending.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QConnectionException.class);
            RecordedEvent e = jfr.awaitOne(REQUEST, r -> r.getLong("bytesSent") == charVectorBytes("hold"));
            assertThat(e.getString("outcome")).isEqualTo("closed");
        }
    }

    @Test
    void aReconnectIsRecordedAsAnOpenedConnectionThatReconnected() throws Exception {
        try (QServer server = server();
             QConnection q = QConnection.connect(options(server).reconnect(
                     ReconnectPolicy.backoff(Duration.ofMillis(10), Duration.ofMillis(50))).build())) {
            assertThatThrownBy(() -> q.query("drop")).isInstanceOf(QConnectionException.class);
            List<RecordedEvent> opened = jfr.await(OPENED, 2, r -> true);
            assertThat(opened).extracting(r -> r.getBoolean("reconnect")).containsExactly(false, true);
            assertThat(q.query("back")).isEqualTo(QCharVector.of("back"));
        }
    }

    @Test
    void anAsyncMessageIsRecordedWithItsSizeAndNoReply() throws Exception {
        try (QServer server = server(); QConnection q = QConnection.connect(options(server).build())) {
            q.send("fire");
            q.sync();
            RecordedEvent e = jfr.awaitOne(REQUEST, r -> r.getString("type").equals("async"));
            assertThat(e.getLong("bytesSent")).isEqualTo(charVectorBytes("fire"));
            assertThat(e.getLong("bytesReceived")).isZero();
            assertThat(e.getString("outcome")).isEqualTo("sent");
        }
    }

    @Test
    void aSocketFileConnectionIsRecordedWithTransportUnix() throws Exception {
        Path socket = dir.resolve("q.sock");
        try (QServer server = server(ServerOptions.builder(Endpoint.unix(socket)));
             QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.unix(socket))
                     .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(10)).build())) {
            q.query("x");
            RecordedEvent opened = jfr.awaitOne(OPENED, r -> true);
            assertThat(opened.getString("transport")).isEqualTo("unix");
            assertThat(opened.getString("endpoint")).isEqualTo("unix://" + socket);
            assertThat(server.clients()).hasSize(1);
        }
    }
}
