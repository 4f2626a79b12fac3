package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.codec.QMessage;
import dev.q4j.codec.Capability;
import dev.q4j.ipc.Frames;
import dev.q4j.examples.demo.DemoSystem;
import dev.q4j.testkit.replay.RecordingProxy;
import dev.q4j.testkit.replay.ReplayServer;
import dev.q4j.testkit.replay.Session;
import dev.q4j.testing.tools.NodeProject;
import dev.q4j.value.QValue;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session recorded through the proxy from the demo's real-time database with three independent clients (q4j,
 * javakdb, node-q), then replayed without it: every client gets what it got from the database, the replies go out
 * byte for byte as recorded, and a changed request fails with a readable diff.
 */
class DemoRecordReplayIT {
    private static final List<String> Q4J = List.of("tables[]", "count trade", "select last price by sym from trade",
            "3#quote", "no such thing");
    private static final List<String> JAVAKDB = List.of("count quote", "-2#trade");
    private static final List<String> NODEQ = List.of("count trade", "2#trade", "select last bid by sym from quote");

    @TempDir
    static Path dir;
    static Path file;
    static List<Object> q4jRecorded;
    static List<byte[]> javakdbRecorded;
    static List<String> nodeqRecorded;

    @BeforeAll
    static void record() throws Exception {
        file = dir.resolve("demo.q4js");
        try (DemoSystem demo = DemoSystem.start(0, 0, 200, 1000)) {
            demo.startFeed();
            Thread.sleep(300);
            demo.drain(Duration.ofSeconds(10));
            try (RecordingProxy proxy = RecordingProxy.start(0, "127.0.0.1", demo.rdbPort(), file)) {
                q4jRecorded = q4j(proxy.port(), Q4J);
                javakdbRecorded = javakdb(proxy.port(), JAVAKDB);
                nodeqRecorded = nodeq(proxy.port(), NODEQ);
            }
        }
    }

    @AfterAll
    static void noThreadLeft() {
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(n -> n.startsWith("q4j-record") || n.startsWith("q4j-replay"));
    }

    @Test
    void theFileHoldsEveryConnectionsMessagesAsTextAndHex() throws Exception {
        String text = Files.readString(file);
        assertThat(text).startsWith("q4j-session 1\n")
                .contains("login 1 user= capability=", "login 2 user=", "login 3 user=")
                .contains("> 1 sync \"count trade\"\n  0", "> 1 sync \"no such thing\"", "< 1 response '\"nyi: ")
                .contains("> 2 sync \"-2#trade\"", "> 3 sync \"select last bid by sym from quote\"")
                .contains("close 1", "close 2", "close 3");
        Session session = Session.read(file);
        assertThat(session.toText()).isEqualTo(text.lines().filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n"));
        assertThat(session.entries()).filteredOn(e -> e.kind() == Session.Kind.REQUEST).hasSize(10);
    }

    @Test
    void theReplayAnswersEachClientAsTheDatabaseDid() throws Exception {
        try (ReplayServer replay = ReplayServer.start(file)) {
            assertThat(q4j(replay.port(), Q4J)).isEqualTo(q4jRecorded);
            List<byte[]> javakdb = javakdb(replay.port(), JAVAKDB);
            assertThat(javakdb).hasSameSizeAs(javakdbRecorded);
            for (int i = 0; i < javakdb.size(); i++) {
                assertThat(javakdb.get(i)).as(JAVAKDB.get(i)).isEqualTo(javakdbRecorded.get(i));
            }
            assertThat(nodeq(replay.port(), NODEQ)).isEqualTo(nodeqRecorded);
            replay.assertNoMismatch();
            replay.assertAllReplayed();
        }
    }

    @Test
    void theRepliesGoOutByteForByteOnEveryConnection() throws Exception {
        Session session = Session.read(file);
        try (ReplayServer replay = ReplayServer.start(file)) {
            for (int connection = 1; connection <= 3; connection++) {
                int replies = replayRaw(replay.port(), session, connection);
                assertThat(replies).as("replies compared on connection %s", connection).isPositive();
            }
            replay.assertNoMismatch();
            replay.assertAllReplayed();
        }
    }

    /** Sends a recorded connection's requests as recorded; checks each reply's bytes; returns how many. */
    private static int replayRaw(int port, Session session, int connection) throws Exception {
        int replies = 0;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(new byte[] {'a', (byte) Capability.V3.code(), 0});
            assertThat(in.read()).isEqualTo(3);
            for (Session.Entry e : session.entries()) {
                if (e.connection() != connection) {
                    continue;
                }
                if (e.kind() == Session.Kind.REQUEST) {
                    out.write(e.bytes());
                    out.flush();
                } else if (e.kind() == Session.Kind.REPLY) {
                    assertThat(Frames.read(in, dev.q4j.codec.DecodeLimits.DEFAULT)).as(e.toString())
                            .isEqualTo(e.bytes());
                    replies++;
                }
            }
        }
        return replies;
    }

