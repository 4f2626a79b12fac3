package dev.q4j.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few corpus files these tests read, from {@code ../shared/corpus} (system property {@code q4j.corpus}, set by
 * the build; else found relative to the working directory). A missing corpus fails the tests, never skips them.
 */
final class Corpus {
    private static final Pattern NODEQ_SECTION = Pattern.compile("^## (NQ\\d+) .*$");
    private static final Pattern NODEQ_HEX = Pattern.compile("^- hex \\((\\d+) bytes\\): `([0-9a-fA-F]*)`\\s*$");

    private static Map<String, byte[]> qpython;

    private Corpus() {
    }

    static Path root() {
        String configured = System.getProperty("q4j.corpus");
        List<Path> candidates = configured != null && !configured.isBlank()
                ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus"));
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("corpus not found at " + candidates + " (working directory "
                + Path.of("").toAbsolutePath() + "); set -Dq4j.corpus=<path to shared/corpus>");
    }

    /**
     * A qPython/qJava {@code .out} file as complete async messages, keyed by q expression. The file holds pairs of
     * lines, the expression and the message body's hex; the header is rebuilt as {@code 01 00 <compressed> 00} and
     * the little-endian total length.
     */
    static Map<String, byte[]> out(String file, boolean compressed) {
        List<String> lines = lines(file);
        Map<String, byte[]> messages = new LinkedHashMap<>();
        for (int i = 0; i + 1 < lines.size() && !lines.get(i + 1).isBlank(); i += 2) {
            byte[] body = HexFormat.of().parseHex(lines.get(i + 1).strip().toLowerCase(Locale.ROOT));
            messages.put(lines.get(i), message(0, compressed, body));
        }
        return messages;
    }

    /** qpython/QExpressions3.out: 118 uncompressed kdb+ 3.x captures, read once. */
    static synchronized Map<String, byte[]> qpython() {
        if (qpython == null) {
            qpython = out("qpython/QExpressions3.out", false);
        }
        return qpython;
    }

    /** qpython/QCompressedExpressions3.out: 3 kdb+-compressed captures. */
    static Map<String, byte[]> qpythonCompressed() {
        return out("qpython/QCompressedExpressions3.out", true);
    }

    /** One complete message of nodeq/VECTORS.md, by id ({@code NQ138}). */
    static byte[] nodeq(String id) {
        String current = null;
        for (String line : lines("nodeq/VECTORS.md")) {
            Matcher section = NODEQ_SECTION.matcher(line);
            if (section.matches()) {
                current = section.group(1);
                continue;
            }
            Matcher hex = NODEQ_HEX.matcher(line);
            if (id.equals(current) && hex.matches()) {
                return HexFormat.of().parseHex(hex.group(2).toLowerCase(Locale.ROOT));
            }
        }
        throw new IllegalArgumentException("no " + id + " in nodeq/VECTORS.md");
    }

    /** A little-endian message: header (type, compressed flag, total length) and body. */
    static byte[] message(int type, boolean compressed, byte[] body) {
        int total = body.length + 8;
        byte[] m = new byte[total];
        m[0] = 1;
        m[1] = (byte) type;
        m[2] = (byte) (compressed ? 1 : 0);
        m[4] = (byte) total;
        m[5] = (byte) (total >>> 8);
        m[6] = (byte) (total >>> 16);
        m[7] = (byte) (total >>> 24);
        System.arraycopy(body, 0, m, 8, body.length);
        return m;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static List<String> lines(String file) {
        Path p = root().resolve(file);
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus file " + p, e);
        }
    }
}
