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
import dev.q4j.value.QCharVector;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code q4j run}: a q script evaluated statement by statement on a kdb+ process, as q's {@code \l} loads it. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run a q script on a kdb+ process, statement by statement, as q's \\l would load it there.",
            "",
            "The whole script is read and cut into statements first (nothing is sent if it cannot be read); then "
                + "each statement goes as one sync request, in order, over one connection, and the first error "
                + "stops the run. HOST:PORT is as for q4j query: host:port, :port, unix:///path or @name.",
            "",
            "How the script is read (q's rules for scripts):",
            "  /     at the start of a line: a comment line. A line holding only /",
            "        opens a block comment, closed by a line holding only \\.",
            "  \\     alone on a line, outside a block comment: the end of the",
            "        script. The rest of the file is ignored.",
            "  x /c  a / after a space or tab starts a comment to the end of the",
            "        line, except inside a string (\"a /b\"). Comments are not sent.",
            "  indented lines: a line starting with a space or tab continues the",
            "        statement above. The lines go as one statement joined by",
            "        newlines, as written (a multi-line function keeps its lines).",
            "        Blank and comment lines between them are left out and do not",
            "        end the statement.",
            "  \\cmd  a system command, sent as system\"cmd\": \\d .foo as",
            "        system\"d .foo\", \\l lib.q as system\"l lib.q\" (a path on the",
            "        server). A / in it is not a comment (\\l /data/db). \\d changes",
            "        the server's namespace for the statements after it, and after",
            "        the script too: end with \\d . to go back.",
            "  \\\\    would make q exit: here it ends the script and is not sent.",
            "  #!    a first line starting with #! is ignored.",
            "  p)    a line in another language (a letter other than q or k, then",
            "        ')') is sent as written, comments included.",
            "",
            "Output: as q prints nothing when it loads a script, nothing but errors by default. With --echo, "
                + "the result of each statement is printed as q4j query prints it (see --format), unless it is "
                + "the generic null :: (as for a statement ending in ;).",
            "",
            "Errors: a q error ends the run with q4j run: FILE:LINE: 'error on standard error, LINE being the "
                + "line where the failing statement starts. Nothing after it is sent; what the statements before "
                + "it did stays done."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j run localhost:5000 setup.q",
            "      runs setup.q; silent unless a statement fails",
            "  q4j run --echo :5000 report.q",
            "      prints each statement's result, as the q console would",
            "  q4j run -e -f json :5000 report.q",
            "      each result as one line of JSON",
            "  q4j run -u bob:secret --tls db.example.com:5001 deploy.q",
            "  q4j run :5000 - < setup.q",
            "      the script from standard input (named stdin in errors)",
            "",
            "  A script:",
            "      / trades",
            "      \\d .trade",
            "      add:{[t;px]            / one statement, three lines",
            "        t,:px;",
            "        t}",
            "      \\d .",
            "  sends system\"d .trade\", then \"add:{[t;px]\\n  t,:px;\\n  t}\", then",
            "  system\"d .\".",
            "",
            "Exit codes:",
            "  0  the whole script ran",
            "  1  a q error (FILE:LINE: 'text on standard error), or the script cannot",
            "     be read",
            "  2  usage error: bad options, an unreadable trust store, a result that csv",
            "     cannot hold",
            "  3  cannot connect, or the connection failed (FILE:LINE: says during which",
            "     statement)",
            "  4  closed in the handshake: wrong credentials, or no capacity",
            "  5  no reply within --timeout"
        })
final class RunCommand extends Q4jCommand {

    @Mixin
    ConnectionMixin connection;

    @Option(names = {"-e", "--echo"},
            description = "Print the result of each statement (but ::), as q4j query prints it.")
    boolean echo;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "How --echo prints results: text (the default), q, json or csv, as for q4j query.")
    QueryCommand.Format format = QueryCommand.Format.TEXT;

    @Option(names = {"-c", "--console"}, paramLabel = "ROWSxCOLS", converter = QueryCommand.ConsoleConverter.class,
            description = "The console size for --format text, as q's \\c (default 25x80).")
    QConsole console = QConsole.DEFAULT;

    @Parameters(index = "0", paramLabel = "HOST:PORT", converter = QueryCommand.EndpointConverter.class,
            description = "Where the kdb+ process listens.")
    Endpoint endpoint;

    @Parameters(index = "1", paramLabel = "SCRIPT", description = "The q script to run (- for standard input).")
    String script;

    @Override
    int run() throws BadInput {
        if (format == QueryCommand.Format.ARROW || format == QueryCommand.Format.PARQUET) {
            return fail("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
                    + " is for q4j query: --echo prints text, q, json or csv", Q4j.USAGE);
        }
        byte[] bytes = readAll(script);
        // bytes that are not UTF-8 (Latin-1 text, say) go to the server as they are, as q reads a script
        List<QScript.Statement> statements = QScript.parse(QUtf8.decode(bytes, 0, bytes.length));
        String name = isStdin(script) ? "stdin" : script;

        ConnectionOptions options;
        try {
            options = connection.options(endpoint);
        } catch (ConnectionMixin.Unusable e) {
            return fail(e.getMessage(), Q4j.USAGE);
        }
        String where = "";
        try (QConnection q = QConnection.connect(options)) {
            for (QScript.Statement s : statements) {
                where = name + ":" + s.line() + ": ";
                QValue result = q.execute(QCharVector.wrap(QUtf8.encode(s.text())));
                if (echo && !(result instanceof QUnaryPrimitive p && p.isGenericNull())) {
                    int code = print(result, format, console, where);
                    if (code != Q4j.OK) {
                        return code;
                    }
                }
            }
        } catch (QErrorException e) {
            return fail(where + "'" + e.qMessage(), Q4j.Q_ERROR);
        } catch (QAuthenticationException e) {
            return fail(ConnectionMixin.rejected(options), Q4j.AUTHENTICATION_FAILED);
        } catch (QTimeoutException e) {
            return fail(where + oneLine(e), Q4j.TIMED_OUT);
        } catch (QConnectionException e) {
            return fail(where + ConnectionMixin.connectionFailure(e, endpoint), Q4j.CONNECTION_FAILED);
        } catch (Q4jException e) {
            return fail(where + oneLine(e), Q4j.CONNECTION_FAILED);
        }
        return Q4j.OK;
    }
}
