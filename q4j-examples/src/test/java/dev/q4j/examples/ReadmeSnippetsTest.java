package dev.q4j.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * README.md's Java code is the examples' code: every {@code ```java} block is, character for character, the
 * snippet an example marks, and every example's snippet is a block of the README. The examples compile with the
 * build and {@code ExamplesIT} runs them, so a README snippet that does not compile or run fails the build.
 */
class ReadmeSnippetsTest {

    @Test
    void everyJavaBlockOfTheReadmeIsTheSnippetOfAnExample() {
        List<String> blocks = Snippets.readme();
        Map<String, String> examples = Snippets.examples();

        assertThat(blocks).as("README.md's ```java blocks").isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String block : blocks) {
            if (!examples.containsValue(block)) {
                missing.add(block + "\n\n  nearest example: " + nearest(block, examples));
            }
        }
        assertThat(missing).as("README blocks that no example in %s holds (markers: see its package-info)",
                Snippets.EXAMPLES).isEmpty();
    }

    @Test
    void everyExampleSnippetIsInTheReadme() {
        List<String> blocks = Snippets.readme();

        assertThat(Snippets.examples()).allSatisfy((file, snippet) -> assertThat(blocks)
                .as("%s's snippet, which README.md does not hold", file).contains(snippet));
    }

    @Test
    void eachExampleHoldsOneBlockAndEachBlockIsHeldOnce() {
        List<String> blocks = Snippets.readme();
        Map<String, String> examples = Snippets.examples();

        assertThat(blocks).doesNotHaveDuplicates();
        assertThat(examples.values()).doesNotHaveDuplicates();
        assertThat(examples).hasSameSizeAs(blocks);
    }

    @Test
    void aSnippetIsItsPartsWithoutHiddenLinesOrCommonIndentationJoinedByABlankLine() {
        String source = """
                package x;

                // readme:begin
                import a.B;
                // readme:end
                import c.D;

                class X {
                    void main() {
                        int n = 1;
                        // readme:begin
                        if (n > 0) {   \s
                            System.out.println(n);   // readme:hide
                            n++;
                        }
                        // readme:end
                    }
                }
                """;

        assertThat(Snippets.snippet(source)).hasValue("import a.B;\n\nif (n > 0) {\n    n++;\n}");
        assertThat(Snippets.snippet("class Y {}")).isEmpty();
    }

    @Test
    void misplacedMarkersAreErrorsNamingTheLine() {
        assertThatThrownBy(() -> Snippets.snippet("a\n// readme:end\n")).hasMessageContaining("line 2")
                .hasMessageContaining("outside a part");
        assertThatThrownBy(() -> Snippets.snippet("// readme:begin\n  // readme:begin\n"))
                .hasMessageContaining("line 2").hasMessageContaining("inside a part");
        assertThatThrownBy(() -> Snippets.snippet("// readme:begin\nx;\n")).hasMessageContaining("has no");
    }

    @Test
    void javaBlocksAreFoundAndOtherBlocksAreNot() {
        String md = "text\n```java\nint a;\n\nint b;  \n```\n```xml\n<a/>\n```\n```sh\nls\n```\n";

        assertThat(Snippets.javaBlocks(md)).containsExactly("int a;\n\nint b;");
    }

    /** {@return the example whose snippet shares the most lines with {@code block}, for the failure message} */
    private static String nearest(String block, Map<String, String> examples) {
        List<String> lines = List.of(block.split("\n"));
        String best = "(none)";
        long most = 0;
        for (Map.Entry<String, String> e : examples.entrySet()) {
            long shared = List.of(e.getValue().split("\n")).stream().filter(lines::contains).count();
            if (shared > most) {
                most = shared;
                best = e.getKey() + ", whose snippet is:\n" + e.getValue();
            }
        }
        return best;
    }
}
