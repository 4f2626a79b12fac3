package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.Hex;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code q4j encode} must produce exactly the bytes real kdb+ produced (the corpus), header included. */
class EncodeCommandTest {
    /** Expressions of the corpus that are q literals, so that the q text is the expression itself. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1", "1i", "-234h", "0x2a", "5.5e", "\"abc\"", "`abc", "1 2 3", "1 0N 3", "`the`quick`brown`fox",
        "2001.01.01", "12:01", "(1;`bcd;\"0bc\";5.5e)"
    })
    void encodesAsKdbDoesWithAnAsyncHeader(String qText) {
        Cli.Result r = Cli.run("encode", qText);

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(Hex.hex(Corpus.qpython(qText)) + "\n");
        assertThat(r.out()).startsWith("01000000");
    }

    @Test
    void typeSetsHeaderByteOne() {
        byte[] async = Corpus.qpython("1 2 3");
        byte[] body = Arrays.copyOfRange(async, 8, async.length);

        Cli.Result sync = Cli.run("encode", "--type", "sync", "1 2 3");
        Cli.Result response = Cli.run("encode", "-t", "RESPONSE", "1 2 3");
        Cli.Result explicitAsync = Cli.run("encode", "--type=async", "1 2 3");

        assertThat(sync.out()).isEqualTo(Hex.hex(Corpus.message(1, false, body)) + "\n");
        assertThat(response.out()).isEqualTo(Hex.hex(Corpus.message(2, false, body)) + "\n");
        assertThat(explicitAsync.out()).isEqualTo(Hex.hex(async) + "\n");
    }

    @Test
    void anUnknownTypeIsAUsageError() {
        Cli.Result r = Cli.run("encode", "--type", "deferred", "1");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("expected async, sync or response, not 'deferred'");
    }

    @Test
    void dashReadsOneTextPerLineSkippingBlankLines() {
        Cli.Result r = Cli.runWithInput("1 2 3\n\n`abc\n   \n-234h\n", "encode", "-");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly(
                Hex.hex(Corpus.qpython("1 2 3")), Hex.hex(Corpus.qpython("`abc")), Hex.hex(Corpus.qpython("-234h")));
    }

    @Test
    void compressReproducesKdbCompressedSymbols() {
        String thousandQ = "`q".repeat(1000);

        Cli.Result r = Cli.run("encode", "--compress", thousandQ);

        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(Hex.hex(Corpus.qpythonCompressed("1000#`q")) + "\n");
    }

    @Test
    void compressReproducesKdbCompressedInts() {
        String thousandOnes = String.join(" ", Collections.nCopies(1000, "1")) + "i";

        Cli.Result compressed = Cli.run("encode", "-c", thousandOnes);
        Cli.Result plain = Cli.run("encode", thousandOnes);

        assertThat(compressed.out()).isEqualTo(Hex.hex(Corpus.nodeq("NQ138")) + "\n");
        assertThat(plain.out()).startsWith("01000000ae0f00000600e8030000").hasSize(2 * 4014 + 1);
    }

    @Test
    void compressLeavesSmallMessagesAlone() {
        Cli.Result r = Cli.run("encode", "--compress", "1 2 3");

        assertThat(r.out()).isEqualTo(Hex.hex(Corpus.qpython("1 2 3")) + "\n");
    }

    @Test
    void textThatDoesNotParseIsBadInputShownWithACaretUnderTheProblem() {
        Cli.Result r = Cli.run("encode", "1 2 3x");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("q4j encode: column 6: ").doesNotContain("Exception", "(at position")
                .endsWith("\n  1 2 3x\n       ^\n");
    }

    @Test
    void aBadLineStopsTheRunAfterTheGoodOnesAndNamesLineAndColumn() {
        Cli.Result r = Cli.runWithInput("1i\n\n1 2 3x\n`abc\n", "encode", "-");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly(Hex.hex(Corpus.qpython("1i")));
        assertThat(r.err()).startsWith("q4j encode: line 3, column 6: ").endsWith("\n  1 2 3x\n       ^\n");
    }

    @Test
    void roundTripsThroughDecode() {
        Cli.Result encoded = Cli.run("encode", "(1;`bcd;\"0bc\";5.5e)");
        Cli.Result decoded = Cli.runWithInput(encoded.out(), "decode", "--hex");

        assertThat(decoded.out()).isEqualTo("(1;`bcd;\"0bc\";5.5e)\n");
    }

    @Test
    void aLoneSurrogateIsACleanErrorNotAStackTrace() {
        Cli.Result r = Cli.run("encode", "`$\"a\uD800\"");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("q4j encode: column 5: a string cannot hold the lone surrogate U+D800")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void tooDeepTextIsACleanErrorOnItsLine() {
        String deep = ",".repeat(5000) + "1";
        Cli.Result r = Cli.runWithInput("1\n" + deep + "\n", "encode", "-");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).hasSize(1);
        assertThat(r.err()).startsWith("q4j encode: line 2, column 3999: value nested 1001 levels deep")
                .doesNotContain("Exception", "\tat ").hasLineCount(1);
    }

    @Test
    void anyOtherFailureIsOneLineWithTheLineNumber() {
        IllegalArgumentException e =
                new IllegalArgumentException("text with a lone surrogate U+D800 at index 3\nhas no "
                + "UTF-8 form");

        assertThat(EncodeCommand.failure("cannot encode", e, 3))
                .isEqualTo("line 3: cannot encode: text with a lone surrogate U+D800 at index 3 has no UTF-8 form");
        assertThat(EncodeCommand.failure("cannot encode", new IllegalStateException(), 0))
                .isEqualTo("cannot encode: IllegalStateException");
    }

    @Test
    void bytesOnStandardInputThatAreNotUtf8AreKeptAsThoseBytes() {
        byte[] input = {'`', '$', '"', (byte) 0xff, '"', '\r', '\n', '"', (byte) 0xc3, (byte) 0xbc, '"', '\n'};

        Cli.Result r = Cli.runWithInput(input, "encode", "-");

        assertThat(r.err()).isEmpty();
        // the symbol with the single byte ff; the string with the two bytes c3 bc
        assertThat(r.outLines()).containsExactly("010000000b000000f5ff00", "01000000100000000a0002000000c3bc");
        Cli.Result decoded = Cli.runWithInput(r.out(), "decode", "--hex");
        assertThat(decoded.outLines()).containsExactly("`$\"\\377\"", "\"\\303\\274\"");
    }
}
