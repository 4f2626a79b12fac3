package dev.q4j.cli;

import dev.q4j.ipc.Endpoint;
import dev.q4j.text.QConsole;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The interactive console as the {@code q4j} command runs it without a subcommand: its {@code HOST:PORT} and
 * options, as a picocli mixin of {@link Q4j}; the work is done by {@link Console}.
 *
 * <p>The console is interactive (line editing, prompt, spinner) when standard input and output are both a terminal;
 * otherwise it reads the lines of standard input without prompting, so that {@code q4j :5000 < script.q} prints only
 * the results.
 */
final class ConsoleCommand {
    /** the history file, in the home directory */
    static final String HISTORY_FILE = ".q4j_history";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST:PORT",
            description = "Where the kdb+ process listens, for the console: host:port, :port, port, unix:///path or "
                    + "@name (default: " + Console.DEFAULT_ADDRESS + ", as q's own default port).")
    String address;

    @Mixin
    ConnectionMixin connection;

    @Option(names = {"-c", "--console"}, paramLabel = "ROWSxCOLS", converter = QueryCommand.ConsoleConverter.class,
            description = "The console size results are cut to, as q's \\c (default 25x80, like q's; \\c ROWS COLS "
                    + "in the console changes it).")
    QConsole console = QConsole.DEFAULT;

    /**
     * Runs the console.
     *
     * @param stdin standard input: a terminal when it is {@link System#in} and both it and standard output are one
     * @return the exit code
     */
    int run(InputStream stdin) {
        CommandLine cl = mixee.commandLine();
        Endpoint endpoint = endpoint(cl);
        String name = mixee.qualifiedName();
        PrintWriter err = cl.getErr();
        if (stdin == System.in && isTerminal()) {
            Terminal terminal = systemTerminal();
            if (terminal != null) {
                try {
                    Path history = Path.of(System.getProperty("user.home"), HISTORY_FILE);
                    String banner = new Q4j.Version().getVersion()[0] + ", connected to " + endpoint
                            + ". \\\\ or Ctrl-D quits.";
                    return Console.onTerminal(name, endpoint, connection, console, terminal, err, history, banner)
                            .run();
                } finally {
                    try {
                        terminal.close();
                    } catch (IOException ignored) {
                        // the console is over
                    }
                }
            }
        }
        return Console.onStream(name, endpoint, connection, console, stdin, cl.getOut(), err).run();
    }

    /**
     * {@return the endpoint of HOST:PORT or the default}
     *
     * @throws CommandLine.ParameterException when it is not an address: a mistyped command when it looks like a word,
     *     so that picocli suggests the command meant
     */
    private Endpoint endpoint(CommandLine cl) {
        String text = address == null ? Console.DEFAULT_ADDRESS : address;
        try {
            return Endpoint.parse(text);
        } catch (IllegalArgumentException e) {
            if (text.matches("[A-Za-z][A-Za-z0-9-]*")) {
                int index = cl.getParseResult() == null ? 0 : cl.getParseResult().originalArgs().indexOf(text);
                throw new UnknownCommand(cl, text, Math.max(index, 0));
            }
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /** A word where a command or HOST:PORT goes, as picocli reports an unknown command (with suggestions). */
    private static final class UnknownCommand extends CommandLine.UnmatchedArgumentException {
        private static final long serialVersionUID = 1L;
        private final String message;

        UnknownCommand(CommandLine cl, String word, int index) {
            super(cl, List.of(word));
            this.message = "Unmatched argument at index " + index + ": '" + word + "'";
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    /** The terminal JLine finds for standard input and output, or null if it cannot make one. */
    private static Terminal systemTerminal() {
        try {
            return TerminalBuilder.builder().system(true).name("q4j").build();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@return true when standard input and output are a terminal: {@link System#console()} before Java 22, its {@code
     * isTerminal()} from Java 22 on (where a console exists for redirected streams too)}
     */
    static boolean isTerminal() {
        java.io.Console c = System.console();
        if (c == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(c);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
