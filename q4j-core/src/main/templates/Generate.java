import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the Java classes of q4j-core that are one template per family (see README.md beside this file).
 *
 * <p>Run by the build at generate-sources, with the JDK's single-file source launcher and nothing else:
 * {@code java Generate.java <templates folder> <output folder>}. For every {@code X.params} in the templates folder
 * it reads the template {@code X.java.tpl} and writes one class per section of {@code X.params} to the output
 * folder, below its package's path. It writes a file only when its text changed (and says nothing when no file
 * changed), and removes the files below the output folder that an earlier run generated and this one does not (only
 * those: a file without the generated header is never removed, should the output folder be given wrong).
 *
 * <p>The format, in full:
 * <ul>
 *   <li>{@code X.params}: lines {@code key = value} (one line, trimmed) or {@code key <<END} followed by lines up to
 *       one that is {@code END} exactly (kept as they are: a block of Java code). A line {@code [Name]} starts the
 *       class {@code Name}, whose keys follow; the keys before the first class hold for every class (a class may
 *       set them again). Blank lines and lines starting with {@code #} are comments, outside blocks.
 *   <li>In a template, {@code ${key}} is replaced by the key's value; {@code ${Class}} is the class's name. A line that
 *       holds nothing but {@code ${key}} (after indentation, or a comment's {@code " * "}) is removed when the value
 *       is empty. A value of several lines must end its line in the template; its lines after the first follow the
 *       same text as the first (so {@code ${key}} alone at the start of a line inserts a block as it is, with its own
 *       indentation, and {@code " * ${key}"} continues a comment).
 *   <li>A value that is just {@code @Y.part.tpl} is the text of that file in the templates folder (without its last
 *       line break: end it with an empty line where one should follow), substituted in turn; any value may itself
 *       use {@code ${key}}.
 *   <li>A key a template uses but the class does not set, a key a class sets but nothing uses for it, or a key set
 *       for every class that no class uses, is an error: the message names the file, the line and the key, and
 *       nothing is written.
 * </ul>
 */
public final class Generate {
    private static final Pattern KEY = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final Pattern WHOLE_LINE_KEY = Pattern.compile("[ ]*(?:\\*[ ]*)?\\$\\{([A-Za-z][A-Za-z0-9_]*)}[ ]*");
    private static final Pattern SECTION = Pattern.compile("\\[([A-Za-z][A-Za-z0-9_]*)]");
    private static final Pattern SINGLE = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)[ ]*=[ ]*(.*)");
    private static final Pattern BLOCK = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)[ ]*<<[ ]*([A-Za-z_]+)");
    private static final Pattern PART = Pattern.compile("@[A-Za-z][A-Za-z0-9_]*\\.part\\.tpl");
    private static final int MAX_DEPTH = 8;
    private static final String HEADER = "// Generated from ";

    private Generate() {
    }

    /** A failure that names where the input is wrong. */
    static final class GenerateException extends Exception {
        private static final long serialVersionUID = 1L;

        GenerateException(String message) {
            super(message);
        }
    }

    /** One value of a params file, with where it was set. */
    record Value(String text, String where) {
    }

    /** One class of a family: its name and its keys (the family's defaults included). */
    record Section(String name, Map<String, Value> values, Set<String> defaults, String where) {
    }

    /**
     * Generates every family.
     *
     * @param args the templates folder and the output folder
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java Generate.java <templates folder> <output folder>");
            System.exit(2);
        }
        try {
            int[] changed = run(Path.of(args[0]), Path.of(args[1]));
            // silent when nothing changed, as for most builds
            if (changed[0] + changed[1] > 0) {
                System.out.println("Generate: " + changed[0] + " classes written to " + args[1] + ", " + changed[1]
                        + " no longer generated removed");
            }
        } catch (GenerateException | IOException e) {
            System.err.println("Generate: " + e.getMessage());
            System.exit(1);
        }
    }

    /** {@return how many classes were written and how many removed} */
    static int[] run(Path templates, Path out) throws GenerateException, IOException {
        List<Path> families;
        try (Stream<Path> files = Files.list(templates)) {
            families = files.filter(p -> p.getFileName().toString().endsWith(".params")).sorted().toList();
        }
        if (families.isEmpty()) {
            throw new GenerateException("no .params file in " + templates);
        }
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path params : families) {
            String family = params.getFileName().toString().replaceFirst("\\.params$", "");
            String templateName = family + ".java.tpl";
            Path template = templates.resolve(templateName);
            if (!Files.isRegularFile(template)) {
                throw new GenerateException(params.getFileName() + ": its template " + templateName + " is missing");
            }
            String templateText = read(template);
            Set<String> usedByFamily = new HashSet<>();
            List<Section> sections = parse(params);
            for (Section section : sections) {
                Value pkg = section.values().get("package");
                if (pkg == null) {
                    throw new GenerateException(section.where() + ": no key 'package' for " + section.name());
                }
                Set<String> used = new HashSet<>();
                used.add("package");
                String body = substitute(templateText, templateName, section, templates, used, 0);
                usedByFamily.addAll(used);
                for (String key : section.values().keySet()) {
                    if (!used.contains(key) && !section.defaults().contains(key)) {
                        throw new GenerateException(section.values().get(key).where() + ": key '" + key
                                + "' is set for " + section.name() + " but no template uses it");
                    }
                }
                String header = HEADER + templateName + " and " + params.getFileName()
                        + " in q4j-core/src/main/templates: edit those, not this file.\n";
                Path file = out.resolve(pkg.text().replace('.', '/')).resolve(section.name() + ".java");
                if (texts.put(file, header + body) != null) {
                    throw new GenerateException(section.where() + ": " + section.name() + " is generated twice");
                }
            }
            for (Section section : sections) {
                for (String key : section.defaults()) {
                    if (!usedByFamily.contains(key)) {
                        throw new GenerateException(section.values().get(key).where() + ": key '" + key
                                + "' is set for every class but no template uses it");
                    }
                }
            }
        }
        return write(out, texts);
    }

    private static int[] write(Path out, Map<Path, String> texts) throws IOException {
        int written = 0;
        for (Map.Entry<Path, String> e : texts.entrySet()) {
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            Path file = e.getKey();
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
                continue;
            }
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            written++;
        }
        int removed = 0;
        if (Files.isDirectory(out)) {
            List<Path> stale;
            try (Stream<Path> files = Files.walk(out)) {
                stale = files.filter(p -> p.toString().endsWith(".java") && !texts.containsKey(p)).toList();
            }
            for (Path p : stale) {
                if (read(p).startsWith(HEADER)) {
                    Files.delete(p);
                    removed++;
                }
            }
        }
        return new int[] {written, removed};
    }

    /** Reads a file as text with \n line ends, whatever the checkout made of them. */
    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    static List<Section> parse(Path params) throws GenerateException, IOException {
        String name = params.getFileName().toString();
        String[] lines = read(params).split("\n", -1);
        Map<String, Value> defaults = new LinkedHashMap<>();
        List<Section> sections = new ArrayList<>();
        Map<String, Value> current = defaults;
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = name + " line " + (i + 1);
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m;
            if ((m = SECTION.matcher(line)).matches()) {
                if (!names.add(m.group(1))) {
                    throw new GenerateException(where + ": class " + m.group(1) + " appears twice");
                }
                current = new LinkedHashMap<>();
                sections.add(new Section(m.group(1), current, Set.of(), where));
            } else if ((m = BLOCK.matcher(line)).matches()) {
                String end = m.group(2);
                StringBuilder block = new StringBuilder();
                int start = i;
                while (true) {
                    i++;
                    if (i >= lines.length) {
                        throw new GenerateException(where + ": block '" + m.group(1) + "' has no line " + end);
                    }
                    if (lines[i].equals(end)) {
                        break;
                    }
                    block.append(block.length() == 0 && i == start + 1 ? "" : "\n").append(lines[i]);
                }
                put(current, m.group(1), new Value(block.toString(), where), where);
            } else if ((m = SINGLE.matcher(line)).matches()) {
                put(current, m.group(1), new Value(m.group(2).strip(), where), where);
            } else {
                throw new GenerateException(where + ": neither 'key = value', 'key <<END', '[Class]' nor a comment: "
                        + line);
            }
        }
        if (sections.isEmpty()) {
            throw new GenerateException(name + ": no [Class] section");
        }
        List<Section> merged = new ArrayList<>();
        for (Section s : sections) {
            Map<String, Value> all = new LinkedHashMap<>(defaults);
            all.putAll(s.values());
            all.put("Class", new Value(s.name(), s.where()));
            Set<String> inherited = new HashSet<>(defaults.keySet());
            inherited.removeAll(s.values().keySet());
            merged.add(new Section(s.name(), all, inherited, s.where()));
        }
        return merged;
    }

    private static void put(Map<String, Value> map, String key, Value value, String where) throws GenerateException {
        if (key.equals("Class")) {
            throw new GenerateException(where + ": 'Class' is the section's name, not a key to set");
        }
        if (map.put(key, value) != null) {
            throw new GenerateException(where + ": key '" + key + "' is set twice");
        }
    }

    /** The text with every {@code ${key}} replaced, for one class. */
    static String substitute(String text, String source, Section section, Path templates, Set<String> used, int depth)
            throws GenerateException, IOException {
        if (depth > MAX_DEPTH) {
            throw new GenerateException(source + ": values refer to each other more than " + MAX_DEPTH + " deep");
        }
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String where = source + " line " + (i + 1);
            String line = lines[i];
            Matcher whole = WHOLE_LINE_KEY.matcher(line);
            if (whole.matches() && value(whole.group(1), where, section, templates, used, depth).isEmpty()) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String value = value(m.group(1), where, section, templates, used, depth);
                if (value.contains("\n")) {
                    String prefix = line.substring(0, m.start());
                    if (m.end() != line.length() || prefix.contains("${")) {
                        throw new GenerateException(where + ": ${" + m.group(1) + "} has several lines, so it must"
                                + " be the last and only key on its line");
                    }
                    value = continued(value, prefix);
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(value));
            }
            m.appendTail(sb);
            out.append(sb).append(i < lines.length - 1 ? "\n" : "");
        }
        return out.toString();
    }

    /** The lines of a value after the first, each behind the prefix its first line has in the template. */
    private static String continued(String value, String prefix) {
        StringBuilder sb = new StringBuilder();
        String[] lines = value.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                sb.append('\n').append(lines[i].isEmpty() ? prefix.stripTrailing() : prefix);
            }
            sb.append(lines[i]);
        }
        return sb.toString();
    }

    private static String value(String key, String where, Section section, Path templates, Set<String> used,
            int depth) throws GenerateException, IOException {
        Value v = section.values().get(key);
        if (v == null) {
            throw new GenerateException(where + ": ${" + key + "} is not set for " + section.name() + " ("
                    + section.where() + ")");
        }
        used.add(key);
        String text = v.text();
        String source = v.where() + " (" + key + ")";
        if (PART.matcher(text).matches()) {
            String part = text.substring(1);
            Path file = templates.resolve(part);
            if (!Files.isRegularFile(file)) {
                throw new GenerateException(v.where() + ": '" + key + "' names " + part + ", which is not a file"
                        + " beside the templates");
            }
            text = read(file);
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            source = part;
        }
        return substitute(text, source, section, templates, used, depth + 1);
    }
}
