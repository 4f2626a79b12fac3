package dev.q4j.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The ground-truth corpora in {@code ../shared/corpus} (see its README.md and the SOURCE.md / VECTORS.md files), as
 * complete IPC messages.
 *
 * <p>The root is the system property {@code q4j.corpus} (set by the build), else {@code ../shared/corpus} or
 * {@code ../../shared/corpus} relative to the working directory. A missing corpus is an error, never a skip: tests
 * that use it fail with an {@link IllegalStateException} saying where it looked.
 *
 * <p>Lists are loaded once, are unmodifiable and keep the order of the files.
 */
public final class Corpus {
    /** System property naming the corpus root directory. */
    public static final String PROPERTY = "q4j.corpus";

    private static final List<String> FALLBACKS = List.of("../shared/corpus", "../../shared/corpus");
    private static final Pattern NODEQ_SECTION = Pattern.compile("^## (NQ\\d+) (.*)$");
    private static final Pattern NODEQ_HEX = Pattern.compile("^- hex \\((\\d+) bytes\\): `([0-9a-fA-F]*)`\\s*$");
    private static final Pattern NODEQ_Q = Pattern.compile("\\(q: `(.*?)`\\) ->");
    private static final Pattern JAVAKDB_ROW = Pattern.compile("^\\| (JK\\d+) \\|.*");

    private static final Map<String, List<CorpusEntry>> CACHE = new ConcurrentHashMap<>();

    private Corpus() {
    }

