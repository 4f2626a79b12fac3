package dev.q4j.cli;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
                + "each. Input is UTF-8; a byte that is not UTF-8 inside a string or symbol is kept as that byte. "
                + "Text that does not parse or cannot be encoded stops the command with the problem (and its "
                + "position) on standard error and exit code 1."
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
        try (InputStream in = new BufferedInputStream(root.stdin())) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int lineNumber = 0;
            while (true) {
                int b = in.read();
                if (b >= 0 && b != '\n') {
                    line.write(b);
                    continue;
                }
                if (b < 0 && line.size() == 0) {
                    break;
                }
                lineNumber++;
                String text = text(line.toByteArray());
                line.reset();
                if (!text.isBlank()) {
                    out().println(encode(text, lineNumber));
                }
                if (b < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw cannotRead(null, e);
        }
        return Q4j.OK;
    }

    /**
     * A line of standard input as text, without its line end. Bytes that are not UTF-8 become the escapes of
     * {@link QUtf8}, which q text reads back as those same bytes: {@code `$"<0xff>"} is the symbol with the byte
     * 0xff, not a replacement character.
     */
    static String text(byte[] line) {
        int n = line.length;
        if (n > 0 && line[n - 1] == '\r') {
            n--;
        }
        return QUtf8.decode(line, 0, n);
    }

    /**
     * {@return the hex of the message}
     *
     * @param qText q text
     * @param lineNumber its line in the input, or 0 for the command-line argument
     * @throws BadInput when the text does not parse or cannot be encoded: never a stack trace, whatever fails
     */
    private String encode(String qText, int lineNumber) throws BadInput {
        QValue value;
        try {
            value = QText.parse(qText);
        } catch (QTextException e) {
            throw new BadInput(describe(e, qText, lineNumber));
        } catch (RuntimeException e) {
            throw new BadInput(failure("cannot read the text", e, lineNumber));
        }
        try {
            return Hex.format(encoder.encode(type, value, compress ? Compression.KDB : Compression.NEVER));
        } catch (RuntimeException e) {
            throw new BadInput(failure("cannot encode", e, lineNumber));
        }
    }

    /**
     * {@return one line: {@code line 3: cannot encode: why}}
     *
     * @param what what could not be done
     * @param e why (a {@link dev.q4j.Q4jException}, or an {@link IllegalArgumentException} from a value or the
     *     encoder, such as text with a lone surrogate)
     * @param lineNumber the line in the input, or 0 for the command-line argument
     */
    static String failure(String what, RuntimeException e, int lineNumber) {
        return (lineNumber > 0 ? "line " + lineNumber + ": " : "") + what + ": " + Q4jCommand.oneLine(e);
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
