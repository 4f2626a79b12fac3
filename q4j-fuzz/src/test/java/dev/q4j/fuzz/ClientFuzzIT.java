package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.QErrorException;
import dev.q4j.QProtocolException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.ReconnectPolicy;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.ipc.Frames;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's reply framing: each input is everything a server sends, its handshake answer (the first byte) and
 * then messages. A fake server on loopback reads the handshake and {@value #REQUESTS} pipelined sync requests of a
 * {@link QConnection}, writes the input, and closes. What each request gets is checked against what the bytes
 * mean, worked out with {@link Decoder}: the value of its response (a {@link QErrorException} for a q error), in
 * order; the server's async messages to the listener, in order; and once the stream ends or breaks (a message that
 * is not valid, a response nobody asked for), a {@link QConnectionException} for every request still waiting. A
 * handshake answer that no kdb+ capability is fails the connect with a {@link QConnectionException}.
 *
 * <p>A finding is: another outcome for any request, a request neither completed nor failed within 5 seconds of
 * the server closing, an exception of another type, or (every 200 inputs and at the end) client threads left
 * behind.
 */
class ClientFuzzIT {
    private static final int REQUESTS = 3;
    private static final DecodeLimits LIMITS = DecodeLimits.DEFAULT;
    private static final Decoder DECODER = new Decoder(LIMITS);
    private static ServerSocket listener;
    private static int inputs;

