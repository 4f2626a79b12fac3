package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code q4j hdb ls} and {@code q4j hdb query} over the kdb+ database real kdb+ wrote (corpus hdb/kdb_sample). */
class HdbCommandTest {
    private static final String DB = Corpus.root().resolve("hdb/kdb_sample").toString();

    @TempDir
    Path tmp;

    @Test
    void lsListsTablesPartitionsRowsAndColumns() {
        Cli.Result r = Cli.run("hdb", "ls", DB);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines.get(0)).endsWith("kdb_sample: partitioned by date, 3 partitions (2022.06.17 .. 2023.03.24)");
        assertThat(lines).contains("ORD: partitioned, 1 partition, 5000 rows",
                "quote_cffex: partitioned, 1 partition, 0 rows",
                "widetable: one file, 1 row",
                "charArrayVector: splayed, 2000 rows");
        assertThat(lines).anyMatch(l -> l.matches("  sym +symbol +u#  enumerated against sym"));
        assertThat(lines).anyMatch(l -> l.matches("  nestChar +list +nested"));
        assertThat(lines).anyMatch(l -> l.matches("  date +date +partition"));
    }

    @Test
    void queryReadsTheChosenPartitionAndColumnsAsCsv() {
        Cli.Result r = Cli.run("hdb", "query", "-f", "csv", DB, "ORD", "--partition", "2022.12.05",
                "--columns", "code,price,order_no");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.outLines();
        assertThat(lines).hasSize(5001);
        assertThat(lines.get(0)).isEqualTo("code,price,order_no");
        assertThat(lines.get(1)).isEqualTo("000155,20.5,");
    }

    @Test
    void queryPrintsAsTheQConsole() {
        Cli.Result r = Cli.run("hdb", "query", DB, "intArrayVector");
        assertThat(r.exitCode()).isZero();
        assertThat(r.outLines().get(0)).startsWith("d ").contains("lh");
        assertThat(r.outLines().get(2)).contains("1 2 3").contains("\"abc\"");
    }

    @Test
    void queryWritesParquet() throws IOException {
        Path out = tmp.resolve("t.parquet");
        Cli.Result r = Cli.run("hdb", "query", "-f", "parquet", "-o", out.toString(), DB, "TRANSACTION",
                "--columns", "code,price");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        byte[] b = Files.readAllBytes(out);
        assertThat(new String(b, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
    }

    @Test
    void unknownTableIsAUsageError() {
        Cli.Result r = Cli.run("hdb", "query", DB, "nope");
        assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
        assertThat(r.err()).startsWith("q4j hdb: no table nope");
    }

    @Test
    void unreadableFileIsBadInputNamingTheFile() throws IOException {
        Path t = tmp.resolve("db/t");
        Files.createDirectories(t);
        Files.write(t.resolve(".d"), new byte[] {(byte) 0xff, 1, 11, 0, 0, 0, 0, 0, 'x', 0});
        Files.write(t.resolve("x"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Cli.Result r = Cli.run("hdb", "query", tmp.resolve("db").toString(), "t");
        assertThat(r.exitCode()).isEqualTo(Q4j.BAD_INPUT);
        assertThat(r.err()).contains("x at offset 0").contains("header 01 02 03 04");
    }
}