    /**
     * @return the corpus root directory
     * @throws IllegalStateException if it cannot be found; the message lists every place tried
     */
    public static Path root() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
            throw new IllegalStateException("corpus not found: system property " + PROPERTY + "=" + configured
                    + " resolves to " + p + ", which is not a directory");
        }
        Path cwd = Paths.get("").toAbsolutePath();
        List<Path> tried = new ArrayList<>();
        for (String candidate : FALLBACKS) {
            Path p = cwd.resolve(candidate).normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
            tried.add(p);
        }
        throw new IllegalStateException("corpus not found: system property " + PROPERTY
                + " is not set and none of " + tried + " (relative to working directory " + cwd
                + ") is a directory; set -D" + PROPERTY + "=<path to shared/corpus>");
    }

    /** @return qpython/QExpressions3.out: 118 uncompressed kdb+ 3.x captures */
    public static List<CorpusEntry> qpythonExpressions() {
        return cached("qpython/QExpressions3.out", () -> readOut("qpython", "QExpressions3.out", false));
    }

    /** @return qpython/QCompressedExpressions3.out: 3 compressed kdb+ 3.x captures */
    public static List<CorpusEntry> qpythonCompressed() {
        return cached("qpython/QCompressedExpressions3.out",
                () -> readOut("qpython", "QCompressedExpressions3.out", true));
    }

    /** @return qjava/QExpressions.out: 88 uncompressed captures */
    public static List<CorpusEntry> qjavaExpressions() {
        return cached("qjava/QExpressions.out", () -> readOut("qjava", "QExpressions.out", false));
    }

    /** @return qjava/QExpressionsFunctions.out: 11 uncompressed captures of functions */
    public static List<CorpusEntry> qjavaFunctions() {
        return cached("qjava/QExpressionsFunctions.out", () -> readOut("qjava", "QExpressionsFunctions.out", false));
    }

    /** @return qjava/QCompressedExpressions.out: 3 compressed captures (the third from kdb+ 2.x) */
    public static List<CorpusEntry> qjavaCompressed() {
        return cached("qjava/QCompressedExpressions.out",
                () -> readOut("qjava", "QCompressedExpressions.out", true));
    }

    /** @return nodeq/VECTORS.md: 151 distinct messages from real q, 18 of them compressed */
    public static List<CorpusEntry> nodeq() {
        return cached("nodeq/VECTORS.md", Corpus::readNodeq);
    }

    /** @return javakdb/VECTORS.md: the 10 JK vectors (mostly hand-built, some malformed on purpose) */
    public static List<CorpusEntry> javakdb() {
        return cached("javakdb/VECTORS.md", Corpus::readJavakdb);
    }

    /**
     * @param id {@code JK01} .. {@code JK10}
     * @return that javakdb vector
     * @throws IllegalArgumentException if there is none
     */
    public static CorpusEntry javakdb(String id) {
        return javakdb().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no javakdb vector " + id));
    }

    /**
     * @param expression a q expression of qpython/QExpressions3.out, as written there ({@code 1 2 3})
     * @return its complete message
     * @throws IllegalArgumentException if the file has no such expression, or two different messages for it
     */
    public static byte[] qpython(String expression) {
        return byExpression(qpythonExpressions(), "qpython/QExpressions3.out", expression);
    }

    /**
     * @param expression a q expression of qpython/QCompressedExpressions3.out ({@code 1000#`q})
     * @return its complete, kdb+-compressed message
     * @throws IllegalArgumentException if the file has no such expression, or two different messages for it
     */
    public static byte[] qpythonCompressed(String expression) {
        return byExpression(qpythonCompressed(), "qpython/QCompressedExpressions3.out", expression);
    }

    /**
     * @param id {@code NQ001} .. {@code NQ151}
     * @return the complete message of that section of nodeq/VECTORS.md
     * @throws IllegalArgumentException if there is none
     */
    public static byte[] nodeq(String id) {
        return nodeq().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + id + " in nodeq/VECTORS.md")).message();
    }

    private static byte[] byExpression(List<CorpusEntry> entries, String file, String expression) {
        List<byte[]> found = entries.stream().filter(e -> e.qExpression().equals(expression))
                .map(CorpusEntry::message).toList();
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no " + expression + " in " + file);
        }
        if (found.stream().anyMatch(m -> !java.util.Arrays.equals(m, found.get(0)))) {
            throw new IllegalArgumentException(file + " has " + found.size() + " different messages for "
                    + expression);
        }
        return found.get(0);
    }

    /**
     * A little-endian message around a body: the header (type, compressed flag, total length), then the body.
     *
     * @param type 0 async, 1 sync, 2 response
     * @param compressed whether the body is compressed (the flag only: the body is taken as it is)
     * @param body the body
     * @return the whole message
     */
    public static byte[] message(int type, boolean compressed, byte[] body) {
        int total = body.length + 8;
        byte[] message = new byte[total];
        message[0] = 1;
        message[1] = (byte) type;
        message[2] = (byte) (compressed ? 1 : 0);
        message[3] = 0;
        message[4] = (byte) total;
        message[5] = (byte) (total >>> 8);
        message[6] = (byte) (total >>> 16);
        message[7] = (byte) (total >>> 24);
        System.arraycopy(body, 0, message, 8, body.length);
        return message;
    }

    /**
     * @return every entry of the qpython, qjava and nodeq corpora (all produced by real kdb+), in that order; the
     *     javakdb vectors are left out because most are hand-built or deliberately malformed
     */
    public static List<CorpusEntry> all() {
        return cached("all", () -> Stream.of(qpythonExpressions(), qpythonCompressed(), qjavaExpressions(),
                qjavaFunctions(), qjavaCompressed(), nodeq()).flatMap(List::stream).toList());
    }

    /**
     * @return every compressed entry of {@link #all()}: the kdb+-produced compressed captures. javakdb's JK03
     *     (compressed by javakdb itself, not kdb+) is not included; get it with {@code javakdb("JK03")}
     */
    public static List<CorpusEntry> compressed() {
        return cached("compressed", () -> all().stream().filter(CorpusEntry::compressed).toList());
    }

    private static List<CorpusEntry> cached(String key, Supplier<List<CorpusEntry>> loader) {
        List<CorpusEntry> hit = CACHE.get(key);
        if (hit != null) {
            return hit;
        }
        List<CorpusEntry> loaded = List.copyOf(loader.get());
        List<CorpusEntry> raced = CACHE.putIfAbsent(key, loaded);
        return raced != null ? raced : loaded;
    }

    private static List<String> lines(String folder, String file) {
        Path p = root().resolve(folder).resolve(file);
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read corpus file " + p + ": " + e, e);
        }
    }

    /**
     * qPython/qJava format: pairs of lines (expression, hex of the message without its header). The header is rebuilt
     * as {@code 01 00 <compressed> 00} + int32 little-endian total length.
     */
    private static List<CorpusEntry> readOut(String source, String file, boolean compressed) {
        List<String> lines = lines(source, file);
        List<CorpusEntry> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.size(); i += 2) {
            String expression = lines.get(i);
            String hex = lines.get(i + 1).strip();
            if (hex.isEmpty()) {
                break;
            }
            byte[] body;
            try {
                body = Hex.hex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + "/" + file + " line " + (i + 2) + ": " + e.getMessage(), e);
            }
            out.add(new CorpusEntry(source, file + "#" + (i / 2 + 1), expression, message(0, compressed, body),
                    compressed));
        }
        return out;
    }

    /** node-q: one {@code ## NQnnn title} section per distinct message, with one {@code - hex (N bytes)} line. */
    private static List<CorpusEntry> readNodeq() {
        List<String> lines = lines("nodeq", "VECTORS.md");
        List<CorpusEntry> out = new ArrayList<>();
        String id = null;
        String title = null;
        String expression = null;
        byte[] message = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            Matcher section = NODEQ_SECTION.matcher(line);
            if (section.matches()) {
                addNodeq(out, id, title, expression, message);
                id = section.group(1);
                title = section.group(2).strip();
                expression = null;
                message = null;
                continue;
            }
            if (id == null) {
                continue;
            }
            Matcher hex = NODEQ_HEX.matcher(line);
            if (hex.matches()) {
                if (message != null) {
                    throw new IllegalStateException("nodeq/VECTORS.md line " + (n + 1) + ": second hex line in " + id);
                }
                message = Hex.hex(hex.group(2));
                int declared = Integer.parseInt(hex.group(1));
                if (declared != message.length) {
                    throw new IllegalStateException("nodeq/VECTORS.md line " + (n + 1) + ": " + id + " says "
                            + declared + " bytes but the hex has " + message.length);
                }
                continue;
            }
            if (expression == null) {
                Matcher q = NODEQ_Q.matcher(line);
                if (q.find()) {
                    expression = q.group(1);
                }
            }
        }
        addNodeq(out, id, title, expression, message);
        return out;
    }

    private static void addNodeq(List<CorpusEntry> out, String id, String title, String expression, byte[] message) {
        if (id == null) {
            return;
        }
        if (message == null) {
            throw new IllegalStateException("nodeq/VECTORS.md: section " + id + " has no hex line");
        }
        if (message.length < 8) {
            throw new IllegalStateException("nodeq/VECTORS.md: " + id + " is shorter than a header");
        }
        out.add(new CorpusEntry("nodeq", id, expression != null ? expression : title, message, message[2] != 0));
    }

    /** javakdb: markdown table rows {@code | JKnn | line | `hex` | what it encodes | ...}. */
    private static List<CorpusEntry> readJavakdb() {
        List<String> lines = lines("javakdb", "VECTORS.md");
        List<CorpusEntry> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (!JAVAKDB_ROW.matcher(line).matches()) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 5) {
                throw new IllegalStateException("javakdb/VECTORS.md line " + (n + 1) + ": too few columns");
            }
            String id = cells[1].strip();
            String hex = cells[3].strip();
            if (hex.length() < 2 || hex.charAt(0) != '`' || hex.charAt(hex.length() - 1) != '`') {
                throw new IllegalStateException("javakdb/VECTORS.md line " + (n + 1) + ": bytes column of " + id
                        + " is not `hex`: " + hex);
            }
            byte[] message = Hex.hex(hex.substring(1, hex.length() - 1));
            if (message.length < 8) {
                throw new IllegalStateException("javakdb/VECTORS.md: " + id + " is shorter than a header");
            }
            out.add(new CorpusEntry("javakdb", id, cells[4].strip(), message, message[2] != 0));
        }
        return out;
    }
}
