package dev.q4j.testkit.replay;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A recorded kdb+ session: every login, message and close of every connection, in order, as the
 * {@link RecordingProxy} saw them, read and written in the text format of {@code docs/testkit-sessions.md}: one entry
 * per line ({@code > 1 sync "count trade"}: direction, connection, message type, q text), then the message's exact
 * bytes as hex, so that a replay is byte for byte and a change shows in a diff.
 *
 * <pre>{@code
 * Session s = Session.read(Path.of("src/test/resources/trades.q4js"));
 * s.entries().forEach(System.out::println);     // > 1 sync "select from trade"  ...
 * }</pre>
 *
 * @param entries the entries, in order
 */
public record Session(List<Entry> entries) {
    /** the first line of every session file */
    public static final String HEADER = "q4j-session 1";
    private static final int MAX_TEXT = 2000;
    private static final int HEX_LINE = 32;

    /**
     * Holds the entries.
     *
     * @param entries the entries, in order
     */
    public Session {
        entries = List.copyOf(entries);
    }

    /** What an entry records. */
    public enum Kind {
        /** a client logged in: {@code login N user=NAME capability=C}, the server's answer byte as hex */
        LOGIN,
        /** a client's login was refused (the server closed the connection): {@code refused N user=NAME} */
        REFUSED,
        /** a message from the client: {@code > N sync|async|response TEXT} */
        REQUEST,
        /** a message from the server: {@code < N response|async|sync TEXT} */
        REPLY,
        /** the connection closed: {@code close N} */
        CLOSE
    }

    /**
     * One entry.
     *
     * @param kind what it records
     * @param connection the connection's number, from 1 in the order the connections were made
     * @param text a login's {@code user=NAME capability=C}, a message's q text (for people: the bytes are what
     *     counts), empty otherwise
     * @param bytes a message's bytes, header included; a login's answer byte; empty otherwise
     * @param line the line of the file it was read from, 0 when it was not read from a file
     */
    public record Entry(Kind kind, int connection, String text, byte[] bytes, int line) {
        /**
         * Holds an entry.
         *
         * @param kind what it records
         * @param connection the connection's number
         * @param text its text
         * @param bytes its bytes
         * @param line its line in the file
         */
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            bytes = bytes.clone();
        }

        /** {@return a copy of the bytes} */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@return for a message, its type from the header: sync, async or response; null for another byte} */
        public MessageType messageType() {
            if (kind != Kind.REQUEST && kind != Kind.REPLY || bytes.length < MessageHeader.SIZE) {
                throw new IllegalStateException(kind + " entry has no message");
            }
            return MessageType.ofCode(bytes[1]);
        }

        boolean sameBytes(byte[] other) {
            return Arrays.equals(bytes, other);
        }

        /** {@return the entry's line as written in a session file, without its hex} */
        @Override
        public String toString() {
            return switch (kind) {
                case LOGIN -> "login " + connection + " " + text;
                case REFUSED -> "refused " + connection + " " + text;
                case CLOSE -> "close " + connection;
                case REQUEST -> "> " + connection + " " + typeName(bytes) + " " + text;
                case REPLY -> "< " + connection + " " + typeName(bytes) + " " + text;
            };
        }

        /** {@return where it is: {@code line 12} of the file, or its connection} */
        String where() {
            return line > 0 ? "line " + line : "connection " + connection;
        }
    }

    /**
     * {@return an entry for a message, its q text decoded from the bytes}
     *
     * @param kind {@link Kind#REQUEST} or {@link Kind#REPLY}
     * @param connection the connection's number
     * @param bytes the message, header included
     */
    public static Entry message(Kind kind, int connection, byte[] bytes) {
        return new Entry(kind, connection, textOf(bytes), bytes, 0);
    }

    /**
     * {@return the q text of a message's value, on one line, cut at 2000 characters; what could not be decoded is
     * said so}
     *
     * @param bytes the message, header included
     */
    public static String textOf(byte[] bytes) {
        String text;
        try {
            QMessage m = new Decoder().decode(bytes);
            text = m.value().toString();
        } catch (RuntimeException e) {
            text = "<undecodable: " + e.getMessage() + ">";
        }
        text = text.replace("\r", "\\r").replace("\n", "\\n");
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + " ..(" + text.length() + " chars)";
    }

    private static String typeName(byte[] bytes) {
        MessageType t = bytes.length < 2 ? null : MessageType.ofCode(bytes[1]);
        return t == null ? "?" : t.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- text

    /** {@return the session in the file format} */
    public String toText() {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (Entry e : entries) {
            append(b, e);
        }
        return b.toString();
    }

    /**
     * Appends one entry in the file format: its line and its hex lines.
     *
     * @param b where
     * @param e the entry
     */
    static void append(StringBuilder b, Entry e) {
        b.append(e).append('\n');
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < e.bytes.length; i += HEX_LINE) {
            b.append("  ").append(hex.formatHex(e.bytes, i, Math.min(e.bytes.length, i + HEX_LINE))).append('\n');
        }
    }

    /**
     * Writes the session to a file.
     *
     * @param file where
     * @throws IOException when writing fails
     */
    public void write(Path file) throws IOException {
        Files.writeString(file, toText(), StandardCharsets.UTF_8);
    }

    /**
     * {@return the session in a file}
     *
     * @param file a session file
     * @throws IOException when reading fails
     * @throws IllegalArgumentException naming the line that is not in the format
     */
    public static Session read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * {@return the session in this text}
     *
     * @param text a session in the file format
     * @throws IllegalArgumentException naming the line that is not in the format
     */
    public static Session parse(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw new IllegalArgumentException("line 1: not a q4j session: it must start with \"" + HEADER + "\"");
        }
        List<Entry> entries = new ArrayList<>();
        int i = 1;
        while (i < lines.length) {
            String line = lines[i].stripTrailing();
            int number = i + 1;
            i++;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith(" ")) {
                throw new IllegalArgumentException("line " + number + ": hex without an entry before it");
            }
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            while (i < lines.length && lines[i].startsWith("  ")) {
                try {
                    bytes.writeBytes(HexFormat.of().parseHex(lines[i].strip()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": not hex: " + e.getMessage(), e);
                }
                i++;
            }
            entries.add(entry(line, number, bytes.toByteArray()));
        }
        return new Session(entries);
    }

    private static Entry entry(String line, int number, byte[] bytes) {
        String[] parts = line.split(" ", 4);
        try {
            switch (parts[0]) {
                case "login", "refused" -> {
                    Kind kind = parts[0].equals("login") ? Kind.LOGIN : Kind.REFUSED;
                    String rest = line.substring(parts[0].length() + 1 + parts[1].length()).strip();
                    return new Entry(kind, Integer.parseInt(parts[1]), rest, bytes, number);
                }
                case "close" -> {
                    return new Entry(Kind.CLOSE, Integer.parseInt(parts[1]), "", bytes, number);
                }
                case ">", "<" -> {
                    Kind kind = parts[0].equals(">") ? Kind.REQUEST : Kind.REPLY;
                    if (bytes.length < MessageHeader.SIZE) {
                        throw new IllegalArgumentException("a message needs its bytes as hex on the lines after it");
                    }
                    return new Entry(kind, Integer.parseInt(parts[1]), parts.length > 3 ? parts[3] : "", bytes,
                            number);
                }
                default -> throw new IllegalArgumentException("unknown entry \"" + parts[0]
                        + "\" (login, refused, >, <, close)");
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("line " + number + ": not an entry: " + line, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
        }
    }
}
