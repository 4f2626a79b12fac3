package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j record} and {@code q4j replay}: bad input, refused before anything listens (RecordReplayCommandIT). */
class RecordReplayUsageTest {

    @Test
    void recordNeedsWhereToListenWhatToRecordAndWhere() {
        Cli.Result r = Cli.run("record", "--listen", "0");
        assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(r.err()).contains("--to").contains("--out");
    }

    @Test
    void recordRefusesATargetWithoutAPort(@TempDir Path dir) {
        Cli.Result r = Cli.run("record", "--listen", "0", "--to", "localhost", "--out", dir.resolve("s").toString());
        assertThat(r.exitCode()).isEqualTo(Q4j.BAD_INPUT);
        assertThat(r.err()).isEqualTo("q4j record: --to needs HOST:PORT, not localhost\n");
        r = Cli.run("record", "--listen", "0", "--to", "localhost:70000", "--out", dir.resolve("s").toString());
        assertThat(r.err()).isEqualTo("q4j record: --to needs HOST:PORT with a port 1 .. 65535, not localhost:70000\n");
    }

    @Test
    void replayNamesAMissingFileABadFileAndABadMode(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.q4js");
        Cli.Result r = Cli.run("replay", "--port", "0", missing.toString());
        assertThat(r.exitCode()).isEqualTo(Q4j.BAD_INPUT);
        assertThat(r.err()).isEqualTo("q4j replay: no such file: " + missing + "\n");

        Path bad = Files.writeString(dir.resolve("bad.q4js"), "q4j-session 1\n> 1 sync \"x\"\n  0g\n");
        r = Cli.run("replay", "--port", "0", bad.toString());
        assertThat(r.exitCode()).isEqualTo(Q4j.BAD_INPUT);
        assertThat(r.err()).startsWith("q4j replay: " + bad + ": line 3: not hex");

        r = Cli.run("replay", "--port", "0", "--match", "loose", bad.toString());
        assertThat(r.err()).isEqualTo("q4j replay: --match is strict or any, not loose\n");
    }
}
