package dev.q4j.arrow;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The scripts of {@code interop/arrow}, run with the machine's Node.js: apache-arrow, the JavaScript implementation
 * of Arrow, pinned by {@code interop/arrow/package-lock.json}. The first use installs it with {@code npm ci} when
 * {@code node_modules} lacks it. Node.js and npm are required: without them the tests fail, they do not skip.
 */
final class ArrowJs {
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(1);
    private static boolean installed;

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
        return exec(command, dir, SCRIPT_TIMEOUT, "the apache-arrow interoperability tests need Node.js (node and"
                + " npm on the PATH)");
    }

    private static List<String> exec(List<String> command, Path dir, Duration timeout, String need) {
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
                return fail("cannot run `%s` in %s: %s; %s", String.join(" ", command), dir, e.getMessage(), need);
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                fail("`%s` did not finish within %s; stderr:%n%s", String.join(" ", command), timeout,
                        Files.readString(err));
            }
            if (p.exitValue() != 0) {
                fail("`%s` exited with %d; stdout:%n%s%nstderr:%n%s", String.join(" ", command), p.exitValue(),
                        Files.readString(out), Files.readString(err));
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

    /** @return {@code interop/arrow}, with apache-arrow installed in it */
    static synchronized Path installedDir() {
        Path dir = findDir();
        if (!installed) {
            if (!Files.isRegularFile(dir.resolve("node_modules/apache-arrow/package.json"))) {
                exec(List.of("npm", "ci", "--no-audit", "--no-fund"), dir, NPM_TIMEOUT,
                        "installing apache-arrow needs Node.js (node and npm on the PATH)");
            }
            installed = true;
        }
        return dir;
    }

    private static Path findDir() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path dir = p.resolve("interop/arrow");
            if (Files.isRegularFile(dir.resolve("package-lock.json"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no interop/arrow/package-lock.json in " + start + " or above");
    }
}
