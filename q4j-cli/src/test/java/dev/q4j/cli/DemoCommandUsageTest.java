package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code q4j demo}'s help and usage checks (the demo's runs, which listen, are in DemoCommandIT). */
class DemoCommandUsageTest {

    @Test
    void helpShowsExamples() {
        Cli.Result r = Cli.run("demo", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j demo").contains("--seconds", "--port", "--rate", "Examples:",
                "q4j demo --port 5000", "h(\".u.sub\";`trade;`)", "select last price by sym from trade");
    }
    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Cli.run("demo", "--seconds", "0").exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(Cli.run("demo", "--rate", "0").exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(Cli.run("demo", "--port", "70000").exitCode()).isEqualTo(Q4j.USAGE);
        Cli.Result last = Cli.run("demo", "--port", "65535", "--seconds", "1");
        assertThat(last.exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(last.err()).contains("--rdb-port");
    }
}
