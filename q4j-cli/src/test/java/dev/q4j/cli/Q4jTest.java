package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The top-level {@code q4j} command. */
class Q4jTest {


    @Test
    void aMistypedCommandGetsSuggestions() {
        Cli.Result r = Cli.run("decod");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument at index 0: 'decod'", "Did you mean: q4j decode");
    }

    @Test
    void helpListsTheCommandsAndExamples() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: q4j [-hV] ")
                .contains(" [HOST:PORT] [COMMAND]")
                .contains("  decode  ", "  encode  ", "  query   ", "Examples:",
                        "Exit codes: 0 success, 1 bad input or q error, 2 usage error,",
                        "3 connection failed, 4 credentials rejected (or no capacity), 5 timed out.");
    }

    @Test
    void helpCommandShowsASubcommandsHelp() {
        Cli.Result r = Cli.run("help", "encode");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j encode [-chV] [-t=TYPE] QTEXT|-").contains("--compress");
    }

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).matches("q4j \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void theExamplesInTheHelpAreTrue() {
        Cli.Result encoded = Cli.run("encode", "42");
        Cli.Result enlisted = Cli.runWithInput("01000000160000000700010000002a00000000000000\n", "decode", "--hex");
        Cli.Result dict = Cli.runWithInput(Cli.run("encode", "`a`b!1 2").out(), "decode", "--hex");

        assertThat(encoded.out()).isEqualTo("0100000011000000f92a00000000000000\n");
        assertThat(enlisted.out()).isEqualTo(",42\n");
        assertThat(dict.out()).isEqualTo("`a`b!1 2\n");
    }
}
