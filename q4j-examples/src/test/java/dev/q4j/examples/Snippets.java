package dev.q4j.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The two sides {@code ReadmeSnippetsTest} compares: the {@code ```java} blocks of README.md, and the snippets the
 * examples mark (see this package's package-info for the markers).
 */
final class Snippets {
    static final String BEGIN = "// readme:begin";
    static final String END = "// readme:end";
    static final String HIDE = "// readme:hide";
    /** The examples' sources, from the module's folder (where Maven runs the tests). */
    static final Path EXAMPLES = Path.of("src/main/java/dev/q4j/examples");
    /** The examples that are tests themselves (the README's testkit section), run by the build as tests. */
    static final Path TEST_EXAMPLES = Path.of("src/test/java/dev/q4j/examples/testing");
    /**
     * The Spark example, which only q4j-spark may compile (it alone depends on Spark) and whose tests run it: read
     * here as a file.
     */
    static final Path SPARK_EXAMPLES = Path.of("..", "q4j-spark", "src", "test", "java", "dev", "q4j", "spark");
    /** The README, beside the module. */
    static final Path README = Path.of("..", "README.md");

    private Snippets() {
    }

    /** {@return the text of each {@code ```java} block of a Markdown text, in order} */
    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null) {
                if (line.strip().equals("```java")) {
                    block = new StringBuilder();
                }
            } else if (line.strip().equals("```")) {
                blocks.add(block.toString().stripTrailing());
                block = null;
            } else {
                block.append(line.stripTrailing()).append('\n');
            }
        }
        if (block != null) {
            throw new IllegalArgumentException("a ```java block is not closed");
        }
        return blocks;
    }

    /**
     * {@return the snippet a source marks, or empty when it marks none}
     *
     * @throws IllegalArgumentException for a begin inside a part, an end outside one, or a part left open
     */
    static Optional<String> snippet(String source) {
        List<String> parts = new ArrayList<>();
        List<String> part = null;
        int n = 0;
        for (String line : source.split("\n", -1)) {
            n++;
            String s = line.strip();
            if (s.equals(BEGIN)) {
                if (part != null) {
                    throw new IllegalArgumentException("line " + n + ": " + BEGIN + " inside a part");
                }
                part = new ArrayList<>();
            } else if (s.equals(END)) {
                if (part == null) {
                    throw new IllegalArgumentException("line " + n + ": " + END + " outside a part");
                }
                parts.add(dedent(part));
                part = null;
            } else if (part != null && !s.endsWith(HIDE)) {
                part.add(line.stripTrailing());
            }
        }
        if (part != null) {
            throw new IllegalArgumentException("a part begun with " + BEGIN + " has no " + END);
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", parts));
    }

    /** {@return the lines without their common indentation, joined, without blank lines at either end} */
    private static String dedent(List<String> lines) {
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString().replaceAll("^\n+", "").stripTrailing();
    }

    /** {@return each example source's file name and its snippet, for the sources that mark one} */
    static Map<String, String> examples() {
        Map<String, String> snippets = new TreeMap<>(examples(EXAMPLES));
        snippets.putAll(examples(TEST_EXAMPLES));
        snippets.putAll(examples(SPARK_EXAMPLES));
        return snippets;
    }

    /** {@return the snippet of each example in one folder, by file name} */
    static Map<String, String> examples(Path folder) {
        Map<String, String> snippets = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                snippet(Files.readString(f)).ifPresent(s -> snippets.put(f.getFileName().toString(), s));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return snippets;
    }

    /** {@return README.md's {@code ```java} blocks} */
    static List<String> readme() {
        try {
            return javaBlocks(Files.readString(README));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
