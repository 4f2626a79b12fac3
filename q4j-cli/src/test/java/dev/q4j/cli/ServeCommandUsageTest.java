package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code q4j serve}'s usage checks (what listens is in ServeCommandIT). */
class ServeCommandUsageTest {

    @Test
    void needsAMode() {
        Cli.Result r = Cli.run("serve", "--port", "0");
        assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(r.err()).contains("--echo").contains("--tickerplant");
    }
}
