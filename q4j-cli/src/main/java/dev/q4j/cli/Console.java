package dev.q4j.cli;

import dev.q4j.Q4jException;
import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.QTimeoutException;
import dev.q4j.ipc.Endpoint;
import dev.q4j.text.QConsole;
import dev.q4j.value.QValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive console of {@code q4j [HOST:PORT]}: reads q expressions, sends each as a sync request over one
 * connection, and shows the result as the q console does ({@link QConsole}).
 *
 * <p>Two ways to read input:
 *
 * <ul>
 *   <li>On a terminal ({@link #onTerminal}): JLine line editing and history, the prompt {@code q)}, a continuation
 *       prompt {@code ..} for the further lines of an expression; while a reply is awaited, a spinner with the time
 *       spent after a second, and Ctrl-C stops waiting (the connection stays usable: the late reply is dropped).
 *       Ctrl-C at the prompt discards the line, Ctrl-D on an empty line ends the console.
 *   <li>From a stream ({@link #onStream}: piped input, a script, tests): lines read as they are, no prompt, no echo,
 *       no spinner, so that the output is only the results.
 * </ul>
 *
 * <p>Either way an expression continues on the next line while a bracket, brace or parenthesis is open or a string
 * is unterminated ({@link ConsoleInput#complete}), and the lines are sent together, joined by newlines, as one
 * request. Results go to standard output, nothing for {@code ::} or an assignment ({@code a:1}); a q error shows
 * there too, as {@code 'type}, as the q console shows it; what the console itself has to say (a lost connection, a
 * timeout) goes to standard error as {@code q4j: ...}.
 *
 * <p>Console commands, on a line of their own: {@code \\} ends the console; {@code \connect [HOST:PORT]} opens a
 * connection to another process (or again to the same one) and keeps the old one if that fails; {@code \c} shows and
 * {@code \c ROWS COLS} sets the console size used to cut results, as q's {@code \c} does; {@code \sql SELECT ...
 * FROM q} runs SQL (DuckDB's, in-process) over the last result shown, a table or list seen as the table {@code q}.
 * Any other system command
 * ({@code \t expr}, {@code \a}, {@code \l file}) is evaluated by the server, as {@code system"..."}.
 *
 * <p>A lost connection fails the expression waiting on it, with a message; the next expression reconnects first.
 */
final class Console {
    /** The address used without one: q's own default port on this machine. */
    static final String DEFAULT_ADDRESS = "localhost:5000";
    /** The prompt, as q's. */
    static final String PROMPT = "q)";
    /** The prompt for the further lines of an expression. */
    static final String CONTINUATION = "..";
    /** How long a reply may take before the spinner shows. */
    private static final long SPINNER_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long TICK_MILLIS = 100;
    private static final String FRAMES = "|/-\\";

    private final String name;
    private final ConnectionMixin connection;
    private final PrintWriter out;
    private final PrintWriter err;
    /** the terminal, or null when reading from a stream */
    private final Terminal terminal;
    private final LineReader reader;
    private final BufferedReader lines;
    private final String banner;

    private Endpoint endpoint;
    private QConsole format;
    private QConnection q;
    /** the last result shown, which {@code \sql} reads as the table q; null before the first */
    private QValue last;
    private final SqlOverResult sql = new SqlOverResult();

    private Console(String name, Endpoint endpoint, ConnectionMixin connection, QConsole format,
            PrintWriter out, PrintWriter err, Terminal terminal, LineReader reader, BufferedReader lines,
            String banner) {
        this.name = name;
        this.endpoint = endpoint;
        this.connection = connection;
        this.format = format;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.reader = reader;
        this.lines = lines;
        this.banner = banner;
    }

    /**
     * A console reading expressions from a stream: no prompt, no line editing, no spinner.
     *
     * @param name the command's name, in front of the console's own messages ({@code q4j})
     * @param endpoint where to connect
     * @param connection how (credentials, TLS, timeout)
     * @param format the console size
     * @param in the input, read as UTF-8
     * @param out where results and q errors go
     * @param err where the console's messages go
     * @return the console, not yet connected
     */
    static Console onStream(String name, Endpoint endpoint, ConnectionMixin connection, QConsole format,
            InputStream in, PrintWriter out, PrintWriter err) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Console(name, endpoint, connection, format, out, err, null, null, lines, null);
    }

    /**
     * A console on a terminal, with JLine's line editing.
     *
     * @param name the command's name, in front of the console's own messages ({@code q4j})
     * @param endpoint where to connect
     * @param connection how (credentials, TLS, timeout)
     * @param format the console size
     * @param terminal the terminal: input, results and q errors
     * @param err where the console's messages go
     * @param history the history file, or null to keep history in memory only
     * @param banner a line to show once connected, or null
     * @return the console, not yet connected
     */
    static Console onTerminal(String name, Endpoint endpoint, ConnectionMixin connection, QConsole format,
            Terminal terminal, PrintWriter err, Path history, String banner) {
        LineReaderBuilder b = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("q4j")
                .parser(new QParser())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                // no blinking cursor on the matching bracket: it would hold up typing for half a second
                .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                // ! is q's dict operator, not a history event
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // no completion: a tab is a tab
                .option(LineReader.Option.INSERT_TAB, true);
        if (history != null) {
            b.variable(LineReader.HISTORY_FILE, history);
        }
        LineReader reader = b.build();
        return new Console(name, endpoint, connection, format, terminal.writer(), err, terminal, reader, null,
                banner);
    }

    /**
     * Connects, then reads and evaluates expressions until {@code \\} or the end of the input; closes the connection.
     *
     * @return the exit code: {@link Q4j#OK} at the end, or why the first connection failed
     *     ({@link Q4j#CONNECTION_FAILED}, {@link Q4j#AUTHENTICATION_FAILED}, {@link Q4j#USAGE})
     */
    int run() {
        try {
            try {
                q = open(endpoint);
            } catch (Failure f) {
                message(f.getMessage());
                return f.exitCode;
            }
            if (banner != null) {
                out.println(banner);
                out.flush();
            }
            while (true) {
                String text = read();
                if (text == null) {
                    return Q4j.OK;
                }
                if (ConsoleInput.isEmpty(text)) {
                    continue;
                }
                if (!execute(text)) {
                    return Q4j.OK;
                }
            }
        } finally {
            if (q != null) {
                q.close();
                q = null;
            }
            sql.close();
            out.flush();
            err.flush();
        }
    }

    // ---------------------------------------------------------------- input

    /** {@return the next complete expression; empty after Ctrl-C; null at the end of the input} */
    private String read() {
        if (reader != null) {
            try {
                return reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                return "";
            } catch (EndOfFileException e) {
                return null;
            }
        }
        try {
            String first = lines.readLine();
            if (first == null) {
                return null;
            }
            StringBuilder text = new StringBuilder(first);
            while (!ConsoleInput.complete(text.toString())) {
                String next = lines.readLine();
                if (next == null) {
                    // the input ends inside an expression: q says what is wrong with it
                    break;
                }
                text.append('\n').append(next);
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * JLine's parser for q: the line is complete when {@link ConsoleInput#complete} says so; otherwise JLine keeps
     * reading with the continuation prompt. No escape characters: a backslash is q's.
     */
    private static final class QParser implements Parser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !ConsoleInput.complete(line)) {
                throw new EOFError(-1, cursor, "an open bracket or string");
            }
            return new Line(line, cursor);
        }

        @Override
        public boolean isEscapeChar(char ch) {
            return false;
        }
    }

    /** The whole buffer as one word, nothing escaped: there is no completion to feed. */
    private record Line(String line, int cursor) implements CompletingParsedLine {
        @Override
        public String word() {
            return line;
        }

        @Override
        public int wordCursor() {
            return cursor;
        }

        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public List<String> words() {
            return List.of(line);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return cursor;
        }

        @Override
        public int rawWordLength() {
            return line.length();
        }
    }

    // ---------------------------------------------------------------- commands

    /**
     * {@return false to end the console}
     *
     * @param text a complete expression or console command
     */
    private boolean execute(String text) {
        String command = text.strip();
        if (!text.startsWith("\\")) {
            evaluate(text, !ConsoleInput.isAssignment(text));
            return true;
        }
        if (command.equals("\\\\")) {
            return false;
        }
        if (command.equals("\\")) {
            // q's \ leaves a suspended function or k mode: neither exists here
            return true;
        }
        String word = command.split("\\s+", 2)[0];
        String argument = command.substring(word.length()).strip();
        switch (word) {
            case "\\connect":
                reconnect(argument);
                return true;
            case "\\c":
                consoleSize(argument);
                return true;
            case "\\sql":
                sql(argument);
                return true;
            default:
                evaluate("system" + QScript.quote(command.substring(1)), true);
                return true;
        }
    }

    /** {@code \connect [HOST:PORT]}: a new connection, which replaces the current one only once it is open. */
    private void reconnect(String address) {
        Endpoint target;
        try {
            target = address.isEmpty() ? endpoint : Endpoint.parse(address);
        } catch (IllegalArgumentException e) {
            message(e.getMessage());
            return;
        }
        QConnection fresh;
        try {
            fresh = open(target);
        } catch (Failure f) {
            message(f.getMessage() + (q != null && q.isOpen() ? " (still connected to " + endpoint + ")" : ""));
            return;
        }
        if (q != null) {
            q.close();
        }
        q = fresh;
        endpoint = target;
        if (terminal != null) {
            out.println("connected to " + endpoint);
            out.flush();
        }
    }

    /** {@code \sql SELECT ... FROM q}: SQL over the last result shown, which it sees as the table q. */
    private void sql(String query) {
        if (query.isEmpty()) {
            message("\\sql takes a query over the last result, the table q: \\sql SELECT count(*) FROM q");
            return;
        }
        if (last == null) {
            message("\\sql reads the last result as the table q, and there is none yet");
            return;
        }
        QValue result;
        try {
            result = sql.query(query, last);
        } catch (SqlOverResult.NotTable e) {
            message(e.getMessage());
            return;
        } catch (Q4jException e) {
            // DuckDB's refusal or a column Arrow cannot hold: the message names it
            message(Q4jCommand.oneLine(e));
            return;
        }
        for (String line : format.lines(result)) {
            out.println(line);
        }
        out.flush();
    }

    /** {@code \c}: shows the console size as q does ({@code 25 80i}); {@code \c ROWS COLS} sets it. */
    private void consoleSize(String argument) {
        if (argument.isEmpty()) {
            out.println(format.rows() + " " + format.columns() + "i");
            out.flush();
            return;
        }
        String[] parts = argument.split("\\s+");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            format = new QConsole(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            message("\\c takes ROWS COLS, such as \\c 25 80, not '" + argument + "'");
        }
    }

    /**
     * Sends {@code text} and shows the result, reconnecting first if the connection is gone.
     *
     * @param show false to show nothing on success (an assignment)
     */
    private void evaluate(String text, boolean show) {
        QConnection c = connected();
        if (c == null) {
            return;
        }
        QValue result;
        try {
            result = await(c.queryAsync(text));
        } catch (Stopped e) {
            message("stopped waiting: the server may still be working on it, and its reply will be dropped");
            return;
        } catch (QErrorException e) {
            out.println("'" + e.qMessage());
            out.flush();
            return;
        } catch (QTimeoutException e) {
            message(Q4jCommand.oneLine(e) + ": the reply will be dropped when it comes");
            return;
        } catch (QConnectionException e) {
            q.close();
            q = null;
            message(Q4jCommand.oneLine(e) + "; the next input reconnects");
            return;
        } catch (Q4jException e) {
            message(Q4jCommand.oneLine(e));
            return;
        }
        if (show) {
            last = result;
            for (String line : format.lines(result)) {
                out.println(line);
            }
        }
        out.flush();
    }

    /** {@return the open connection, reconnecting if it was lost; null (after saying why) when that fails} */
    private QConnection connected() {
        if (q != null && !q.isOpen()) {
            q.close();
            q = null;
            message("the connection to " + endpoint + " was lost: reconnecting");
        }
        if (q == null) {
            try {
                q = open(endpoint);
            } catch (Failure f) {
                message(f.getMessage());
                return null;
            }
        }
        return q;
    }

    // ---------------------------------------------------------------- connecting and waiting

    /** A connection that could not be opened: what to say and the exit code it would mean at start. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final int exitCode;

        Failure(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** Ctrl-C while waiting. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Connects on a thread of its own, so that Ctrl-C can stop the wait; a connection that comes too late is closed.
     */
    private QConnection open(Endpoint target) throws Failure {
        ConnectionOptions options;
        try {
            options = connection.options(target);
        } catch (ConnectionMixin.Unusable e) {
            throw new Failure(e.getMessage(), Q4j.USAGE);
        }
        CompletableFuture<QConnection> opened = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                QConnection c = QConnection.connect(options);
                if (!opened.complete(c)) {
                    c.close();
                }
            } catch (Throwable e) {
                opened.completeExceptionally(e);
            }
        }, "q4j-console-connect");
        t.setDaemon(true);
        t.start();
        try {
            return await(opened);
        } catch (Stopped e) {
            throw new Failure("stopped connecting to " + target, Q4j.CONNECTION_FAILED);
        } catch (QAuthenticationException e) {
            throw new Failure(ConnectionMixin.rejected(options), Q4j.AUTHENTICATION_FAILED);
        } catch (QConnectionException e) {
            throw new Failure(ConnectionMixin.connectionFailure(e, target), Q4j.CONNECTION_FAILED);
        } catch (Q4jException e) {
            throw new Failure(Q4jCommand.oneLine(e), Q4j.CONNECTION_FAILED);
        }
    }

    /**
     * Waits for {@code future}; on a terminal, shows a spinner after a second and lets Ctrl-C stop the wait.
     *
     * @return its value
     * @throws Stopped when Ctrl-C (or an interrupt) stopped the wait; the future is cancelled
     * @throws Q4jException what the future failed with
     */
    private <T> T await(CompletableFuture<T> future) throws Stopped {
        Terminal.SignalHandler previous = terminal == null ? null
                : terminal.handle(Terminal.Signal.INT, signal -> future.cancel(false));
        Spinner spinner = terminal == null || isDumb(terminal) ? null : new Spinner(terminal.writer());
        long start = System.nanoTime();
        try {
            while (true) {
                try {
                    return future.get(TICK_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long elapsed = System.nanoTime() - start;
                    if (spinner != null && elapsed >= SPINNER_AFTER_NANOS) {
                        spinner.show(elapsed);
                    }
                }
            }
        } catch (CancellationException e) {
            throw new Stopped();
        } catch (InterruptedException e) {
            future.cancel(false);
            Thread.currentThread().interrupt();
            throw new Stopped();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QErrorException x) {
                throw new QErrorException(x.qMessage());
            }
            if (cause instanceof Q4jException x) {
                throw x;
            }
            throw new QConnectionException(String.valueOf(cause), cause);
        } finally {
            if (spinner != null) {
                spinner.clear();
            }
            if (terminal != null) {
                terminal.handle(Terminal.Signal.INT, previous);
            }
        }
    }

    private static boolean isDumb(Terminal terminal) {
        String type = terminal.getType();
        return type == null || type.startsWith(Terminal.TYPE_DUMB);
    }

    /** A turning bar and the seconds spent, on one line that {@link #clear()} erases. */
    private static final class Spinner {
        private final PrintWriter w;
        private int frame;
        private int width;

        Spinner(PrintWriter w) {
            this.w = w;
        }

        void show(long elapsedNanos) {
            String text = "\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " "
                    + String.format(Locale.ROOT, "%.1f", elapsedNanos / 1e9) + " s  (Ctrl-C stops waiting)";
            // (and room for the ^C the terminal may echo)
            width = Math.max(width, text.length() + 1);
            w.print(text);
            w.flush();
        }

        void clear() {
            if (width > 0) {
                w.print("\r" + " ".repeat(width) + "\r");
                w.flush();
            }
        }
    }

    /** Says something of the console's own on standard error, after what standard output has so far. */
    private void message(String text) {
        out.flush();
        err.println(name + ": " + text);
        err.flush();
    }
}
