package dev.q4j.cli;

import dev.q4j.text.QConsole;
import dev.q4j.text.QText;
import dev.q4j.value.QValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every {@code q4j} subcommand shares: its output and error writers, standard input, reading a FILE argument
 * ({@code -} or none meaning standard input) and reporting bad input as {@code q4j NAME: problem}.
 */
abstract class Q4jCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    Q4j root;

    /** A problem with the input that ends the command with {@link Q4j#BAD_INPUT}. */
    static final class BadInput extends Exception {
        private static final long serialVersionUID = 1L;

        BadInput(String message) {
            super(message);
        }
    }

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (BadInput e) {
            return fail(e.getMessage());
        } catch (RuntimeException e) {
            // a bug, not bad input: still one line on standard error, never a stack trace
            return fail("internal error: " + e.getClass().getName() + ": " + oneLine(e));
        } finally {
            out().flush();
        }
    }

    /**
     * Does the work.
     *
     * @return the exit code
     * @throws BadInput when the input is unreadable or malformed
     */
    abstract int run() throws BadInput;

    /** What ends a listening command's serving by returning. */
    @FunctionalInterface
    interface Ending {
        /**
         * Returns when the serving is over.
         *
         * @throws InterruptedException when the command's thread is interrupted
         */
        void await() throws InterruptedException;
    }

    /** The serving of {@code record} and {@code replay}: it ends only when the thread is interrupted (or on Ctrl-C). */
    static final Ending UNTIL_INTERRUPTED = () -> new CountDownLatch(1).await();

    /**
     * Serves until {@code ending} returns or the command's thread is interrupted (as the tests stop a command), with
     * {@code onExit} installed meanwhile as a shutdown hook: Ctrl-C ends the JVM through it.
     *
     * @param onExit what Ctrl-C runs: stopping the server
     * @param announce what to say once the hook is installed: where it listens
     * @param ending returns when the serving is over
     * @return whether the thread was interrupted (its interrupt status is set again)
     */
    static boolean serveUntilStopped(Thread onExit, Runnable announce, Ending ending) {
        Runtime.getRuntime().addShutdownHook(onExit);
        announce.run();
        boolean interrupted = false;
        try {
            ending.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running: nothing to remove
        }
        return interrupted;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * Prints {@code q4j NAME: message} on standard error, after flushing what standard output has so far.
     *
     * @param message the problem
     * @return {@link Q4j#BAD_INPUT}
     */
    int fail(String message) {
        return fail(message, Q4j.BAD_INPUT);
    }

    /**
     * Prints {@code q4j NAME: message} on standard error, after flushing what standard output has so far.
     *
     * @param message the problem
     * @param exitCode the exit code to end with
     * @return {@code exitCode}
     */
    int fail(String message, int exitCode) {
        out().flush();
        err().println(spec.qualifiedName() + ": " + message);
        err().flush();
        return exitCode;
    }

    /**
     * Prints a result on standard output in the chosen format, and flushes it.
     *
     * @param result the value
     * @param format how
     * @param console the console's size, for {@code text}
     * @param where what to put before a failure's message (empty, or where in a script the result came from)
     * @return {@link Q4j#OK}, or {@link Q4j#USAGE} when CSV is asked of a value that is not a table
     */
    int print(QValue result, QueryCommand.Format format, QConsole console, String where) {
        return print(result, format, console, where, out());
    }

    /**
     * Prints a result in the chosen text format, and flushes it.
     *
     * @param result the value
     * @param format how: a text format
     * @param console the console's size, for {@code text}
     * @param where what to put before a failure's message (empty, or where in a script the result came from)
     * @param target where to print
     * @return {@link Q4j#OK}, or {@link Q4j#USAGE} when CSV is asked of a value that is not a table
     */
    int print(QValue result, QueryCommand.Format format, QConsole console, String where, PrintWriter target) {
        switch (format) {
            case Q:
                target.println(QText.print(result));
                break;
            case JSON:
                JsonFormat.write(result, target);
                target.println();
                break;
            case CSV:
                try {
                    CsvFormat.write(result, target);
                } catch (CsvFormat.NotTabular e) {
                    return fail(where + e.getMessage() + ": use --format text, q or json", Q4j.USAGE);
                }
                break;
            case TEXT:
                for (String line : console.lines(result)) {
                    target.println(line);
                }
                break;
            default:
                throw new IllegalArgumentException(format + " is not a text format");
        }
        target.flush();
        return Q4j.OK;
    }

    /**
     * {@return its message on one line (line breaks as spaces), or its class name when it has none}
     *
     * @param e a failure
     */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return m.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }

    /** {@return true when {@code file} names standard input: absent or {@code -}} */
    static boolean isStdin(String file) {
        return file == null || file.equals("-");
    }

    /**
     * {@return all its bytes}
     *
     * @param file a file name, or {@code null} or {@code -} for standard input
     * @throws BadInput when it cannot be read
     */
    byte[] readAll(String file) throws BadInput {
        try {
            if (isStdin(file)) {
                return root.stdin().readAllBytes();
            }
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            throw cannotRead(file, e);
        }
    }

    /**
     * {@return a UTF-8 reader over it}
     *
     * @param file a file name, or {@code null} or {@code -} for standard input
     * @throws BadInput when it cannot be opened
     */
    BufferedReader openLines(String file) throws BadInput {
        try {
            InputStream in = isStdin(file) ? root.stdin() : Files.newInputStream(Path.of(file));
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            throw cannotRead(file, e);
        }
    }

    static BadInput cannotRead(String file, Exception e) {
        String what = isStdin(file) ? "standard input" : file;
        String why;
        if (e instanceof NoSuchFileException) {
            why = "no such file";
        } else if (e instanceof AccessDeniedException) {
            why = "permission denied";
        } else if (e.getMessage() != null) {
            why = e.getMessage();
        } else {
            why = e.getClass().getSimpleName();
        }
        return new BadInput("cannot read " + what + ": " + why);
    }
}
