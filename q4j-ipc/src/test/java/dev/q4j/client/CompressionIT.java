package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Compression on the wire: replies real kdb+ compressed (the corpora's captures) are read transparently; what the
 * client sends is compressed under kdb+'s rules (over 2000 bytes, under half the size, never to a local peer, never
 * below capability 1), or always, or never, as the options say.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CompressionIT {

    private static Path corpus() {
        String configured = System.getProperty("q4j.corpus");
        for (String candidate : new String[] {configured, "../shared/corpus", "../../shared/corpus"}) {
            if (candidate != null && Files.isDirectory(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        throw new IllegalStateException("corpus not found: set -Dq4j.corpus (tried " + configured
                + ", ../shared/corpus, ../../shared/corpus)");
    }

    /** qPython's compressed captures from real kdb+ 3.x, as complete response messages, keyed by q expression. */
    private static Map<String, byte[]> qpythonCompressed() throws IOException {
        List<String> lines = Files.readAllLines(corpus().resolve("qpython/QCompressedExpressions3.out"),
                StandardCharsets.US_ASCII);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size() && !lines.get(i + 1).isBlank(); i += 2) {
            byte[] body = HexFormat.of().parseHex(lines.get(i + 1).trim().toLowerCase());
            byte[] m = new byte[body.length + 8];
            m[0] = 1;
            m[1] = 2;   // response
            m[2] = 1;   // compressed
            int n = m.length;
            m[4] = (byte) n;
            m[5] = (byte) (n >> 8);
            m[6] = (byte) (n >> 16);
            m[7] = (byte) (n >> 24);
            System.arraycopy(body, 0, m, 8, body.length);
            out.put(lines.get(i), m);
        }
        return out;
    }

    /** node-q's compressed vectors (real kdb+'s -18! output), turned into responses. */
    private static List<byte[]> nodeqCompressed() throws IOException {
        Pattern hex = Pattern.compile("^- hex \\((\\d+) bytes\\): `([0-9a-fA-F]*)`\\s*$");
        List<byte[]> out = new ArrayList<>();
        for (String line : Files.readAllLines(corpus().resolve("nodeq/VECTORS.md"), StandardCharsets.UTF_8)) {
            Matcher m = hex.matcher(line);
            if (m.matches()) {
                byte[] bytes = HexFormat.of().parseHex(m.group(2).toLowerCase());
                if (bytes.length > 8 && bytes[2] == 1) {
                    bytes[1] = 2;
                    out.add(bytes);
                }
            }
        }
        return out;
    }

    @Test
    void compressedRepliesFromRealKdbAreReadTransparently() throws Exception {
        Map<String, byte[]> qpython = qpythonCompressed();
        List<byte[]> nodeq = nodeqCompressed();
        assertThat(qpython).hasSize(3);
        assertThat(nodeq).hasSize(18);
        List<byte[]> replies = new ArrayList<>(qpython.values());
        replies.addAll(nodeq);
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            for (byte[] reply : replies) {
                peer.read();
                peer.writeRaw(reply);
            }
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port()).build())) {
            String[] q1000 = new String[1000];
            Arrays.fill(q1000, "q");
            String[] a200 = new String[200];
            Arrays.fill(a200, "a");
            assertThat(q.query("1000#`q")).isEqualTo(QSymbolVector.of(q1000));
            assertThat(q.query("([] q:1000#`q)")).isEqualTo(QTable.of(List.of("q"), List.of(QSymbolVector.of(q1000))));
            assertThat(q.query("([] a:til 200;b:25+til 200;c:200#`a)")).isEqualTo(QTable.of(List.of("a", "b", "c"),
                    List.of(QLongVector.of(LongStream.range(0, 200).toArray()),
                            QLongVector.of(LongStream.range(25, 225).toArray()), QSymbolVector.of(a200))));
            Decoder decoder = new Decoder();
            for (byte[] reply : nodeq) {
                QMessage expected = decoder.decode(reply);
                assertThat(expected.compressed()).isTrue();
                assertThat(q.query("next")).isEqualTo(expected.value());
            }
        }
    }

    /** A big, very compressible argument: 4000 longs, over 32 KB. */
    private static final QLongVector BIG = QLongVector.of(LongStream.range(0, 4000).map(i -> i % 3).toArray());
    /** A small compressible one: 100 zeros, about 830 bytes. */
    private static final QLongVector SMALL = QLongVector.of(new long[100]);

    /** @return the raw bytes of the two requests (BIG then SMALL) a client with these options sends */
    private static List<byte[]> sent(String host, Compression compression, int serverCapability) throws Exception {
        List<byte[]> raw = new ArrayList<>();
        List<QValue> decoded = new ArrayList<>();
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(serverCapability);
            for (int i = 0; i < 2; i++) {
                decoded.add(peer.read().value());
                peer.reply(QLong.of(i));
            }
            raw.addAll(peer.rawMessages);
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(ConnectionOptions.builder(host, server.port())
                .compression(compression).connectTimeout(Duration.ofSeconds(5)).build())) {
            assertThat(q.call("store", BIG)).isEqualTo(QLong.of(0));
            assertThat(q.call("store", SMALL)).isEqualTo(QLong.of(1));
        }
        // whatever the compression, the server reads what was sent
        assertThat(decoded).containsExactly(QList.of(dev.q4j.value.QCharVector.of("store"), BIG),
                QList.of(dev.q4j.value.QCharVector.of("store"), SMALL));
        assertThat(raw).allSatisfy(m -> assertThat(m[1]).isEqualTo(MessageType.SYNC.code()));
        return raw;
    }

    private static boolean compressed(byte[] message) {
        return message[2] == 1;
    }

    /** @return for each of the two requests {@link #sent} (BIG then SMALL), whether it went compressed */
    private static List<Boolean> compressedSent(String host, Compression compression, int serverCapability)
            throws Exception {
        return sent(host, compression, serverCapability).stream().map(CompressionIT::compressed).toList();
    }

    @Test
    void byKdbsRulesNothingIsCompressedForALoopbackPeer() throws Exception {
        assertThat(compressedSent("127.0.0.1", Compression.KDB, 3)).containsExactly(false, false);
    }

    @Test
    void byKdbsRulesOnlyMessagesOver2000BytesAreCompressedForARemotePeer() throws Exception {
        List<byte[]> raw = sent(RemoteLookingTransportProvider.HOST, Compression.KDB, 3);
        assertThat(compressed(raw.get(0))).isTrue();
        assertThat(raw.get(0).length).isLessThan((int) (8 + dev.q4j.codec.Encoder.sizeOf(
                QList.of(dev.q4j.value.QCharVector.of("store"), BIG))) / 2);
        assertThat(compressed(raw.get(1))).as("under 2000 bytes").isFalse();
    }

    @Test
    void alwaysCompressesEvenForLoopbackAndSmallMessages() throws Exception {
        assertThat(compressedSent("127.0.0.1", Compression.ALWAYS, 3)).containsExactly(true, true);
    }

    @Test
    void neverMeansNever() throws Exception {
        assertThat(compressedSent(RemoteLookingTransportProvider.HOST, Compression.NEVER, 3))
                .containsExactly(false, false);
    }

    @Test
    void aPeerAtCapability0CannotReadCompressionSoItGetsNone() throws Exception {
        assertThat(compressedSent(RemoteLookingTransportProvider.HOST, Compression.ALWAYS, 0))
                .containsExactly(false, false);
    }
}
