package dev.q4j.arrow;

import dev.q4j.testing.tools.NodeProject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The scripts of {@code interop/arrow}, run with the machine's Node.js: apache-arrow, the JavaScript implementation
 * of Arrow, pinned by {@code interop/arrow/package-lock.json}. The first use installs it with {@code npm ci} when
 * {@code node_modules} lacks it. Node.js and npm are required: without them the tests fail, they do not skip.
 */
final class ArrowJs {
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(1);

    private ArrowJs() {
    }

    /**
     * Runs {@code node SCRIPT.js ARGS...} in {@code interop/arrow} to its end.
     *
     * @param script the script's name without {@code .js}
     * @param args its arguments
     * @return the lines it printed on stdout
     */
    static List<String> run(String script, Object... args) {
        Path dir = installedDir();
        List<String> command = new ArrayList<>(List.of("node", script + ".js"));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        return NodeProject.run(dir, command, SCRIPT_TIMEOUT, "the apache-arrow interoperability tests need Node.js"
                + " (node and npm on the PATH)");
    }

    /** @return {@code interop/arrow}, with apache-arrow installed in it */
    static Path installedDir() {
        return NodeProject.installed("interop/arrow", "apache-arrow");
    }
}
