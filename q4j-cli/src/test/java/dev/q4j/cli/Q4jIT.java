package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command without a subcommand: the console, connecting to localhost:5000. */
class Q4jIT {

    @Test
    void withoutACommandItIsTheConsoleOnLocalhost5000() {
        // standard input is empty: the console ends as soon as it has connected
        Cli.Result r = Cli.run();

        assertThat(r.out()).isEmpty();
        if (r.exitCode() != 0) {
            // nothing listens on port 5000 here (the usual case)
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).startsWith("q4j: cannot connect to localhost:5000: ");
        }
    }
}
