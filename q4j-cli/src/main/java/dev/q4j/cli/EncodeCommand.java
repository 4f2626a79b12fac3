package dev.q4j.cli;

import dev.q4j.Q4jException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.QValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code q4j encode}: q text to the hex of an IPC message. */
@Command(
        name = "encode",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Parse q text and print the complete little-endian kdb+ IPC message (header included) as lower-case hex, "
                + "byte for byte what kdb+ sends. The default message type is async, as q's -8! writes it.",
            "",
            "With - read one q text per line from standard input (blank lines skipped) and print one hex line for "
                + "each. Text that does not parse stops the command with the position of the problem on standard "
                + "error and exit code 1."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j encode 42",
            "      prints 0100000011000000f92a00000000000000",
            "  q4j encode --type sync '\"til 10\"'",
            "      a sync request carrying the char vector \"til 10\"",
            "  q4j encode --compress - < values.q",
            "      compresses as kdb+ does: only a message over 2000 bytes, only if it halves",
            "  printf '1i\\n`a`b\\n' | q4j encode -",
            "      one hex line for each q text line",
            "  q4j encode '-1 -2'",
            "      text may start with -; after -- nothing is taken as an option"
        })
final class EncodeCommand extends Q4jCommand {

    @Option(names = {"-c", "--compress"},
            description = "Compress as kdb+ does (-18!): only a message over 2000 bytes, and only when the "
                    + "result is under half the size.")
    boolean compress;

    @Option(names = {"-t", "--type"}, paramLabel = "TYPE", converter = TypeConverter.class,
            completionCandidates = TypeConverter.Names.class,
            description = "Message type: async (the default), sync or response.")
    MessageType type = MessageType.ASYNC;

    @Parameters(index = "0", paramLabel = "QTEXT|-",
            description = "A q value as q text, e.g. 1 2 3, `a`b!1 2 or \"abc\"; - reads one per line from "
                    + "standard input.")
    String text;

    /** Text longer than this is not repeated under a parse error. */
    private static final int MAX_SHOWN = 160;

    private final Encoder encoder = new Encoder();

    @Override
    int run() throws BadInput {
        if (!isStdin(text)) {
            out().println(encode(text, 0));
            return Q4j.OK;
        }
        try (BufferedReader reader = openLines(null)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                out().println(encode(line, lineNumber));
            }
        } catch (IOException e) {
            throw cannotRead(null, e);
        }
        return Q4j.OK;
    }

    /**
     * @param qText q text
     * @param lineNumber its line in the input, or 0 for the command-line argument
     * @return the hex of the message
     * @throws BadInput when the text does not parse or cannot be encoded
     */
    private String encode(String qText, int lineNumber) throws BadInput {
        QValue value;
        try {
            value = QText.parse(qText);
        } catch (QTextException e) {
            throw new BadInput(describe(e, qText, lineNumber));
        }
        try {
            return Hex.format(encoder.encode(type, value, compress ? Compression.KDB : Compression.NEVER));
        } catch (Q4jException e) {
            throw new BadInput((lineNumber > 0 ? "line " + lineNumber + ": " : "") + "cannot encode: "
                    + e.getMessage());
        }
    }

    /**
     * The problem, where it is ({@code line 3, column 7: }, the column 1-based) and, for text short enough to show,
     * the text with a caret under the problem.
     */
    static String describe(QTextException e, String qText, int lineNumber) {
        String detail = e.getMessage();
        String suffix = " (at position " + e.position() + ")";
        if (detail.endsWith(suffix)) {
            detail = detail.substring(0, detail.length() - suffix.length());
        }
        int position = Math.max(0, Math.min(e.position(), qText.length()));
        String location = (lineNumber > 0 ? "line " + lineNumber + ", " : "") + "column " + (position + 1) + ": ";
        if (qText.length() > MAX_SHOWN || qText.indexOf('\n') >= 0) {
            return location + detail;
        }
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < position; i++) {
            caret.append(qText.charAt(i) == '\t' ? '\t' : ' ');
        }
        return location + detail + System.lineSeparator() + "  " + qText + System.lineSeparator() + "  " + caret + "^";
    }

    /** {@code async}, {@code sync} or {@code response}, in any case. */
    static final class TypeConverter implements ITypeConverter<MessageType> {
        @Override
        public MessageType convert(String value) {
            for (MessageType t : MessageType.values()) {
                if (t.name().equalsIgnoreCase(value)) {
                    return t;
                }
            }
            throw new TypeConversionException("expected async, sync or response, not '" + value + "'");
        }

        /** The names to show and complete: lower case. */
        static final class Names extends java.util.ArrayList<String> {
            private static final long serialVersionUID = 1L;

            Names() {
                for (MessageType t : MessageType.values()) {
                    add(t.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
