package dev.q4j.interop.nodeq;

import static org.assertj.core.api.Assertions.fail;

import dev.q4j.testing.tools.NodeProject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A script of {@code interop/nodeq} run with the machine's Node.js: {@code node interop/nodeq/SCRIPT.js ARGS...}.
 * Its stdout is read line by line as it comes; its stderr is kept for failure messages. The first use installs
 * node-q with {@code npm ci} when {@code node_modules} is missing. Node.js and npm are required: without them the
 * tests fail, they do not skip.
 */
final class NodeScript implements AutoCloseable {
    private static final String EOF = new String("end of stdout");   // compared by identity: no line is it

    private final String name;
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuffer stderr = new StringBuffer();

    private NodeScript(String name, Process process) {
        this.name = name;
        this.process = process;
        pump(process.getInputStream(), line -> lines.add(line), () -> lines.add(EOF), "stdout");
        pump(process.getErrorStream(), line -> stderr.append(line).append('\n'), () -> { }, "stderr");
    }

    /**
     * Starts {@code node SCRIPT.js ARGS...} in {@code interop/nodeq}, with TZ=UTC as node-q recommends.
     *
     * @param script the script's name without {@code .js}
     * @param args its arguments (the port first)
     * @return the running script
     */
    static NodeScript start(String script, Object... args) {
        Path dir = installedDir();
        List<String> command = new ArrayList<>(List.of("node", script + ".js"));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("TZ", "UTC");
        try {
            return new NodeScript(script, pb.start());
        } catch (IOException e) {
            return fail("cannot run `%s` in %s: %s. The node-q interoperability tests need Node.js (node and npm on "
                    + "the PATH).", String.join(" ", command), dir, e.getMessage());
        }
    }

    /**
     * @param timeout how long to wait
     * @return the next line the script printed
     */
    String nextLine(Duration timeout) {
        String line;
        try {
            line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (line == null) {
            return fail("%s.js printed nothing more within %s; stderr:%n%s", name, timeout, stderr);
        }
        if (line == EOF) {
            lines.add(EOF);
            return fail("%s.js ended its output (exit code %s); stderr:%n%s", name, exitCode(), stderr);
        }
        return line;
    }

    /**
     * Waits for the script to exit (killing it after {@code timeout}) and checks that it succeeded.
     *
     * @param timeout how long it may still run
     * @return the lines it printed that were not read yet
     */
    List<String> awaitSuccess(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("%s.js did not finish within %s and was killed; stderr:%n%s", name, timeout, stderr);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        List<String> rest = new ArrayList<>();
        for (String line = nextOrEof(); line != EOF; line = nextOrEof()) {
            rest.add(line);
        }
        if (process.exitValue() != 0) {
            fail("%s.js exited with %d; stdout:%n%s%nstderr:%n%s", name, process.exitValue(),
                    String.join("\n", rest), stderr);
        }
        return rest;
    }

    /** Kills the script if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
    }

    private String nextOrEof() {
        try {
            String line = lines.poll(5, TimeUnit.SECONDS);   // the pump drains what the exited process left
            return line == null ? EOF : line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String exitCode() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static void pump(InputStream in, Consumer<String> sink, Runnable end, String what) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                sink.accept("(reading " + what + " failed: " + e + ")");
            } finally {
                end.run();
            }
        }, "node-" + what);
        t.setDaemon(true);
        t.start();
    }

    // ---------------------------------------------------------------- installation

    /** @return {@code interop/nodeq}, with node-q installed in it */
    static Path installedDir() {
        return NodeProject.installed("interop/nodeq", "node-q");
    }
}
