package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code q4j decode} over real kdb+ captures from the corpus, and over malformed input. */
class DecodeCommandTest {
    /** q expression in the corpus -> what q's {@code -3!} prints for its value. */
    static Stream<Arguments> printed() {
        return Stream.of(
                Arguments.of("1", "1"),
                Arguments.of("1i", "1i"),
                Arguments.of("-234h", "-234h"),
                Arguments.of("0x2a", "0x2a"),
                Arguments.of("\"abc\"", "\"abc\""),
                Arguments.of("`abc", "`abc"),
                Arguments.of("1 2 3", "1 2 3"),
                Arguments.of("1 0N 3", "1 0N 3"),
                Arguments.of("(1i;2i;3i)", "1 2 3i"),
                Arguments.of("`the`quick`brown`fox", "`the`quick`brown`fox"),
                Arguments.of("2001.01.01", "2001.01.01"),
                Arguments.of("12:01", "12:01"),
                Arguments.of("(1;`bcd;\"0bc\";5.5e)", "(1;`bcd;\"0bc\";5.5e)"),
                Arguments.of("1+`", "'type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("printed")
    void decodesABinaryMessageFromStdin(String expression, String expected) {
        Cli.Result r = Cli.runWithInput(message(expression), "decode");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo(expected + "\n");
    }

    @Test
    void decodesHexLinesOnePerLineSkippingBlankLinesIgnoringCaseAndSurroundingSpace() {
        List<String> expressions = printed().map(a -> (String) a.get()[0]).toList();
        String input = expressions.stream()
                .map(e -> (e.length() % 2 == 0 ? "  " + hex(e).toUpperCase(Locale.ROOT) : hex(e)) + "\t\n\n")
                .collect(Collectors.joining());

        Cli.Result r = Cli.runWithInput(input, "decode", "--hex");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactlyElementsOf(printed().map(a -> (String) a.get()[1]).toList());
    }

    @Test
    void acceptsQsOxPrefixOnHexLines() {
        Cli.Result r = Cli.runWithInput("0x" + hex("`abc") + "\n", "decode", "-x", "-");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("`abc\n");
    }

    @Test
    void readsAFileGivenByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.bin");
        Files.write(file, message("`the`quick`brown`fox"));
        Path hexFile = dir.resolve("m.hex");
        Files.writeString(hexFile, hex("1 2 3") + "\n" + hex("1+`") + "\n");

        Cli.Result binary = Cli.run("decode", file.toString());
        Cli.Result hex = Cli.run("decode", "--hex", hexFile.toString());

        assertThat(binary.exitCode()).isZero();
        assertThat(binary.out()).isEqualTo("`the`quick`brown`fox\n");
        assertThat(hex.exitCode()).isZero();
        assertThat(hex.out()).isEqualTo("1 2 3\n'type\n");
    }

    @Test
    void decodesKdbCompressedMessages() {
        byte[] symbols = Corpus.qpythonCompressed("1000#`q");
        byte[] ints = Corpus.nodeq("NQ138");

        Cli.Result r = Cli.runWithInput(Hex.hex(symbols) + "\n" + Hex.hex(ints) + "\n", "decode", "--hex");

        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines()).containsExactly("`q".repeat(1000), String.join(" ", repeat("1", 1000)) + "i");
    }

    @Test
    void aTruncatedMessageFailsWithItsOffset() {
        byte[] whole = message("1 2 3");
        byte[] truncated = Arrays.copyOf(whole, 20);

        Cli.Result r = Cli.runWithInput(truncated, "decode");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("q4j decode: byte offset 20: truncated message: the header says 38 bytes"
                + " but only 20 are there\n");
    }

    @Test
    void aCorruptCompressedMessageFailsWithTheOffsetWhereItsStreamBroke() {
        byte[] m = Corpus.qpythonCompressed("1000#`q").clone();
        // declare 1000 uncompressed bytes more than the stream produces: it runs out at its last byte
        java.nio.ByteBuffer size = java.nio.ByteBuffer.wrap(m).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int produced = size.getInt(8);
        size.putInt(8, produced + 1000);

        Cli.Result r = Cli.runWithInput(m, "decode");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("q4j decode: byte offset " + m.length + ": compressed stream ends early: "
                + produced + " of " + (produced + 1000) + " declared uncompressed bytes produced\n");
    }

    @Test
    void anUnknownTypeFailsWithItsOffset() {
        byte[] m = Corpus.message(0, false, new byte[] {0x7e});

        Cli.Result r = Cli.runWithInput(m, "decode");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("q4j decode: byte offset 8: unknown type 126\n");
    }

    @Test
    void trailingBytesAfterAMessageAreAnError() {
        byte[] m = Arrays.copyOf(message("1i"), message("1i").length + 3);

        Cli.Result r = Cli.runWithInput(m, "decode");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("q4j decode: byte offset 13: ").contains("trailing bytes");
    }

    @Test
    void emptyInputIsATruncatedMessage() {
        Cli.Result r = Cli.runWithInput(new byte[0], "decode");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).startsWith("q4j decode: byte offset 0: truncated message");
    }

