package dev.q4j.cli;

import dev.q4j.Q4jException;
import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.QTimeoutException;
import dev.q4j.arrow.QArrow;
import dev.q4j.arrow.QArrowException;
import dev.q4j.duckdb.QDuckDB;
import dev.q4j.duckdb.QDuckDBException;
import dev.q4j.ipc.Endpoint;
import dev.q4j.text.QConsole;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code q4j query}: one sync request to a kdb+ process, its result printed. */
@Command(
        name = "query",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Run one q expression on a kdb+ process and print the result.",
            "",
            "The expression goes as a sync request, as q's h\"expr\" sends it, over one connection opened for "
                + "it. HOST:PORT is host:port, :port (localhost), unix:///path (a Unix domain socket file) or "
                + "@name (a socket in Linux's abstract namespace, such as kdb+'s @/tmp/kx.5000).",
            "",
            "Formats (--format):",
            "  text  the default: as the q console shows it. Atoms and vectors on one",
            "        line, dictionaries as key| value lines, tables as left-aligned",
            "        columns under a header and a line of dashes, keyed tables with |",
            "        between key and value columns, general lists one item per line. Cut",
            "        as in a console of q's default size, \\c 25 80 (see --console): 22",
            "        entries or 20 table rows, then a .. line; lines over 79 characters",
            "        cut to 77 and ..",
            "  q     the whole value as one line of q text, as q4j decode prints it.",
            "  json  one line of JSON: tables as arrays of row objects (keyed tables with",
            "        the key columns first), dictionaries with symbol keys as objects,",
            "        other dictionaries as arrays of [key,value] pairs, lists as arrays;",
            "        numbers and booleans as such; symbols, chars, strings and guids as",
            "        strings; temporals as ISO-8601 strings without zone",
            "        (2024-01-02T09:30:00.000000000; timespans as durations, PT1H30M);",
            "        nulls as null; infinities as the strings \"0W\" and \"-0W\".",
            "  csv   RFC 4180 with a header row and CRLF line ends: tables, keyed tables",
            "        (key columns first) and lists (one column named x). Cells as in",
            "        json, nulls empty, nested lists as JSON. Any other result is a usage",
            "        error.",
            "  arrow  an Apache Arrow IPC stream (binary): tables, keyed tables (key",
            "        columns first) and lists (one column x), typed as q4j's Arrow mapping",
            "        says (symbols dictionary-encoded, timestamps in UTC nanoseconds, ...).",
            "        For pyarrow, DuckDB, Polars: q4j query -f arrow :5000 t > t.arrows",
            "  parquet  a Parquet file, written by DuckDB; needs --output FILE.",
            "",
            "SQL (--sql): the q result, a table or list, is visible as the table q to the",
            "SQL, run by an in-process DuckDB (its dialect); the SQL's result is printed in",
            "the chosen format, and can be published back to kdb+ like any q table."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j query localhost:5000 'select from trade where sym=`IBM'",
            "  q4j query --format json :5000 '`a`b!1 2'",
            "      prints {\"a\":1,\"b\":2}",
            "  q4j query -f csv :5000 'select from trade' > trade.csv",
            "  q4j query -u bob:secret --trust-store ca.p12 db.example.com:5001 'tables[]'",
            "      TLS, trusting the certificates in ca.p12",
            "  Q4J_USER=bob:secret q4j query unix:///tmp/q.sock 'count trade'",
            "      credentials from the environment, out of the process list",
            "  q4j query -f arrow :5000 'select from trade' > trade.arrows",
            "  q4j query -f parquet -o trade.parquet :5000 'select from trade'",
            "  q4j query --sql 'SELECT sym, avg(price) FROM q GROUP BY sym' :5000 trade",
            "      SQL over the q result; any --format",
            "  q4j query --timeout 2.5 :5000 '-1+2'",
            "      gives up after 2.5 s; an expression may start with -",
            "",
            "Exit codes:",
            "  0  success",
            "  1  q error: its 'text is on standard error; SQL refused by DuckDB, or DuckDB",
            "     not available here (parquet, --sql)",
            "  2  usage error: bad options, an unreadable trust store, a result that csv,",
            "     arrow, parquet or SQL cannot take",
            "  3  cannot connect, or the connection failed (refused, unknown host, TLS,",
            "     lost)",
            "  4  closed in the handshake: wrong credentials, or no capacity",
            "  5  no reply within --timeout"
        })
final class QueryCommand extends Q4jCommand {

    /** How the result is printed. */
    enum Format {
        /** as the q console shows it */
        TEXT,
        /** q text on one line */
        Q,
        /** JSON on one line */
        JSON,
        /** CSV */
        CSV,
        /** an Arrow IPC stream */
        ARROW,
        /** a Parquet file */
        PARQUET
    }

    @Mixin
    ConnectionMixin connection;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text (the default), q, json, csv, arrow or parquet.")
    Format format = Format.TEXT;

