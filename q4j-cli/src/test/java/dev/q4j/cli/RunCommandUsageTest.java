package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code q4j run}'s usage checks (what needs a server is in RunCommandIT). */
class RunCommandUsageTest {

    @Test
    void theScriptIsRequired() {
        Cli.Result r = Cli.run("run", ":5000");

        assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(r.err()).startsWith("q4j run: Missing required parameter: 'SCRIPT'");
    }
}
