package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.internal.jfr.JfrCapture;
import dev.q4j.ipc.Frames;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import jdk.jfr.consumer.RecordedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server's JDK Flight Recorder events, recorded while real clients (q4j's, and raw sockets sending exactly the
 * bytes a test wants) talk to a real q4j server on loopback: connections opened and closed, requests handled with
 * their sizes on the wire, handler latency and outcome, and hostile clients disconnected with the reason the server
 * logs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ServerJfrEventsIT {
    private static final String REQUEST = "dev.q4j.ServerRequest";
    private static final String OPENED = "dev.q4j.ServerConnectionOpened";
    private static final String CLOSED = "dev.q4j.ServerConnectionClosed";
    private static final String DISCONNECT = "dev.q4j.ServerDisconnect";
    private static final Duration WITHIN = Duration.ofSeconds(5);

    @RegisterExtension
    final ServerFixture fixture = new ServerFixture();
    private JfrCapture jfr;
    private QServer server;

    @BeforeEach
    void record() {
        jfr = new JfrCapture();
    }

    @AfterEach
    void stop() {
        jfr.close();
    }

    /**
     * Starts a server answering {@code "slow"} after 150 ms, {@code "qerror"} with the q error {@code 'type} thrown,
     * {@code "qvalue"} with a {@link QError} value, {@code "boom"} with a handler exception; echoing the rest.
     */
    private void start(ServerOptions.Builder builder) throws IOException {
        server = fixture.start(builder.requestHandler((client, request) -> {
            String text = request instanceof QCharVector c ? c.asString() : "";
            switch (text) {
                case "slow":
                    Thread.sleep(150);
                    break;
                case "qerror":
                    throw new QErrorException("type");
                case "qvalue":
                    return CompletableFuture.completedFuture(new QError("length"));
                case "boom":
                    throw new IllegalStateException("boom");
                default:
                    break;
            }
            return CompletableFuture.completedFuture(request);
        }).asyncHandler((client, message) -> {
            if (message.equals(QCharVector.of("boom"))) {
                throw new IllegalStateException("async boom");
            }
        }));
    }

    private void start() throws IOException {
        start(TestServers.loopback());
    }

    private RawClient raw() throws IOException {
        return fixture.closeAfter(RawClient.connect(server.port()));
    }

    /** @return a little-endian message of {@code type} (0 async, 1 sync) holding the char vector {@code text} */
    private static byte[] charVectorMessage(int type, String text) {
        byte[] chars = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + 6 + chars.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) type).put((byte) 0).put((byte) 0).putInt(8 + 6 + chars.length);
        b.put((byte) 10).put((byte) 0).putInt(chars.length).put(chars);
        return b.array();
    }

    /** Sends a sync request of {@code text} and reads the reply. @return the reply's size on the wire */
    private static int roundTrip(RawClient r, String text) throws IOException {
        r.write(charVectorMessage(1, text));
        byte[] reply = Frames.read(r.socket.getInputStream(), DecodeLimits.DEFAULT);
        assertThat(reply).as("the reply to " + text).isNotNull();
        assertThat(reply[1]).as("a response").isEqualTo((byte) 2);
        return reply.length;
    }

    private static boolean sentBy(RecordedEvent e, ClientConnection c) {
        return e.getLong("connectionId") == c.id();
    }

    @Test
    void aRequestIsRecordedWithTheBytesTheClientSentAndReceived() throws Exception {
        start();
        RawClient r = fixture.handshaken("ann");
        ClientConnection ann = fixture.connection("ann");
        int replySize = roundTrip(r, "til 3");
        assertThat(replySize).isEqualTo(19);

        RecordedEvent e = jfr.awaitOne(REQUEST, x -> sentBy(x, ann));
        assertThat(e.getString("remoteAddress")).isEqualTo(ann.peer()).endsWith(":" + r.socket.getLocalPort());
        assertThat(e.getString("user")).isEqualTo("ann");
        assertThat(e.getString("type")).isEqualTo("sync");
        assertThat(e.getLong("bytesIn")).isEqualTo(charVectorMessage(1, "til 3").length);
        assertThat(e.getLong("bytesOut")).isEqualTo(replySize);
        assertThat(e.getString("outcome")).isEqualTo("value");
        assertThat(e.getString("error")).isNull();
    }

    @Test
    void aLargeReplysBytesOutIsItsSizeOnTheWire() throws Exception {
        start();
        try (QConnection q = QConnection.connect(TestServers.options(server).credentials("big", "").build())) {
            QValue big = QLongVector.of(LongStream.range(0, 10_000).toArray());
            assertThat(q.execute(big)).isEqualTo(big);
            RecordedEvent e = jfr.awaitOne(REQUEST, x -> sentBy(x, fixture.connection("big")));
            assertThat(e.getLong("bytesIn")).isEqualTo(8 + 6 + 8 * 10_000);
            assertThat(e.getLong("bytesOut")).isEqualTo(8 + 6 + 8 * 10_000);
        }
    }

    @Test
    void aQErrorAndAHandlerExceptionAreRecordedApart() throws Exception {
        start();
        RawClient r = fixture.handshaken("bea");
        ClientConnection bea = fixture.connection("bea");
        int thrown = roundTrip(r, "qerror");
        int returned = roundTrip(r, "qvalue");
        int boom = roundTrip(r, "boom");

        List<RecordedEvent> events = jfr.await(REQUEST, 3, x -> sentBy(x, bea));
        assertThat(events).hasSize(3);
        RecordedEvent q = events.stream().filter(x -> x.getLong("bytesIn") == 8 + 6 + 6).findFirst().orElseThrow();
        assertThat(q.getString("outcome")).isEqualTo("q error");
        assertThat(q.getString("error")).isEqualTo("type");
        // type -128, "type" and its NUL
        assertThat(q.getLong("bytesOut")).isEqualTo(thrown).isEqualTo(8 + 1 + 5);
        RecordedEvent v = events.stream().filter(x -> x.getLong("bytesOut") == returned && x != q).findFirst()
                .orElseThrow();
        assertThat(v.getString("outcome")).isEqualTo("q error");
        assertThat(v.getString("error")).isEqualTo("length");
        RecordedEvent b = events.stream().filter(x -> x.getLong("bytesIn") == 8 + 6 + 4).findFirst().orElseThrow();
        assertThat(b.getString("outcome")).isEqualTo("handler exception");
        assertThat(b.getString("error")).isEqualTo("java.lang.IllegalStateException: boom");
        assertThat(b.getLong("bytesOut")).isEqualTo(boom).isEqualTo(8 + 1 + 5);
    }

    @Test
    void theHandlersLatencyIsTheRequestsDuration() throws Exception {
        start();
        RawClient r = fixture.handshaken("cat");
        long start = System.nanoTime();
        roundTrip(r, "slow");
        long elapsed = System.nanoTime() - start;
        RecordedEvent e = jfr.awaitOne(REQUEST, x -> sentBy(x, fixture.connection("cat")));
        // JFR's clock is not System.nanoTime(): 1 ms for the two to differ
        assertThat(e.getDuration().toNanos()).isBetween(TimeUnit.MILLISECONDS.toNanos(150),
                elapsed + TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Test
    void asyncMessagesAreRecordedWithTheirHandlersOutcome() throws Exception {
        start();
        RawClient r = fixture.handshaken("dan");
        ClientConnection dan = fixture.connection("dan");
        r.write(charVectorMessage(0, "upd"));
        r.write(charVectorMessage(0, "boom"));
        roundTrip(r, "");

        List<RecordedEvent> async = jfr.await(REQUEST, 2, x -> sentBy(x, dan) && x.getString("type").equals("async"));
        assertThat(async).extracting(x -> x.getLong("bytesIn")).containsExactly(8L + 6 + 3, 8L + 6 + 4);
        assertThat(async).extracting(x -> x.getLong("bytesOut")).containsExactly(0L, 0L);
        assertThat(async).extracting(x -> x.getString("outcome")).containsExactly("value", "handler exception");
        assertThat(async.get(1).getString("error")).isEqualTo("java.lang.IllegalStateException: async boom");
    }

    @Test
    void aClientsConnectionIsRecordedOpenedAndClosedByTheClientOrByTheServer() throws Exception {
        start();
        int capability;
        try (QConnection q = QConnection.connect(TestServers.options(server).credentials("eve", "").build())) {
            capability = q.capability();
            q.query("x");
        }
        ClientConnection eve = fixture.connection("eve");
        RecordedEvent opened = jfr.awaitOne(OPENED, x -> sentBy(x, eve));
        assertThat(opened.getString("user")).isEqualTo("eve");
        assertThat(opened.getString("remoteAddress")).isEqualTo(eve.peer());
        assertThat(opened.getInt("capability")).isEqualTo(capability);
        assertThat(opened.getDuration("handshakeTime")).isPositive();
        RecordedEvent closed = jfr.awaitOne(CLOSED, x -> sentBy(x, eve));
        assertThat(closed.getString("reason")).isEqualTo("closed by the client");
        assertThat(closed.getString("user")).isEqualTo("eve");
        assertThat(closed.getDuration("connectedFor")).isPositive();
        // an ordinary close is no disconnect
        assertThat(jfr.find(DISCONNECT, x -> sentBy(x, eve))).isEmpty();

        fixture.handshaken("fay");
        ClientConnection fay = fixture.connection("fay");
        server.shutdown(Duration.ofSeconds(1));
        RecordedEvent byServer = jfr.awaitOne(CLOSED, x -> sentBy(x, fay));
        assertThat(byServer.getString("reason")).isEqualTo("closed by the server");
        assertThat(jfr.find(DISCONNECT, x -> sentBy(x, fay))).isEmpty();
    }

    /**
     * Checks that the server disconnected {@code r} with a logged reason containing {@code reason}, and recorded that
     * very reason in one disconnect event.
     */
    private RecordedEvent assertDisconnectRecorded(RawClient r, String reason) throws Exception {
        r.assertClosedByServer(WITHIN);
        String logged = fixture.log().await(WITHIN, ":" + r.socket.getLocalPort() + ": ", reason);
        String peerPort = ":" + r.socket.getLocalPort();
        RecordedEvent e = jfr.awaitOne(DISCONNECT, x -> x.getString("remoteAddress").endsWith(peerPort));
        assertThat(e.getString("reason")).contains(reason);
        assertThat(logged).endsWith(": " + e.getString("reason"));
        return e;
    }

    @Test
    void hostileClientsAreRecordedDisconnectedWithTheReasonTheServerLogs() throws Exception {
        start(TestServers.loopback().authenticator((user, password) -> !user.equals("mallory"))
                .limits(DecodeLimits.DEFAULT.withMaxMessageSize(1 << 20))
                .handshakeTimeout(Duration.ofSeconds(1)).messageTimeout(Duration.ofMillis(500)));

        RawClient noNul = raw();
        noNul.writeMaybeRefused("x".repeat(2000).getBytes(StandardCharsets.US_ASCII));
        RecordedEvent e = assertDisconnectRecorded(noNul, "handshake longer than 1024 bytes without a NUL");
        assertThat(e.getBoolean("authenticated")).isFalse();
        assertThat(e.getString("user")).isEmpty();

        RawClient mallory = raw();
        assertThat(mallory.handshake("mallory:pw", 3)).isEqualTo(-1);
        assertThat(assertDisconnectRecorded(mallory, "rejected the credentials of user 'mallory'")
                .getBoolean("authenticated")).isFalse();

        RawClient silent = raw();
        assertDisconnectRecorded(silent, "no handshake within 1000 ms");

        RawClient badOrder = fixture.handshaken("order");
        badOrder.writeMaybeRefused(new byte[] {7, 1, 0, 0, 20, 0, 0, 0, 10, 0, 0, 0, 0, 0});
        e = assertDisconnectRecorded(badOrder, "bad byte-order byte 7");
        assertThat(e.getBoolean("authenticated")).isTrue();
        assertThat(e.getString("user")).isEqualTo("order");
        assertThat(e.getLong("connectionId")).isEqualTo(fixture.connection("order").id());
        // a connection past its handshake is recorded closed too, for the same reason
        assertThat(jfr.awaitOne(CLOSED, x -> x.getLong("connectionId") == fixture.connection("order").id())
                .getString("reason")).isEqualTo(e.getString("reason"));

        RawClient tooLarge = fixture.handshaken("large");
        tooLarge.writeMaybeRefused(new byte[] {1, 1, 0, 0, 1, 0, 16, 0});
        assertDisconnectRecorded(tooLarge, "message of 1048577 bytes is over the limit of 1048576 bytes");

        RawClient garbage = fixture.handshaken("garbage");
        garbage.writeMaybeRefused(new byte[] {1, 1, 0, 0, 10, 0, 0, 0, 113, 0});
        assertDisconnectRecorded(garbage, "unknown type 113");

        RawClient stalled = fixture.handshaken("stalled");
        stalled.writeMaybeRefused(new byte[] {1, 1, 0, 0, 100, 0, 0, 0, 10, 0});
        assertDisconnectRecorded(stalled, "a message stalled: not complete 500 ms after it began");
    }

    @Test
    void aClientRefusedForCapacityIsRecordedDisconnected() throws Exception {
        start(TestServers.loopback().maxConnections(1));
        fixture.handshaken("only");
        RawClient extra = raw();
        RecordedEvent e = assertDisconnectRecorded(extra, "1 connections already (ServerOptions.maxConnections)");
        assertThat(e.getBoolean("authenticated")).isFalse();
    }

    @Test
    void aClientThatNeverReadsIsRecordedDisconnectedAsTooSlow() throws Exception {
        long maxQueued = 256 * 1024;
        start(TestServers.loopback().maxQueuedBytes(maxQueued));
        RawClient slow = RawClient.connect(server.port(), 4096);
        fixture.closeAfter(slow);
        assertThat(slow.handshake("slow:pw", 3)).isEqualTo(3);
        TestServers.await("slow connected", WITHIN, () -> fixture.byUser().containsKey("slow"));
        ClientConnection handle = fixture.connection("slow");
        QValue chunk = QLongVector.of(LongStream.range(0, 8 * 1024).toArray());   // 64 KiB
        int sent = 0;
        while (handle.send(chunk)) {
            assertThat(++sent).as("pushes accepted before the client was cut off").isLessThan(2000);
        }
        RecordedEvent e = assertDisconnectRecorded(slow, "too slow");
        assertThat(e.getString("reason")).contains("ServerOptions.maxQueuedBytes is " + maxQueued);
        assertThat(e.getString("user")).isEqualTo("slow");
    }
}