    @Option(names = {"-c", "--console"}, paramLabel = "ROWSxCOLS", converter = ConsoleConverter.class,
            description = "The console size for --format text, as q's \\c (default 25x80; each within 10 .. "
                    + "2000, as q keeps it).")
    QConsole console = QConsole.DEFAULT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the result to FILE (replaced if it exists) instead of standard output; "
                    + "--format parquet needs it.")
    Path output;

    @Option(names = "--sql", paramLabel = "SQL",
            description = "Run SQL (DuckDB's) over the q result, which it sees as the table q, and print the "
                    + "SQL's result instead.")
    String sql;

    @Parameters(index = "0", paramLabel = "HOST:PORT", converter = EndpointConverter.class,
            description = "Where the kdb+ process listens.")
    Endpoint endpoint;

    @Parameters(index = "1", paramLabel = "QEXPR", description = "The q expression to evaluate.")
    String expression;

    @Override
    int run() {
        if (format == Format.PARQUET && output == null) {
            return fail("--format parquet writes a file: give it with --output FILE", Q4j.USAGE);
        }
        if (format == Format.ARROW && output == null && root.stdout() == System.out && System.console() != null) {
            // binary on a terminal is noise, and can leave the terminal in a strange state
            return fail("--format arrow writes binary: redirect standard output to a file or a pipe, or give "
                    + "--output FILE", Q4j.USAGE);
        }
        ConnectionOptions options;
        try {
            options = connection.options(endpoint);
        } catch (ConnectionMixin.Unusable e) {
            return fail(e.getMessage(), Q4j.USAGE);
        }
        QValue result;
        try (QConnection q = QConnection.connect(options)) {
            result = q.query(expression);
        } catch (QErrorException e) {
            out().flush();
            err().println("'" + e.qMessage());
            err().flush();
            return Q4j.Q_ERROR;
        } catch (QAuthenticationException e) {
            return fail(ConnectionMixin.rejected(options), Q4j.AUTHENTICATION_FAILED);
        } catch (QTimeoutException e) {
            return fail(oneLine(e), Q4j.TIMED_OUT);
        } catch (QConnectionException e) {
            return fail(ConnectionMixin.connectionFailure(e, endpoint), Q4j.CONNECTION_FAILED);
        } catch (Q4jException e) {
            return fail(oneLine(e), Q4j.CONNECTION_FAILED);
        }
        if (sql != null) {
            try (SqlOverResult over = new SqlOverResult()) {
                result = over.query(sql, result);
            } catch (SqlOverResult.NotTable e) {
                return fail(e.getMessage(), Q4j.USAGE);
            } catch (QArrowException e) {
                return fail("the result cannot be given to SQL: " + oneLine(e), Q4j.USAGE);
            } catch (QDuckDBException e) {
                return fail(oneLine(e), Q4j.BAD_INPUT);
            }
        }
        try {
            switch (format) {
                case ARROW:
                    return writeArrow(SqlOverResult.tabular(result, "--format arrow"));
                case PARQUET:
                    QDuckDB.writeParquet(SqlOverResult.tabular(result, "--format parquet"), output);
                    return Q4j.OK;
                default:
                    return output == null ? print(result, format, console, "") : printToFile(result);
            }
        } catch (SqlOverResult.NotTable e) {
            return fail(e.getMessage(), Q4j.USAGE);
        } catch (QArrowException e) {
            return fail("the result cannot be written as " + format.name().toLowerCase(Locale.ROOT) + ": "
                    + oneLine(e), Q4j.USAGE);
        } catch (QDuckDBException e) {
            return fail(oneLine(e), Q4j.BAD_INPUT);
        } catch (IOException | UncheckedIOException e) {
            return fail("cannot write " + (output == null ? "standard output" : output) + ": " + oneLine(e));
        }
    }

    private int writeArrow(QValue table) throws IOException {
        if (output != null) {
            try (OutputStream file = Files.newOutputStream(output)) {
                QArrow.writeStream(table, file);
            }
        } else {
            out().flush();
            OutputStream stdout = root.stdout();
            QArrow.writeStream(table, stdout);
            stdout.flush();
        }
        return Q4j.OK;
    }

    private int printToFile(QValue result) throws IOException {
        try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            int code = print(result, format, console, "", file);
            if (file.checkError()) {
                throw new IOException("the write failed");
            }
            return code;
        }
    }

    // ---------------------------------------------------------------- converters

    /** HOST:PORT, :PORT, unix:///path or @name, as {@link Endpoint#parse(String)} reads them. */
    static final class EndpointConverter implements ITypeConverter<Endpoint> {
        @Override
        public Endpoint convert(String value) {
            try {
                return Endpoint.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** Seconds, with a fraction if wanted: {@code 30}, {@code 0.5}; at least a millisecond. */
    static final class SecondsConverter implements ITypeConverter<Duration> {
        private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(Long.MAX_VALUE / 1000);

        @Override
        public Duration convert(String value) {
            BigDecimal seconds;
            try {
                seconds = new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a number of seconds, not '" + value + "'");
            }
            if (seconds.signum() <= 0) {
                throw new TypeConversionException("the timeout must be positive, not " + value);
            }
            if (seconds.compareTo(MAX_SECONDS) > 0) {
                throw new TypeConversionException("the timeout is too long: " + value + " s");
            }
            long millis = seconds.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
            return Duration.ofMillis(millis);
        }
    }

    /** {@code ROWSxCOLS} (or {@code ROWS,COLS}, or two numbers), as q's {@code \c} takes them. */
    static final class ConsoleConverter implements ITypeConverter<QConsole> {
        @Override
        public QConsole convert(String value) {
            String[] parts = value.strip().split("\\s*[xX,]\\s*|\\s+");
            if (parts.length != 2) {
                throw new TypeConversionException("expected ROWSxCOLS, such as 25x80, not '" + value + "'");
            }
            try {
                return new QConsole(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected ROWSxCOLS, such as 25x80, not '" + value + "'");
            }
        }
    }
}
