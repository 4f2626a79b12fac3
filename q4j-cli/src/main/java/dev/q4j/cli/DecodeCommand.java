package dev.q4j.cli;

import dev.q4j.QProtocolException;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.QMessage;
import dev.q4j.text.QText;
import java.io.BufferedReader;
import java.io.IOException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code q4j decode}: IPC message bytes to q text. */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Decode kdb+ IPC messages and print each value as q text, one line per message.",
            "",
            "The input is one complete message (8-byte header included, either byte order, compressed or not), "
                + "or with --hex one hex-encoded message per line. A q error message prints as 'text.",
            "",
            "Malformed input stops the command at the first bad message, after printing the good ones before it: "
                + "standard error names the problem, its byte offset in the message and, with --hex, the line; "
                + "the exit code is 1."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j decode message.bin",
            "      decodes the binary message in message.bin",
            "  echo 01000000160000000700010000002a00000000000000 | q4j decode --hex",
            "      prints ,42",
            "  q4j encode - < queries.q | q4j decode --hex",
            "      a round trip through the encoder and the decoder"
        })
final class DecodeCommand extends Q4jCommand {

    @Option(names = {"-x", "--hex"},
            description = "Read hex text, one message per line: either case, an optional 0x prefix (as q's -8! "
                    + "prints), surrounding whitespace ignored, blank lines skipped.")
    boolean hex;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The input file; - or none for standard input.")
    String file;

    private final Decoder decoder = new Decoder();

    @Override
    int run() throws BadInput {
        return hex ? decodeHexLines() : decodeBinary();
    }

    private int decodeBinary() throws BadInput {
        byte[] message = readAll(file);
        print(decode(message, ""), "");
        return Q4j.OK;
    }

    private int decodeHexLines() throws BadInput {
        try (BufferedReader reader = openLines(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                String digits = line.strip();
                if (digits.isEmpty()) {
                    continue;
                }
                String where = "line " + lineNumber + ": ";
                byte[] message;
                try {
                    message = Hex.parse(digits);
                } catch (Hex.HexException e) {
                    int column = line.indexOf(digits) + e.index() + 1;
                    throw new BadInput("line " + lineNumber + ", column " + column + ": " + e.getMessage());
                }
                print(decode(message, where), where);
            }
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        return Q4j.OK;
    }

    private QMessage decode(byte[] message, String where) throws BadInput {
        try {
            return decoder.decode(message);
        } catch (QProtocolException e) {
            throw new BadInput(where + describe(e));
        } catch (RuntimeException e) {
            throw new BadInput(where + "cannot decode: " + Q4jCommand.oneLine(e));
        }
    }

    /** Prints the value as q text: always one line, whatever the value holds. */
    private void print(QMessage message, String where) throws BadInput {
        String text;
        try {
            text = QText.print(message.value());
        } catch (RuntimeException e) {
            throw new BadInput(where + "cannot print: " + Q4jCommand.oneLine(e));
        }
        out().println(text);
    }

    /** The problem and its offset, without the offset repeated at the end of the exception's message. */
    static String describe(QProtocolException e) {
        String detail = e.getMessage();
        if (e.offset() < 0) {
            return "offset unknown: " + detail;
        }
        String suffix = " (at offset " + e.offset() + ")";
        if (detail.endsWith(suffix)) {
            detail = detail.substring(0, detail.length() - suffix.length());
        }
        return "byte offset " + e.offset() + ": " + detail;
    }
}
