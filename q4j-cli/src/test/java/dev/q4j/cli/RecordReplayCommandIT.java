package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.testkit.FakeKdb;
import dev.q4j.value.QLong;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j record} in front of a fake kdb+, then {@code q4j replay} of its file, both run in-process. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RecordReplayCommandIT {
    @Test
    void recordsThroughTheProxyAndReplaysWithoutTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("s.q4js");
        try (FakeKdb kdb = FakeKdb.start()) {
            kdb.when("count trade").thenReturn(42L);
            kdb.when("bad").thenError("type");
            try (Cli.Running record = new Cli.Running("record", "--listen", "0", "--to", kdb.address(), "--out",
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

        try (Cli.Running replay = new Cli.Running("replay", "--port", "0", file.toString())) {
            try (QConnection q = QConnection.connect("127.0.0.1:" + replay.port)) {
                assertThat(q.query("count trade")).isEqualTo(QLong.of(42));
                assertThatThrownBy(() -> q.query("bad")).isInstanceOf(QErrorException.class)
                        .hasMessageContaining("type");
            }
            assertThat(replay.stop()).isEqualTo(Q4j.OK);
        }

        try (Cli.Running replay = new Cli.Running("replay", "--port", "0", "--match", "strict", file.toString())) {
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
