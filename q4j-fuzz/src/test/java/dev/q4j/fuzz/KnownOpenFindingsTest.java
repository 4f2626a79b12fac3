package dev.q4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Findings of the fuzz targets whose fix is under way elsewhere (issue 13 §1: depth recomputed at every level,
 * IllegalArgumentException at the depth limit, symbol hash flooding). Their inputs are kept in
 * {@code known-open/<Target>/<method>/<name>}, outside the directories Jazzer runs in every build, so that the build
 * stays green until the fix is merged; this test checks that each still shows its finding.
 *
 * <p>{@code known-open/README.md} lists them, with what each shows. When one stops failing here (its fix has been merged), move it to {@code <Target>Inputs/<method>/} beside the
 * other kept findings: from then on every build runs it as a regression input of its target.
 */
class KnownOpenFindingsTest {
    private static final String ROOT = "known-open";

    static Stream<Arguments> inputs() throws IOException, URISyntaxException {
        Path root = Paths.get(KnownOpenFindingsTest.class.getResource(ROOT).toURI());
        try (Stream<Path> files = Files.walk(root)) {
            // <Target>/<method>/<name>; README.md at the top says what each is
            List<Path> found = files.filter(p -> Files.isRegularFile(p) && root.relativize(p).getNameCount() == 3)
                    .sorted().toList();
            return found.stream().map(p -> Arguments.of(Named.of(root.relativize(p).toString(), p)));
        }
    }

    @Test
    void theKnownOpenFindingsAreThere() throws Exception {
        assertThat(inputs()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("inputs")
    void stillFails(Path input) throws Exception {
        Path method = input.getParent();
        String target = method.getParent().getFileName().toString();
        Class<?> type = Class.forName(KnownOpenFindingsTest.class.getPackageName() + "." + target);
        Method fuzzTest = type.getDeclaredMethod(method.getFileName().toString(), byte[].class);
        fuzzTest.setAccessible(true);
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        Object instance = constructor.newInstance();
        byte[] data = Files.readAllBytes(input);
        Throwable finding = null;
        try {
            fuzzTest.invoke(instance, data);
        } catch (InvocationTargetException e) {
            finding = e.getCause();
        }
        assertThat(finding).as("the known-open finding %s no longer shows: its fix is in. Move it to "
                + "src/test/resources/dev/q4j/fuzz/%sInputs/%s/ so that every build runs it", input.getFileName(),
                target, method.getFileName()).isNotNull();
    }
}
