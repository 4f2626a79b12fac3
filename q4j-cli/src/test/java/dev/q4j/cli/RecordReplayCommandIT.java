package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.testkit.FakeKdb;
import dev.q4j.value.QLong;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j record} in front of a fake kdb+, then {@code q4j replay} of its file, both run in-process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordReplayCommandIT {

    /** A running command, stopped by interrupting it (as Ctrl-C stops the real one). */
    private static final class Running implements AutoCloseable {
        final StringWriter err = new StringWriter();
        final int[] exit = {-1};
        final Thread thread;
        final int port;

        Running(String... args) throws InterruptedException {
            PrintWriter out = new PrintWriter(new StringWriter());
            PrintWriter e = new PrintWriter(err, true);
            thread = new Thread(() -> exit[0] = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), out, e)
                    .execute(args));
            thread.start();
            Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
            int found = -1;
            for (int i = 0; i < 500 && found < 0; i++) {
                Matcher m = listening.matcher(err.toString());
                if (m.find()) {
                    found = Integer.parseInt(m.group(1));
                } else {
                    Thread.sleep(10);
                }
            }
            assertThat(found).as("stderr: %s", err).isPositive();
            port = found;
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
            return exit[0];
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void recordsThroughTheProxyAndReplaysWithoutTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.q4js");
        try (FakeKdb kdb = FakeKdb.start()) {
            kdb.when("count trade").thenReturn(42L);
            kdb.when("bad").thenError("type");
            try (Running record = new Running("record", "--listen", "0", "--to", kdb.address(), "--out",
                    file.toString())) {
                try (QConnection q = QConnection.connect("127.0.0.1:" + record.port)) {
                    assertThat(q.query("count trade")).isEqualTo(QLong.of(42));
                    assertThatThrownBy(() -> q.query("bad")).isInstanceOf(QErrorException.class);
                }
                kdb.awaitClients(0);
                assertThat(record.stop()).isEqualTo(Q4j.OK);
                assertThat(record.err.toString()).contains("recording " + kdb.address() + " to " + file)
                        .contains("entries in " + file);
            }
        }
        assertThat(Files.readString(file)).contains("> 1 sync \"count trade\"", "< 1 response 42",
                "< 1 response 'type", "close 1");

        try (Running replay = new Running("replay", "--port", "0", file.toString())) {
            try (QConnection q = QConnection.connect("127.0.0.1:" + replay.port)) {
                assertThat(q.query("count trade")).isEqualTo(QLong.of(42));
                assertThatThrownBy(() -> q.query("bad")).isInstanceOf(QErrorException.class)
                        .hasMessageContaining("type");
            }
            assertThat(replay.stop()).isEqualTo(Q4j.OK);
        }

        try (Running replay = new Running("replay", "--port", "0", "--match", "strict", file.toString())) {
            try (QConnection q = QConnection.connect("127.0.0.1:" + replay.port)) {
                assertThatThrownBy(() -> q.query("count quote")).isInstanceOf(QErrorException.class)
                        .hasMessageContaining("replay: not recorded: \"count quote\"");
            }
            assertThat(replay.stop()).isEqualTo(Q4j.BAD_INPUT);
            assertThat(replay.err.toString())
                    .contains("  sent:     > 1 sync \"count quote\"\n  recorded: > 1 sync \"count trade\"")
                    .contains("q4j replay: 1 message(s) differed from the recording (diffs above)");
        }
    }
}