    @Test
    void aSubscriptionIsReplayedWithThePushesThatFollowedIt() throws Exception {
        Path subscription = dir.resolve("subscription.q4js");
        List<QValue> live = new CopyOnWriteArrayList<>();
        try (DemoSystem demo = DemoSystem.start(0, 0, 200, 1000)) {
            demo.startFeed();
            try (RecordingProxy proxy = RecordingProxy.start(0, "127.0.0.1", demo.tickerplantPort(), subscription)) {
                subscribe(proxy.port(), live, 5);
            }
            demo.drain(Duration.ofSeconds(10));
        }
        Session session = Session.read(subscription);
        assertThat(session.entries()).filteredOn(e -> e.kind() == Session.Kind.REPLY
                && e.messageType() == dev.q4j.codec.MessageType.ASYNC).hasSizeGreaterThanOrEqualTo(5);

        List<QValue> replayed = new CopyOnWriteArrayList<>();
        try (ReplayServer replay = ReplayServer.start(subscription)) {
            subscribe(replay.port(), replayed, 5);
            replay.assertNoMismatch();
        }
        assertThat(replayed.subList(0, 5)).isEqualTo(live.subList(0, 5));
        assertThat(replayed.get(0)).asString().startsWith("(`upd;`");
    }

    /** Subscribes to every table through a q4j connection and waits for {@code n} updates. */
    private static void subscribe(int port, List<QValue> into, int n) throws InterruptedException {
        try (QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", port)
                .listener((QMessage m) -> into.add(m.value())).build())) {
            q.call(".u.sub", "", "");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (into.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(into).as("updates received").hasSizeGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void aChangedRequestFailsWithAReadableDiff() throws Exception {
        List<String> changed = new ArrayList<>(Q4J);
        changed.set(1, "count quote");
        try (ReplayServer replay = ReplayServer.start(file)) {
            List<Object> got = q4j(replay.port(), changed);
            assertThat(got.get(1)).asString().contains("replay: not recorded: \"count quote\"");
            assertThat(replay.mismatches()).hasSize(4);   // the rest of the connection is out of step too
            assertThatThrownBy(replay::assertNoMismatch).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("the application sent something else than recorded (connection 1)")
                    .hasMessageContaining("  sent:     > 1 sync \"count quote\"\n")
                    .hasMessageContaining("  recorded: > 1 sync \"count trade\"   (line ")
                    .hasMessageContaining("the q text differs from character 8: quote\" where the recording has "
                            + "trade\"")
                    .hasMessageContaining("the bytes differ from offset 20: ");
        }
    }

    @Test
    void matchingAnswersRequestsInAnyOrderOnAnyConnection() throws Exception {
        List<String> reversed = new ArrayList<>(Q4J);
        java.util.Collections.reverse(reversed);
        List<Object> expected = new ArrayList<>(q4jRecorded);
        java.util.Collections.reverse(expected);
        try (ReplayServer replay = ReplayServer.builder(Session.read(file)).mode(ReplayServer.Mode.MATCHING)
                .start()) {
            assertThat(q4j(replay.port(), reversed)).isEqualTo(expected);
            assertThat(nodeq(replay.port(), List.of("count trade"))).containsExactly(nodeqRecorded.get(0));
            replay.assertNoMismatch();
            assertThat(q4j(replay.port(), List.of("count order")).get(0)).asString()
                    .contains("replay: not recorded");
            // the diff is against the closest recorded request: the same text the longest, unused first
            assertThat(replay.mismatches()).singleElement().asString()
                    .contains("sent:     > 3 sync \"count order\"", "recorded: > 2 sync \"count quote\"");
        }
    }

    /** Each expression's value, or the text of its q error. */
    private static List<Object> q4j(int port, List<String> expressions) {
        List<Object> out = new ArrayList<>();
        try (QConnection q = QConnection.connect("127.0.0.1:" + port)) {
            for (String e : expressions) {
                try {
                    QValue v = q.query(e);
                    out.add(v);
                } catch (QErrorException x) {
                    out.add("'" + x.qMessage());
                }
            }
        }
        return out;
    }

    /** Each result as javakdb decoded it, serialized again by javakdb to compare. */
    private static List<byte[]> javakdb(int port, List<String> expressions) throws Exception {
        List<byte[]> out = new ArrayList<>();
        c k = new c("127.0.0.1", port);
        try {
            for (String e : expressions) {
                out.add(k.serialize(1, k.k(e), false));
            }
        } finally {
            k.close();
        }
        return out;
    }

    private static List<String> nodeq(int port, List<String> expressions) {
        Path project = NodeProject.installed("interop/nodeq", "node-q");
        List<String> command = new ArrayList<>(List.of("node", "query.js", String.valueOf(port)));
        command.addAll(expressions);
        return NodeProject.run(project, command, Duration.ofSeconds(60), "node-q against the replay");
    }
}
