package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.QErrorException;
import dev.q4j.QProtocolException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.ipc.Endpoint;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's handshake and framing: each input is everything one client sends (its handshake up to the NUL, then
 * messages), written to a {@link QServer} on loopback whose handler echoes every sync request; then the client
 * half-closes and reads until the server closes. What the server sends is checked against what it must send,
 * worked out with {@link Handshake} and {@link Decoder} from the same bytes: the capability byte (or nothing for a
 * rejected, unterminated or overlong handshake), then the echo of each sync message, in order, up to the first
 * message that is not valid. After a clean end (the stream ends between messages) every reply must arrive; after a
 * violation the server disconnects at once, so what arrives must be a prefix of that.
 *
 * <p>A finding is: other bytes than those; the server neither answering nor closing within 5 seconds of the
 * client's end; and, every 200 inputs and at the end, server threads left behind, or the server not answering an
 * ordinary client.
 */
class ServerFuzzIT {
    /** the user the server rejects: every other user is let in */
    private static final String REJECTED = "reject";
    private static final DecodeLimits LIMITS = DecodeLimits.DEFAULT;
    private static final Decoder DECODER = new Decoder(LIMITS);
    private static final Encoder ENCODER = new Encoder();
    private static final Logger SERVER_LOG = Logger.getLogger("dev.q4j.server");
    private static QServer server;
    private static int inputs;

    @BeforeAll
    static void startServer() throws IOException {
        // every input is a misbehaving client the server logs: thousands of lines a second while fuzzing
        SERVER_LOG.setLevel(Level.OFF);
        server = QServer.start(ServerOptions.builder(Endpoint.tcp("127.0.0.1", 0))
                .authenticator((user, password) -> !user.equals(REJECTED))
                .requestHandler(RequestHandler.sync((client, request) -> request))
                .build());
    }

    @AfterAll
    static void stopServer() {
        try {
            checkHealth();
        } finally {
            server.close();
            SERVER_LOG.setLevel(null);
        }
    }

    /** @return every corpus message after a handshake, and the handshakes that matter on their own */
    static Stream<Arguments> seeds() {
        return Seeds.of(ServerFuzzIT.class, "connectAndSend", allSeeds());
    }

    private static Stream<Arguments> allSeeds() {
        List<Arguments> out = new ArrayList<>();
        byte[] hello = Handshake.request("user:password", Handshake.CAPABILITY_V3);
        for (CorpusEntry e : Seeds.entries()) {
            out.add(Arguments.of(Named.of("hello + " + e, Seeds.concat(hello, e.message()))));
        }
        out.add(Arguments.of(Named.of("hello alone", hello)));
        out.add(Arguments.of(Named.of("no capability byte", Handshake.requestWithoutCapability("u"))));
        out.add(Arguments.of(Named.of("rejected user", Handshake.request(REJECTED + ":x", 3))));
        out.add(Arguments.of(Named.of("capability 6", Handshake.request("", 6))));
        out.add(Arguments.of(Named.of("no NUL", "user:password".getBytes(StandardCharsets.UTF_8))));
        return out.stream();
    }

    @MethodSource("seeds")
    @FuzzTest
    void connectAndSend(byte[] data) throws IOException {
        Expected expected = expect(data);
        byte[] got = exchange(data);
        boolean ok = expected.cleanEnd ? Arrays.equals(got, expected.bytes)
                : got.length <= expected.bytes.length
                        && Arrays.equals(got, 0, got.length, expected.bytes, 0, got.length);
        if (!ok) {
            throw new AssertionError("the server sent " + Hex.hex(got) + " where it must send "
                    + (expected.cleanEnd ? "" : "a prefix of ") + Hex.hex(expected.bytes) + " for the client bytes "
                    + Hex.hex(data));
        }
        if (++inputs % 200 == 0) {
            checkHealth();
        }
    }

    private record Expected(byte[] bytes, boolean cleanEnd) {
    }

    /** What the server must answer, worked out from the bytes alone. */
    private static Expected expect(byte[] data) {
        int nul = -1;
        for (int i = 0; i < data.length && i <= Handshake.MAX_REQUEST; i++) {
            if (data[i] == 0) {
                nul = i;
                break;
            }
        }
        if (nul < 0) {
            return new Expected(new byte[0], false);
        }
        Handshake.Request request = Handshake.parseRequest(data, nul);
        if (request.user().equals(REJECTED)) {
            return new Expected(new byte[0], false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Handshake.agree(request.capability(), server.options().maxCapability()));
        int at = nul + 1;
        while (at < data.length) {
            int remaining = data.length - at;
            if (remaining < MessageHeader.SIZE) {
                return new Expected(out.toByteArray(), false);
            }
            QMessage m;
            try {
                MessageHeader h = MessageHeader.read(data, at);
                if (h.length() > Math.min(LIMITS.maxMessageSize(), DecodeLimits.JVM_MAX_MESSAGE)
                        || h.length() > remaining) {
                    return new Expected(out.toByteArray(), false);
                }
                m = DECODER.decode(data, at, (int) h.length());
                at += (int) h.length();
            } catch (QProtocolException e) {
                return new Expected(out.toByteArray(), false);
            }
            if (m.type() == MessageType.SYNC) {
                out.writeBytes(reply(m.value()));
            }
        }
        return new Expected(out.toByteArray(), true);
    }

    /** The echo of a request as the server encodes it: uncompressed to a local client, or the q error. */
    private static byte[] reply(QValue request) {
        try {
            return ENCODER.encode(MessageType.RESPONSE, request, Compression.NEVER);
        } catch (RuntimeException e) {
            String m = e instanceof QErrorException q ? q.qMessage() : e.getMessage();
            return ENCODER.encode(MessageType.RESPONSE, new QError(m == null || m.isEmpty()
                    ? e.getClass().getSimpleName() : m.replace('\0', ' ')), Compression.NEVER);
        }
    }

    /** Sends the bytes, half-closes, and reads what comes back until the server closes. */
    private static byte[] exchange(byte[] data) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 5000);
            s.setSoTimeout(5000);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try {
                OutputStream out = s.getOutputStream();
                out.write(data);
                out.flush();
                s.shutdownOutput();
            } catch (SocketException closedEarly) {
                // the server may close before it has read everything (a rejection, a bad header)
            }
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server neither answered nor closed within 5 s of the end of "
                        + Hex.hex(data) + "; it sent " + Hex.hex(got.toByteArray()), e);
            } catch (SocketException reset) {
                // a disconnect with unread bytes resets the connection: what came before it counts
            }
            return got.toByteArray();
        }
    }

    /** No server threads left behind once every client is gone, and an ordinary client is served. */
    private static void checkHealth() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        while (!(left = serverConnectionThreads()).isEmpty() && System.nanoTime() < deadline) {
            sleep(10);
        }
        if (!left.isEmpty()) {
            throw new AssertionError("server threads still running 10 s after every client left: " + left);
        }
        try (QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                .connectTimeout(Duration.ofSeconds(5)).requestTimeout(Duration.ofSeconds(5)).build())) {
            QValue answer = q.query("still there?");
            if (!answer.equals(QCharVector.of("still there?"))) {
                throw new AssertionError("the server answered an ordinary request with " + answer);
            }
        }
    }

    private static List<String> serverConnectionThreads() {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && (t.getName().startsWith("q4j-server-read-")
                    || t.getName().startsWith("q4j-server-write-"))) {
                names.add(t.getName());
            }
        }
        return names;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
