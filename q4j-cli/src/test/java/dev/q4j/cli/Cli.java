package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the q4j command in-process, as {@code main} would, with the given standard input. */
final class Cli {
    private Cli() {
    }

    /**
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     */
    record Result(int exitCode, String out, String err) {
        /** @return standard output split into lines */
        java.util.List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Result runWithInput(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Q4j.commandLine(new ByteArrayInputStream(stdin), o, e).execute(args);
        }
        return new Result(code, out.toString().replace(System.lineSeparator(), "\n"),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    static Result runWithInput(String stdin, String... args) {
        return runWithInput(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Result run(String... args) {
        return runWithInput(new byte[0], args);
    }

    /**
     * @param exitCode the exit code
     * @param bytes what was written to standard output as bytes
     * @param out what was written to standard output as text
     * @param err standard error
     */
    record BinaryResult(int exitCode, byte[] bytes, String out, String err) {
    }

    /** Runs the command with a binary standard output too (for {@code query --format arrow}). */
    static BinaryResult runBinary(String... args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), bytes, o, e).execute(args);
        }
        return new BinaryResult(code, bytes.toByteArray(), out.toString(), err.toString());
    }

    /**
     * A command that listens ({@code serve}, {@code record}, {@code replay}), run in-process on a thread of its own
     * until it prints its port, and stopped by interrupting it (as Ctrl-C stops the real one).
     */
    static final class Running implements AutoCloseable {
        final StringWriter err = new StringWriter();
        final int[] exit = {-1};
        final Thread thread;
        final int port;

        Running(String... args) throws InterruptedException {
            PrintWriter out = new PrintWriter(new StringWriter());
            PrintWriter e = new PrintWriter(err, true);
            thread = new Thread(() -> exit[0] = Q4j.commandLine(new ByteArrayInputStream(new byte[0]), out, e)
                    .execute(args));
            thread.start();
            Pattern listening = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
            int found = -1;
            for (int i = 0; i < 500 && found < 0; i++) {
                Matcher m = listening.matcher(err.toString());
                if (m.find()) {
                    found = Integer.parseInt(m.group(1));
                } else {
                    Thread.sleep(10);
                }
            }
            assertThat(found).as("stderr: %s", err).isPositive();
            port = found;
        }

        int stop() throws InterruptedException {
            thread.interrupt();
            thread.join(10_000);
            assertThat(thread.isAlive()).isFalse();
            return exit[0];
        }

        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
