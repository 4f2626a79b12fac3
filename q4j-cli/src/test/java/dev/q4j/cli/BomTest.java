package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * q4j-bom has no parent (so that importing it brings nothing of q4j's build), so nothing but this test keeps it in
 * step with the build: it must list every module users depend on, each at the root pom's version.
 */
class BomTest {
    /**
     * modules that are not artifacts for users: the BOM itself, fuzz targets, benchmarks, the shared test support,
     * and the examples (the README's snippets and the demo's parts: code to read and run, bundled in the
     * command-line jar, not an API)
     */
    private static final Set<String> NOT_PUBLISHED = Set.of("q4j-bom", "q4j-fuzz", "q4j-bench", "q4j-testing",
            "q4j-examples");

    @Test
    void theBomListsEveryPublishedModuleAtTheProjectVersion() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Document parent = read(root.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");
        List<String> published = new ArrayList<>();
        NodeList modules = parent.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            String module = modules.item(i).getTextContent().trim();
            if (!NOT_PUBLISHED.contains(module)) {
                Document pom = read(root.resolve(module).resolve("pom.xml"));
                published.add(child(pom.getDocumentElement(), "artifactId"));
            }
        }

        Document bom = read(root.resolve("q4j-bom/pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).as("the BOM's own version").isEqualTo(version);
        List<String> listed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element d = (Element) dependencies.item(i);
            String artifact = child(d, "artifactId");
            assertThat(child(d, "groupId")).as(artifact).isEqualTo("dev.q4j");
            assertThat(child(d, "version")).as(artifact + "'s version in the BOM").isEqualTo(version);
            listed.add(artifact);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    }

    private static Document read(Path pom) throws Exception {
        assertThat(pom).exists();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (var in = Files.newInputStream(pom)) {
            return f.newDocumentBuilder().parse(in);
        }
    }

    /** @return the text of {@code e}'s direct child element {@code name} */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        throw new AssertionError(e.getTagName() + " has no <" + name + ">");
    }
}
