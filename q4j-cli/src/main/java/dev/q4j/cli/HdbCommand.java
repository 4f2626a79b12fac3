package dev.q4j.cli;

import dev.q4j.arrow.QArrow;
import dev.q4j.arrow.QArrowException;
import dev.q4j.duckdb.QDuckDB;
import dev.q4j.duckdb.QDuckDBException;
import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbColumn;
import dev.q4j.hdb.HdbException;
import dev.q4j.hdb.HdbTable;
import dev.q4j.text.QConsole;
import dev.q4j.value.Attribute;
import dev.q4j.value.QTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code q4j hdb}: a kdb+ database on disk, read with no kdb+ process. */
@Command(
        name = "hdb",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Read a kdb+ database on disk, with no kdb+ process.",
            "",
            "  ls DIR               the tables of the database in DIR: for each its",
            "                       partitions, rows, and columns with their types,",
            "                       attributes and storage (the types are read from the",
            "                       files' headers; counting rows reads one column file",
            "                       per partition).",
            "  query DIR TABLE      the table's rows, in any format of q4j query (text,",
            "                       q, json, csv, arrow, parquet); --partition and",
            "                       --columns choose what is read, nothing else is.",
            "",
            "DIR holds splayed tables (directories with a .d file), tables saved as one",
            "file, and date, month or int partitions (or a par.txt naming segments);",
            "enumerations are resolved against the domain files in DIR (sym)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  q4j hdb ls /data/hdb",
            "  q4j hdb query /data/hdb trade --partition 2024.01.02 --columns sym,price",
            "  q4j hdb query -f parquet -o trade.parquet /data/hdb trade",
            "",
            "Exit codes:",
            "  0  success",
            "  1  a file that cannot be read as kdb+ wrote it (the message names it)",
            "  2  usage error: no such table, partition or column; a format the result",
            "     cannot take"
        })
final class HdbCommand extends Q4jCommand {
    /** What to do. */
    enum Action {
        /** list the tables */
        ls,
        /** read a table */
        query
    }

    @Parameters(index = "0", paramLabel = "ACTION", description = "ls or query.")
    Action action;

    @Parameters(index = "1", paramLabel = "DIR", description = "The database directory.")
    Path dir;

    @Parameters(index = "2", arity = "0..1", paramLabel = "TABLE", description = "The table (query).")
    String table;

    @Option(names = {"-p", "--partition"}, paramLabel = "P", split = ",",
            description = "Read only these partitions (repeat or separate with commas); default all.")
    List<String> partitions;

    @Option(names = {"--columns"}, paramLabel = "C1,C2", split = ",",
            description = "Read only these columns, in this order; default all.")
    List<String> columns;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "text (the default), q, json, csv, arrow or parquet, as q4j query.")
    QueryCommand.Format format = QueryCommand.Format.TEXT;

    @Option(names = {"-c", "--console"}, paramLabel = "ROWSxCOLS", converter = QueryCommand.ConsoleConverter.class,
            description = "The console size for --format text (default 25x80).")
    QConsole console = QConsole.DEFAULT;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the rows to FILE instead of standard output; --format parquet needs it.")
    Path output;

    @Override
    int run() {
        try {
            if (action == Action.ls) {
                if (table != null || partitions != null || columns != null) {
                    return fail("ls takes only DIR", Q4j.USAGE);
                }
                return list(Hdb.open(dir));
            }
            if (table == null) {
                return fail("query needs a TABLE: q4j hdb query DIR TABLE", Q4j.USAGE);
            }
            return query(Hdb.open(dir));
        } catch (HdbException e) {
            return fail(oneLine(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            return fail(oneLine(e), Q4j.USAGE);
        }
    }

    private int list(Hdb hdb) {
        PrintWriter out = out();
        List<String> ps = hdb.partitions();
        out.println(hdb.directory() + (hdb.partitionKind().isEmpty() ? ": not partitioned"
                : ": partitioned by " + hdb.partitionKind().get().column() + ", " + ps.size() + " partition"
                + (ps.size() == 1 ? "" : "s") + " (" + ps.get(0) + " .. " + ps.get(ps.size() - 1) + ")"));
        for (String name : hdb.tables()) {
            HdbTable t = hdb.table(name);
            long rows = 0;
            String where;
            if (t.partitioned()) {
                for (String p : t.partitions()) {
                    rows += t.count(p);
                }
                int n = t.partitions().size();
                where = "partitioned, " + n + " partition" + (n == 1 ? "" : "s");
            } else {
                rows = t.count(null);
                where = t.schema().stream().anyMatch(c -> c.storage() == HdbColumn.Storage.IN_FILE) ? "one file"
                        : "splayed";
            }
            out.println();
            out.println(name + ": " + where + ", " + rows + " row" + (rows == 1 ? "" : "s"));
            List<HdbColumn> schema = t.schema();
            int width = schema.stream().mapToInt(c -> c.name().length()).max().orElse(0);
            for (HdbColumn c : schema) {
                List<String> parts = new ArrayList<>();
                parts.add(String.format(Locale.ROOT, "  %-" + width + "s  %-9s", c.name(), c.type().qName()));
                if (c.attribute() != Attribute.NONE) {
                    parts.add(c.attribute().letter() + "#");
                }
                switch (c.storage()) {
                    case ENUMERATED:
                        parts.add("enumerated against " + c.domain().orElseThrow());
                        break;
                    case NESTED:
                        parts.add("nested");
                        break;
                    case PARTITION:
                        parts.add("partition");
                        break;
                    default:
                        break;
                }
                out.println(String.join("  ", parts).stripTrailing());
            }
        }
        out.flush();
        return Q4j.OK;
    }

    private int query(Hdb hdb) {
        if (format == QueryCommand.Format.PARQUET && output == null) {
            return fail("--format parquet writes a file: give it with --output FILE", Q4j.USAGE);
        }
        HdbTable t = hdb.table(table);
        if (partitions != null) {
            t = t.partitions(partitions.toArray(new String[0]));
        }
        if (columns != null) {
            t = t.columns(columns.toArray(new String[0]));
        }
        QTable rows = t.read();
        try {
            switch (format) {
                case ARROW:
                    return writeArrow(rows);
                case PARQUET:
                    QDuckDB.writeParquet(rows, output);
                    return Q4j.OK;
                default:
                    if (output == null) {
                        return print(rows, format, console, "");
                    }
                    try (PrintWriter file = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
                        int code = print(rows, format, console, "", file);
                        if (file.checkError()) {
                            throw new IOException("the write failed");
                        }
                        return code;
                    }
            }
        } catch (QArrowException e) {
            return fail("the table cannot be written as " + format.name().toLowerCase(Locale.ROOT) + ": "
                    + oneLine(e), Q4j.USAGE);
        } catch (QDuckDBException e) {
            return fail(oneLine(e));
        } catch (IOException | UncheckedIOException e) {
            return fail("cannot write " + (output == null ? "standard output" : output) + ": " + oneLine(e));
        }
    }

    private int writeArrow(QTable rows) throws IOException {
        if (output != null) {
            try (OutputStream file = Files.newOutputStream(output)) {
                QArrow.writeStream(rows, file);
            }
        } else {
            out().flush();
            OutputStream stdout = root.stdout();
            QArrow.writeStream(rows, stdout);
            stdout.flush();
        }
        return Q4j.OK;
    }
}
