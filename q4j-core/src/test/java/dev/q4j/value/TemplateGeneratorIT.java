package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator of the value model's per-type classes, src/main/templates/Generate.java, run as the build runs it
 * (the JDK's source launcher, in a process of its own: hence an integration test): what it makes of the real
 * templates, its format's rules, and the clear error for each mistake in a template or a params file.
 */
class TemplateGeneratorIT {
    private static final Path TEMPLATES = Path.of("src/main/templates");
    private static final Path BUILD_OUTPUT = Path.of("target/generated-sources/templates");
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** The outcome of one run. */
    record Run(int exit, String out, String err) {
    }

    /** Generate.java compiled once, for the runs on small inputs (the source launcher compiles at every run). */
    private static Path compiled;

    @BeforeAll
    static void compileTheGenerator(@TempDir Path classes) throws Exception {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        Run run = run(javac, List.of("-d", classes.toString(), TEMPLATES.resolve("Generate.java").toString()));
        assertThat(run.exit()).as("javac Generate.java: " + run.err()).isZero();
        compiled = classes;
    }

    /** Runs the compiled generator. */
    private static Run generate(Path templates, Path out) throws IOException, InterruptedException {
        return run(JAVA, List.of("-cp", compiled.toString(), "Generate", templates.toString(), out.toString()));
    }

    /** Runs a tool of the JDK that runs the tests with these arguments. */
    private static Run run(Path tool, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool.toString());
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // both outputs are a few lines: reading one after the other cannot fill a pipe
        String stdout;
        String stderr;
        try (var o = p.getInputStream(); var e = p.getErrorStream()) {
            stdout = new String(o.readAllBytes(), StandardCharsets.UTF_8);
            stderr = new String(e.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the generator did not finish");
        }
        return new Run(p.exitValue(), stdout, stderr);
    }

    private static Set<String> javaFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(f -> dir.relativize(f).toString()
                    .replace('\\', '/')).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theRealTemplatesGiveTheClassesTheBuildCompiledAndNoneIsAlsoHandWritten(@TempDir Path out) throws Exception {
        // as the build runs it: the source launcher
        Path source = TEMPLATES.resolve("Generate.java");
        Run run = run(JAVA, List.of(source.toString(), TEMPLATES.toString(), out.toString()));

        assertThat(run.exit()).as(run.err()).isZero();
        Set<String> generated = javaFiles(out);
        assertThat(generated).hasSize(34).contains("dev/q4j/value/QIntVector.java", "dev/q4j/value/QSymbolVector.java",
                "dev/q4j/value/IntBackedVector.java", "dev/q4j/value/QTimestamp.java", "dev/q4j/value/QDatetime.java");
        assertThat(javaFiles(BUILD_OUTPUT)).isEqualTo(generated);
        for (String f : generated) {
            String text = Files.readString(out.resolve(f));
            assertThat(text).as(f).startsWith("// Generated from ").contains("package dev.q4j.value;")
                    .doesNotContain("${").endsWith("}\n");
            assertThat(Files.readString(BUILD_OUTPUT.resolve(f))).as(f).isEqualTo(text);
            assertThat(Path.of("src/main/java").resolve(f)).as("a hand copy of " + f).doesNotExist();
        }
    }

    @Test
    void keysBlocksPartsAndCommentContinuationsAreSubstitutedAsDocumented(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        write(in, "Family.java.tpl", "package ${package};\n\n${imports}\n\n/**\n * ${summary}\n */\n"
                + "public final class ${Class} {\n${members}\n    // ${note}\n}\n");
        write(in, "Extra.part.tpl", "    int ${field};\n\n");
        write(in, "Family.params", "# a comment\npackage = p.q\nimports =\nmembers = @Extra.part.tpl\n"
                + "note = ${Class}\n\n"
                + "[A]\nfield = a\nsummary <<END\nOne line,\n\nanother.\nEND\n"
                + "[B]\nfield = b\nsummary = Short.\nimports <<END\nimport java.util.List;\nEND\n");

        Run run = generate(in, dir.resolve("out"));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(dir.resolve("out/p/q/A.java"))).isEqualTo("// Generated from Family.java.tpl and"
                + " Family.params in q4j-core/src/main/templates: edit those, not this file.\n"
                + "package p.q;\n\n\n/**\n * One line,\n *\n * another.\n */\npublic final class A {\n"
                + "    int a;\n\n    // A\n}\n");
        assertThat(Files.readString(dir.resolve("out/p/q/B.java"))).endsWith("package p.q;\n\nimport java.util.List;\n"
                + "\n/**\n * Short.\n */\npublic final class B {\n    int b;\n\n    // B\n}\n");
    }

    @Test
    void windowsLineEndsInTheInputGiveTheSameOutput(@TempDir Path dir) throws Exception {
        Path lf = Files.createDirectories(dir.resolve("lf"));
        Path crlf = Files.createDirectories(dir.resolve("crlf"));
        String template = "package ${package};\n\n/** ${doc} */\nclass ${Class} {\n${body}\n}\n";
        String params = "package = p\ndoc = D.\n[C]\nbody <<END\n    int x;\n    int y;\nEND\n";
        write(lf, "F.java.tpl", template);
        write(lf, "F.params", params);
        write(crlf, "F.java.tpl", template.replace("\n", "\r\n"));
        write(crlf, "F.params", params.replace("\n", "\r\n"));

        assertThat(generate(lf, dir.resolve("out1")).exit()).isZero();
        assertThat(generate(crlf, dir.resolve("out2")).exit()).isZero();

        assertThat(Files.readString(dir.resolve("out2/p/C.java")))
                .isEqualTo(Files.readString(dir.resolve("out1/p/C.java"))).doesNotContain("\r")
                .contains("class C {\n    int x;\n    int y;\n}\n");
    }

    @Test
    void anUnchangedClassIsNotRewrittenAndAClassNoLongerGeneratedIsRemovedButNoOtherFile(@TempDir Path dir)
            throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        write(in, "F.java.tpl", "package ${package};\n\nclass ${Class} {\n}\n");
        write(in, "F.params", "package = p\n[A]\n[B]\n");
        assertThat(generate(in, out).out()).isEqualTo("Generate: 2 classes written to " + out
                + ", 0 no longer generated removed" + System.lineSeparator());
        write(out.resolve("p"), "HandWritten.java", "package p;\n\nclass HandWritten {\n}\n");
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("p/A.java"), before);
        write(in, "F.params", "package = p\n[A]\n");

        Run again = generate(in, out);

        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).isEqualTo("Generate: 0 classes written to " + out
                + ", 1 no longer generated removed" + System.lineSeparator());
        assertThat(Files.getLastModifiedTime(out.resolve("p/A.java"))).isEqualTo(before);
        assertThat(javaFiles(out)).containsExactly("p/A.java", "p/HandWritten.java");
        assertThat(generate(in, out).out()).as("nothing to do, nothing said").isEmpty();
    }

    /** Each mistake, with what the message must name; nothing is written for any of them. */
    @Test
    void eachMistakeIsRefusedWithAMessageNamingWhereAndWhat(@TempDir Path dir) throws Exception {
        String template = "package ${package};\n\nclass ${Class} {\n    ${field}\n}\n";
        List<List<String>> cases = List.of(
                // template, params, what the message says
                List.of(template.replace("${field}", "${feild}"), "package = p\nfield = int x;\n[A]\n",
                        "F.java.tpl line 4: ${feild} is not set for A (F.params line 3)"),
                List.of(template, "package = p\n[A]\nfield = int x;\nfeild = int y;\n",
                        "F.params line 4: key 'feild' is set for A but no template uses it"),
                List.of(template, "package = p\nunused = 1\nfield = int x;\n[A]\n",
                        "F.params line 2: key 'unused' is set for every class but no template uses it"),
                List.of(template, "package = p\n[A]\nfield <<END\n    int x;\n",
                        "F.params line 3: block 'field' has no line END"),
                List.of(template, "package = p\nfield = x\n[A]\n[A]\n", "F.params line 4: class A appears twice"),
                List.of(template, "package = p\nfield = x\nfield = y\n[A]\n",
                        "F.params line 3: key 'field' is set twice"),
                List.of(template, "package = p\nfield x\n[A]\n", "F.params line 2: neither 'key = value'"),
                List.of(template, "package = p\nfield = @Missing.part.tpl\n[A]\n",
                        "F.params line 2: 'field' names Missing.part.tpl, which is not a file beside the templates"),
                List.of(template.replace("    ${field}", "    int ${field} = 1;"),
                        "package = p\n[A]\nfield <<END\nx\ny\nEND\n",
                        "F.java.tpl line 4: ${field} has several lines, so it must be the last and only key on"),
                List.of(template, "package = p\nfield = ${field}\n[A]\n", "refer to each other more than 8 deep"),
                List.of(template, "field = x\n[A]\n", "no key 'package' for A"));
        for (List<String> c : cases) {
            Path in = Files.createDirectories(Files.createTempDirectory(dir, "in"));
            Path out = dir.resolve("out");
            write(in, "F.java.tpl", c.get(0));
            write(in, "F.params", c.get(1));

            Run run = generate(in, out);

            assertThat(run.exit()).as(c.get(2)).isEqualTo(1);
            assertThat(run.err()).as(c.get(2)).startsWith("Generate: ").contains(c.get(2));
            assertThat(javaFiles(out)).as(c.get(2)).isEmpty();
        }
    }

    @Test
    void aParamsFileWithoutItsTemplateIsRefused(@TempDir Path in) throws Exception {
        write(in, "F.params", "package = p\n[A]\n");

        Run run = generate(in, in.resolve("out"));

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("F.params: its template F.java.tpl is missing");
    }
}
