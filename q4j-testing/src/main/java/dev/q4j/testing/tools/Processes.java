package dev.q4j.testing.tools;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Processes a test starts (a JVM, the JDK's keytool), run to their end: their output read, their time bounded, a
 * failure an {@link AssertionError} that shows the command and what it printed.
 *
 * <pre>{@code
 * String out = Processes.run(List.of(javaHome + "/bin/java", "-version"), Duration.ofSeconds(20));
 * }</pre>
 */
public final class Processes {
    private Processes() {
    }

    /**
     * Starts a command with its standard error joined to its standard output.
     *
     * @param command the command and its arguments
     * @return the running process
     * @throws IOException if it cannot start
     */
    public static Process start(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /**
     * Runs a command to its end.
     *
     * @param command the command and its arguments
     * @param timeout how long it may take
     * @return what it printed
     * @throws IOException if it cannot start or its output cannot be read
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if it does not end in time (it is then killed) or ends with an exit code other than 0
     */
    public static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        return finish(start(command), command, timeout);
    }

    /**
     * Waits for a started process to end.
     *
     * @param process the process, started with {@link #start}
     * @param command its command, for the message of a failure
     * @param timeout how long it may still take
     * @return what it printed
     * @throws IOException if its output cannot be read
     * @throws InterruptedException if interrupted while waiting
     * @throws AssertionError if it does not end in time (it is then killed) or ends with an exit code other than 0
     */
    public static String finish(Process process, List<String> command, Duration timeout)
            throws IOException, InterruptedException {
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not finish in " + timeout + ": " + command + "\n" + output);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("exit code " + process.exitValue() + ": " + command + "\n" + output);
        }
        return output;
    }

    /**
     * {@return the path of a tool of the JDK running the test}
     *
     * @param name the tool's name: {@code java}, {@code javac}, {@code keytool}...
     */
    public static String jdkTool(String name) {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
