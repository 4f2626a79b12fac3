package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The console's checks before it connects (what needs a server is in ConsoleIT). */
class ConsoleUsageTest {

    @Test
    void aBadAddressIsAUsageError() {
        Cli.Result r = Cli.run("nowhere:x");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("q4j: not an address: 'nowhere:x'");
    }
}
