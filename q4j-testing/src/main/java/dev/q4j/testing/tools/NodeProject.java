package dev.q4j.testing.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A Node.js project of the repository ({@code interop/nodeq}, {@code interop/arrow}) whose scripts the
 * interoperability tests run: found from the working directory upwards by its {@code package-lock.json}, its
 * packages installed once per JVM with {@code npm ci} (exactly as the lock file pins them) when they are not yet.
 * Without Node.js the tests fail, saying so; they never skip.
 *
 * <pre>{@code
 * Path dir = NodeProject.installed("interop/arrow", "apache-arrow");   // then: node SCRIPT.js in dir
 * }</pre>
 */
public final class NodeProject {
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Set<Path> INSTALLED = ConcurrentHashMap.newKeySet();

    private NodeProject() {
    }

    /**
     * Finds the project and installs its packages if {@code npmPackage} is not installed yet.
     *
     * @param folder the project's folder relative to the repository's root, e.g. {@code interop/nodeq}
     * @param npmPackage a package the project depends on, whose presence says the project is installed
     * @return the project's folder, installed
     * @throws IllegalStateException if there is no such folder with a {@code package-lock.json}
     * @throws AssertionError if {@code npm ci} cannot run, fails or takes over 5 minutes
     */
    public static synchronized Path installed(String folder, String npmPackage) {
        Path dir = find(folder);
        if (!INSTALLED.contains(dir)) {
            if (!Files.isRegularFile(dir.resolve("node_modules").resolve(npmPackage).resolve("package.json"))) {
                npmCi(dir, npmPackage);
            }
            INSTALLED.add(dir);
        }
        return dir;
    }

    private static Path find(String folder) {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path dir = p.resolve(folder);
            if (Files.isRegularFile(dir.resolve("package-lock.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no " + folder + "/package-lock.json in " + start + " or above");
    }

    private static void npmCi(Path dir, String npmPackage) {
        run(dir, List.of("npm", "ci", "--no-audit", "--no-fund"), NPM_TIMEOUT, "installing " + npmPackage
                + " needs Node.js (node and npm on the PATH)");
    }

    /**
     * Runs a command (a {@code node} script, {@code npm}) in a project's folder to its end.
     *
     * @param dir the folder, from {@link #installed}
     * @param command the command and its arguments
     * @param timeout how long it may take
     * @param need what the test needs, said when the command cannot start
     * @return the lines it printed on standard output
     * @throws AssertionError if it cannot start (Node.js missing), does not end in time (it is then killed) or ends
     *     with an exit code other than 0; the message shows its standard output and error
     */
    public static List<String> run(Path dir, List<String> command, Duration timeout, String need) {
        Path out;
        Path err;
        try {
            out = Files.createTempFile("q4j-node", ".out");
            err = Files.createTempFile("q4j-node", ".err");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Process p;
            try {
                p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                        .redirectError(err.toFile()).start();
            } catch (IOException e) {
                throw new AssertionError("cannot run `" + String.join(" ", command) + "` in " + dir + ": "
                        + e.getMessage() + "; " + need, e);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + "; stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("`" + String.join(" ", command) + "` exited with " + p.exitValue()
                        + "; stdout:\n" + Files.readString(out) + "\nstderr:\n" + Files.readString(err));
            }
            return Files.readAllLines(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            try {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            } catch (IOException ignored) {
                // temporary files left behind
            }
        }
    }
}