    @BeforeAll
    static void listen() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
    }

    @AfterAll
    static void close() throws IOException {
        try {
            checkThreads();
        } finally {
            listener.close();
        }
    }

    /** @return the capability byte 3, then every corpus message; then one reply per request */
    static Stream<Arguments> seeds() {
        return Seeds.of(ClientFuzzIT.class, "replies", allSeeds());
    }

    private static Stream<Arguments> allSeeds() {
        List<Arguments> out = new ArrayList<>();
        Encoder encoder = new Encoder();
        byte[] three = new byte[0];
        for (int i = 0; i < REQUESTS; i++) {
            three = Seeds.concat(three, encoder.encode(MessageType.RESPONSE, QCharVector.of("r" + i)));
        }
        out.add(Arguments.of(Named.of("three replies", Seeds.concat(new byte[] {Handshake.CAPABILITY_V3}, three))));
        out.add(Arguments.of(Named.of("an error reply", Seeds.concat(new byte[] {3},
                encoder.encode(MessageType.RESPONSE, new QError("type"))))));
        out.add(Arguments.of(Named.of("not kdb+", new byte[] {0x15, 3, 1})));
        for (CorpusEntry e : Seeds.entries()) {
            byte[] m = e.message();
            m[1] = MessageType.RESPONSE.code();
            out.add(Arguments.of(Named.of("3 + " + e, Seeds.concat(new byte[] {Handshake.CAPABILITY_V3}, m))));
        }
        return out.stream();
    }

    @MethodSource("seeds")
    @FuzzTest
    void replies(byte[] data) throws Exception {
        if (data.length == 0) {
            return;   // a server that closes at once: a rejection, which HandshakeIT covers; nothing to frame
        }
        Expected expected = expect(data);
        List<QMessage> pushed = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> serverDone = CompletableFuture.runAsync(() -> serve(data));
        QConnection q;
        try {
            q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", listener.getLocalPort())
                    .connectTimeout(Duration.ofSeconds(5)).retryWithoutCapability(false)
                    .reconnect(ReconnectPolicy.NEVER).spinWait(Duration.ZERO)
                    .listener(pushed::add).errorHandler(e -> { }).build());
        } catch (QConnectionException e) {
            if (expected.connects) {
                throw new AssertionError("the handshake answer " + (data[0] & 0xFF) + " was refused: " + e, e);
            }
            awaitServer(serverDone, data);
            return;
        }
        List<CompletableFuture<QValue>> replies = new ArrayList<>();
        try (q) {
            if (!expected.connects) {
                throw new AssertionError("the handshake answer " + (data[0] & 0xFF) + " was accepted");
            }
            for (int i = 0; i < REQUESTS; i++) {
                replies.add(q.executeAsync(QCharVector.of("request " + i)));
            }
            for (int i = 0; i < REQUESTS; i++) {
                check(i, replies.get(i), expected.outcomes.get(i), data);
            }
        }
        awaitServer(serverDone, data);
        List<QMessage> expectedPushes = expected.pushes;
        if (pushed.size() > expectedPushes.size() || !expectedPushes.subList(0, pushed.size()).equals(pushed)) {
            throw new AssertionError("the listener got " + pushed + " where the server pushed " + expectedPushes
                    + " for " + Hex.hex(data));
        }
        if (++inputs % 200 == 0) {
            checkThreads();
        }
    }

    /** What a request must get: a value, a q error's text, or (both null) a connection failure. */
    private record Outcome(QValue value, String qError) {
    }

    private record Expected(boolean connects, List<Outcome> outcomes, List<QMessage> pushes) {
    }

    private static Expected expect(byte[] data) {
        int answer = data[0] & 0xFF;
        List<Outcome> outcomes = new ArrayList<>();
        List<QMessage> pushes = new ArrayList<>();
        if (answer > Handshake.CAPABILITY_LARGE) {
            return new Expected(false, outcomes, pushes);
        }
        int at = 1;
        while (at < data.length && outcomes.size() < REQUESTS) {
            int remaining = data.length - at;
            if (remaining < MessageHeader.SIZE) {
                break;
            }
            QMessage m;
            try {
                MessageHeader h = MessageHeader.read(data, at);
                if (h.length() > Math.min(LIMITS.maxMessageSize(), DecodeLimits.JVM_MAX_MESSAGE)
                        || h.length() > remaining) {
                    break;
                }
                m = DECODER.decode(data, at, (int) h.length());
                at += (int) h.length();
            } catch (QProtocolException e) {
                break;
            }
            if (m.type() == MessageType.RESPONSE) {
                outcomes.add(m.value() instanceof QError e ? new Outcome(null, e.message())
                        : new Outcome(m.value(), null));
            } else if (m.type() == MessageType.ASYNC) {
                pushes.add(m);
            }
            // a sync request from the server is answered (with the default handler's q error) and read past
        }
        while (outcomes.size() < REQUESTS) {
            outcomes.add(new Outcome(null, null));
        }
        return new Expected(true, outcomes, pushes);
    }

    private static void check(int i, CompletableFuture<QValue> reply, Outcome expected, byte[] data)
            throws InterruptedException {
        String where = "request " + i + " for " + Hex.hex(data);
        QValue value;
        try {
            value = reply.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(where + " neither completed nor failed within 5 s of the server closing", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QErrorException q && expected.qError() != null) {
                if (!q.qMessage().equals(expected.qError())) {
                    throw new AssertionError(where + " got the q error '" + q.qMessage() + "', not '"
                            + expected.qError() + "'", q);
                }
                return;
            }
            if (cause instanceof QConnectionException && expected.value() == null && expected.qError() == null) {
                return;
            }
            throw new AssertionError(where + " failed with " + cause + " where it must get " + describe(expected),
                    cause);
        }
        if (expected.value() == null || !expected.value().equals(value)) {
            throw new AssertionError(where + " got " + value + " where it must get " + describe(expected));
        }
    }

    private static String describe(Outcome o) {
        return o.value() != null ? "the value " + o.value() : o.qError() != null ? "the q error '" + o.qError() + "'"
                : "a QConnectionException";
    }

    /** The fake server: reads the handshake and the requests, writes the input, closes. */
    private static void serve(byte[] data) {
        try (Socket s = listener.accept()) {
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            for (int b; (b = in.read()) > 0; ) {
                // the handshake, up to its NUL
            }
            s.getOutputStream().write(data, 0, 1);
            if ((data[0] & 0xFF) <= Handshake.CAPABILITY_LARGE) {
                for (int i = 0; i < REQUESTS; i++) {
                    if (Frames.read(in, LIMITS) == null) {
                        return;
                    }
                }
                s.getOutputStream().write(data, 1, data.length - 1);
            }
            s.shutdownOutput();
            // the client answers the server's sync requests: read until it closes
            while (in.read(new byte[8192]) >= 0) {
                // drained
            }
        } catch (IOException e) {
            // the client may close first (it stops reading at a bad message)
        }
    }

    private static void awaitServer(CompletableFuture<Void> serverDone, byte[] data) throws Exception {
        try {
            serverDone.get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the fake server did not finish for " + Hex.hex(data)
                    + ": the client neither read nor closed", e);
        }
    }

    private static void checkThreads() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        while (!(left = clientThreads()).isEmpty() && System.nanoTime() < deadline) {
            ServerFuzzIT.sleep(10);
        }
        if (!left.isEmpty()) {
            throw new AssertionError("client threads still running 10 s after every connection closed: " + left);
        }
    }

    private static List<String> clientThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            String n = t.getName();
            if (t.isAlive() && (n.startsWith("q4j-reader-") || n.startsWith("q4j-flusher-")
                    || n.startsWith("q4j-delivery-") || n.startsWith("q4j-lost-"))) {
                names.add(n);
            }
        }
        return names;
    }
}
