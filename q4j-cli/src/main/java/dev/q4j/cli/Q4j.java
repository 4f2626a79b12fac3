package dev.q4j.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code q4j} command: the entry point and the parent of every subcommand.
 *
 * <p>Each subcommand is a class extending {@link Q4jCommand}, listed in {@code subcommands} below; it reads standard
 * input through {@link #stdin()} and writes through picocli's {@code out} and {@code err} writers, so tests run it
 * in-process with {@link #commandLine(InputStream, PrintWriter, PrintWriter)}. Without a subcommand, {@code q4j
 * [HOST:PORT]} runs the interactive console ({@link ConsoleCommand}, {@link Console}), whose positional parameter and
 * options this class takes through a mixin.
 *
 * <p>Exit codes: {@value #OK} success, {@value #BAD_INPUT} bad input (malformed message, bad hex, q text that does not
 * parse, unreadable file) or a q error ({@value #Q_ERROR}), {@value #USAGE} usage error (picocli's own code for
 * unknown options or missing parameters), {@value #CONNECTION_FAILED} connection failed,
 * {@value #AUTHENTICATION_FAILED} credentials rejected, {@value #TIMED_OUT} no reply in time.
 */
@Command(
        name = "q4j",
        mixinStandardHelpOptions = true,
        versionProvider = Q4j.Version.class,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Tools for kdb+/q: query a kdb+ process, decode and encode IPC messages and q text.",
            "",
            "Without a command: a q console on HOST:PORT (default localhost:5000). Type q",
            "expressions at the q) prompt; an expression continues on the next line while a",
            "bracket or string is open; results show as in the q console. \\\\ or Ctrl-D",
            "quits, Ctrl-C stops waiting for a reply, \\connect HOST:PORT switches process,",
            "\\c ROWS COLS sets the console size, \\sql SELECT ... FROM q runs SQL over the",
            "last result (DuckDB, in-process). History is kept in ~/.q4j_history. With",
            "standard input not a terminal, its lines are read without prompts and only the",
            "results are printed (q errors as 'type on standard output).",
            ""
        },
        subcommands = {
            DecodeCommand.class,
            DemoCommand.class,
            EncodeCommand.class,
            HdbCommand.class,
            QueryCommand.class,
            RecordCommand.class,
            ReplayCommand.class,
            RunCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        },
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j",
            "      the console on localhost:5000",
            "  q4j -u bob:secret --tls db.example.com:5001",
            "      the console on another host, with credentials and TLS",
            "  echo 'select from trade' | q4j :5000",
            "      the console without a terminal: prints just the results",
            "  q4j demo",
            "      a tickerplant, a feed, an RDB and a client, in-process: no kdb+ needed",
            "  q4j query localhost:5000 'select from trade'",
            "      prints the result as the q console would",
            "  q4j run localhost:5000 setup.q",
            "      runs a q script there, statement by statement, as \\l would",
            "  q4j serve --port 5000 --echo",
            "      a kdb+-speaking echo server (--tickerplant: .u.sub/.u.upd)",
            "  q4j record --listen 5001 --to localhost:5000 --out s.q4js",
            "      records what clients of port 5001 and the kdb+ on 5000 say",
            "  q4j replay --port 5001 s.q4js",
            "      serves the recording without the kdb+",
            "  q4j encode 42",
            "      prints 0100000011000000f92a00000000000000",
            "  q4j encode '`a`b!1 2' | q4j decode --hex",
            "      prints `a`b!1 2",
            "  q4j hdb ls /data/hdb",
            "      the tables of a kdb+ database on disk, read with no kdb+ process",
            "  q4j help decode",
            "",
            "Exit codes: 0 success, 1 bad input or q error, 2 usage error,",
            "3 connection failed, 4 credentials rejected (or no capacity), 5 timed out."
        })
public final class Q4j implements Callable<Integer> {
    /** Exit code: success. */
    public static final int OK = 0;
    /** Exit code: the input was malformed (bad message, bad hex, q text that does not parse) or unreadable. */
    public static final int BAD_INPUT = 1;
    /** Exit code: the server answered the query with a q error ({@code 'type}). */
    public static final int Q_ERROR = 1;
    /** Exit code: the command line was wrong (picocli's usage-error code). */
    public static final int USAGE = 2;
    /** Exit code: cannot connect, or the connection failed (refused, unknown host, TLS, lost, handshake timeout). */
    public static final int CONNECTION_FAILED = 3;
    /** Exit code: the server closed the connection during the handshake: wrong credentials, or no capacity. */
    public static final int AUTHENTICATION_FAILED = 4;
    /** Exit code: no reply within the timeout. */
    public static final int TIMED_OUT = 5;

    @Spec
    private CommandSpec spec;

    /** the console's HOST:PORT and options */
    @Mixin
    private ConsoleCommand console;

    /** Standard output for a command line built without one: a binary result is a failure, never lost silently. */
    private static final OutputStream NO_BINARY_OUTPUT = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("this command line has no binary standard output");
        }
    };

    private final InputStream stdin;
    private final OutputStream stdout;

    /** A command reading {@link System#in}, writing bytes (Arrow streams) to {@link System#out}. */
    public Q4j() {
        this(System.in, System.out);
    }

    /**
     * Creates the command line over the given standard input and output.
     *
     * @param stdin what the subcommands read as standard input
     * @param stdout where the subcommands write bytes (an Arrow IPC stream), after flushing the text writer
     */
    public Q4j(InputStream stdin, OutputStream stdout) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.stdout = Objects.requireNonNull(stdout, "stdout");
    }

    /** {@return standard input for the subcommands} */
    InputStream stdin() {
        return stdin;
    }

    /** {@return standard output as bytes, for binary results; flush the text writer first} */
    OutputStream stdout() {
        return stdout;
    }

    /** Without a subcommand: the interactive console. */
    @Override
    public Integer call() {
        return console.run(stdin);
    }

    /**
     * Builds the configured command line, ready for {@link CommandLine#execute(String...)}.
     *
     * @param stdin standard input for the commands
     * @param out where results and help go
     * @param err where error messages go
     * @return the command line
     */
    public static CommandLine commandLine(InputStream stdin, PrintWriter out, PrintWriter err) {
        return commandLine(stdin, NO_BINARY_OUTPUT, out, err);
    }

    /**
     * Builds the configured command line, ready for {@link CommandLine#execute(String...)}.
     *
     * @param stdin standard input for the commands
     * @param stdout standard output as bytes, for binary results ({@code query --format arrow})
     * @param out where results and help go
     * @param err where error messages go
     * @return the command line
     */
    public static CommandLine commandLine(InputStream stdin, OutputStream stdout, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Q4j(stdin, stdout));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // q text often starts with '-' (-1 2, -0w): let encode and query take it as a parameter rather than as an
        // unknown option
        cl.getSubcommands().get("encode").setUnmatchedOptionsArePositionalParams(true);
        cl.getSubcommands().get("query").setUnmatchedOptionsArePositionalParams(true);
        cl.setParameterExceptionHandler(Q4j::usageError);
        return cl;
    }

    /** A usage error: the problem and where to find help, not the whole usage text. */
    private static int usageError(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return USAGE;
    }

    /**
     * Runs the command and exits with its exit code. Text is written as UTF-8, as q writes it.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(System.in, System.out, out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The version from {@code version.properties}, filled in by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = Q4j.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"q4j " + p.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