    @Test
    void hexModeStopsAtTheFirstMalformedMessageAfterPrintingTheGoodOnes() {
        String truncated = hex("1 2 3").substring(0, 40);
        String input = hex("1i") + "\n\n" + hex("`abc") + "\n" + truncated + "\n" + hex("1") + "\n";

        Cli.Result r = Cli.runWithInput(input, "decode", "--hex");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly("1i", "`abc");
        assertThat(r.err()).isEqualTo("q4j decode: line 4: byte offset 20: truncated message: the header says 38"
                + " bytes but only 20 are there\n");
    }

    @Test
    void aBadHexDigitIsReportedWithLineAndColumn() {
        String bad = hex("`abc").substring(0, 9) + "g" + hex("`abc").substring(10);
        Cli.Result r = Cli.runWithInput(hex("1i") + "\n  " + bad + "\n", "decode", "--hex");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.outLines()).containsExactly("1i");
        assertThat(r.err()).isEqualTo("q4j decode: line 2, column 12: 'g' is not a hex digit\n");
    }

    @Test
    void anOddNumberOfHexDigitsIsReported() {
        Cli.Result r = Cli.runWithInput(hex("1i") + "0\n", "decode", "--hex");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("q4j decode: line 1, column 28: odd number of hex digits (27)");
    }

    @Test
    void aMissingFileIsBadInput(@TempDir Path dir) {
        Cli.Result r = Cli.run("decode", dir.resolve("nope.bin").toString());

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("q4j decode: cannot read " + dir.resolve("nope.bin") + ": no such file\n");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Cli.Result r = Cli.run("decode", "--hexx");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("q4j decode: Unknown option: '--hexx'")
                .contains("Try 'q4j decode --help'");
    }

    @Test
    void helpShowsExamples() {
        Cli.Result r = Cli.run("decode", "--help");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("Usage: q4j decode [-hVx] [FILE]").contains("Examples:", "--hex");
    }

    @Test
    void aMultiLineLambdaDecodesToOneLineThatEncodesBackToTheSameBytes() {
        byte[] message = new dev.q4j.codec.Encoder().encode(dev.q4j.codec.MessageType.ASYNC,
                dev.q4j.value.QList.of(new dev.q4j.value.QLambda("q", "{[x]\r\n  x+1 / one\n  }"),
                        dev.q4j.value.QLambda.of("{x\n}")));
        String hex = Hex.hex(message);

        Cli.Result decoded = Cli.runWithInput(hex + "\n", "decode", "--hex");

        assertThat(decoded.err()).isEmpty();
        assertThat(decoded.outLines()).containsExactly(
                "(.q)value\"{[x]\\r\\n  x+1 / one\\n  }\";value\"{x\\n}\")");
        Cli.Result encoded = Cli.runWithInput(decoded.out(), "encode", "-");
        assertThat(encoded.err()).isEmpty();
        assertThat(encoded.outLines()).containsExactly(hex);
    }

    private static byte[] message(String expression) {
        byte[] m = Corpus.qpython(expression);
        if (m == null) {
            throw new IllegalArgumentException("not in qpython/QExpressions3.out: " + expression);
        }
        return m;
    }

    private static String hex(String expression) {
        return Hex.hex(message(expression));
    }

    private static List<String> repeat(String s, int n) {
        return java.util.Collections.nCopies(n, s);
    }
}
