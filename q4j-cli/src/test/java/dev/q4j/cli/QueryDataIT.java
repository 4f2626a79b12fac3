package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.testing.servers.JavakdbServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.Dictionary;
import org.apache.arrow.vector.dictionary.DictionaryEncoder;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code q4j query --format arrow|parquet} and {@code --sql}, and the console's {@code \sql}, against a javakdb server
 * on a loopback socket. What q4j writes is read by Apache Arrow's Java reader and by DuckDB.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class QueryDataIT {

    /** {@code ([] sym:`IBM`MSFT`IBM; px:1.5 2.25 3.5; size:100 200 300)} as javakdb sends it */
    private static c.Flip trades() {
        return new c.Flip(new c.Dict(new String[] {"sym", "px", "size"}, new Object[] {
            new String[] {"IBM", "MSFT", "IBM"}, new double[] {1.5, 2.25, 3.5}, new long[] {100, 200, 300}}));
    }

    @Test
    void arrowGoesToStandardOutputAsAnIpcStream() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Cli.BinaryResult r = Cli.runBinary("query", "--format", "arrow", server.address(), "select from t");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(readArrow(new ByteArrayInputStream(r.bytes()))).containsExactly(
                    "sym,px,size", "IBM,1.5,100", "MSFT,2.25,200", "IBM,3.5,300");
        }
    }

    @Test
    void arrowAndTextGoToTheOutputFile(@TempDir Path dir) throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Path arrow = dir.resolve("t.arrows");
            Cli.Result r = Cli.run("query", "-f", "arrow", "-o", arrow.toString(), server.address(), "t");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEmpty();
            try (InputStream in = Files.newInputStream(arrow)) {
                assertThat(readArrow(in)).hasSize(4).contains("MSFT,2.25,200");
            }
            Path csv = dir.resolve("t.csv");
            r = Cli.run("query", "-f", "csv", "--output", csv.toString(), server.address(), "t");
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(Files.readString(csv))
                    .isEqualTo("sym,px,size\r\nIBM,1.5,100\r\nMSFT,2.25,200\r\nIBM,3.5,300\r\n");
        }
    }

    @Test
    void parquetIsWrittenToTheOutputFileAndDuckDbReadsIt(@TempDir Path dir) throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Path file = dir.resolve("t.parquet");
            Cli.Result r = Cli.run("query", "--format", "parquet", "--output", file.toString(), server.address(),
                    "select from t");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            List<String> rows = new ArrayList<>();
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT sym, px, size FROM read_parquet('" + file + "')")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "," + rs.getDouble(2) + "," + rs.getLong(3));
                }
            }
            assertThat(rows).containsExactly("IBM,1.5,100", "MSFT,2.25,200", "IBM,3.5,300");
        }
    }

    @Test
    void parquetWithoutAnOutputFileIsAUsageError() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Cli.Result r = Cli.run("query", "--format", "parquet", server.address(), "t");
            assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
            assertThat(r.err()).contains("--output FILE");
            assertThat(server.queries).isEmpty();
        }
    }

    @Test
    void sqlRunsOverTheResultAsTheTableQ() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Cli.Result r = Cli.run("query", "--sql",
                    "SELECT sym, sum(size) AS size, max(px) AS px FROM q GROUP BY sym ORDER BY sym",
                    server.address(), "select from t");
            assertThat(r.err()).isEmpty();
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).isEqualTo("sym  size px  \n--------------\nIBM  400  3.5 \nMSFT 200  2.25\n");

            r = Cli.run("query", "--sql", "SELECT count(*) AS n FROM q", "-f", "json", server.address(), "t");
            assertThat(r.out()).isEqualTo("[{\"n\":3}]\n");
        }
    }

    @Test
    void sqlMayReadTheTableQMoreThanOnce() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Cli.Result r = Cli.run("query", "-f", "q", "--sql",
                    "SELECT sym FROM q WHERE px > (SELECT avg(px) FROM q) ORDER BY px", server.address(), "t");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("+(,`sym)!,,`IBM\n");   // avg px is 2.42
        }
    }

    @Test
    void sqlThatDuckDbRefusesExitsWith1AndSaysWhy() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(trades())) {
            Cli.Result r = Cli.run("query", "--sql", "SELECT nope FROM q", server.address(), "t");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith("q4j query: ").contains("nope");
        }
    }

    @Test
    void anAtomIsNoTableForArrowOrSql() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(42L)) {
            Cli.BinaryResult r = Cli.runBinary("query", "-f", "arrow", server.address(), "42");
            assertThat(r.exitCode()).isEqualTo(Q4j.USAGE);
            assertThat(r.bytes()).isEmpty();
            assertThat(r.err()).contains("--format arrow needs a table").contains("an atom");
            Cli.Result s = Cli.run("query", "--sql", "SELECT 1", server.address(), "42");
            assertThat(s.exitCode()).isEqualTo(Q4j.USAGE);
            assertThat(s.err()).contains("SQL needs a table");
        }
    }

    @Test
    void aListIsATableOfOneColumnX() throws Exception {
        try (JavakdbServer server = JavakdbServer.replying(new long[] {3, 1, 2})) {
            Cli.Result r = Cli.run("query", "--sql", "SELECT sum(x) AS s FROM q", "-f", "q",
                    server.address(), "3 1 2");
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).isEqualTo("+(,`s)!,,6\n");
        }
    }

    @Test
    void theConsoleRunsSqlOverTheLastResult() throws Exception {
        try (ConsoleTestServer server = ConsoleTestServer.start()) {
            Cli.Result r = Cli.runWithInput("\\sql SELECT 1\ntrade\n\\sql SELECT sym FROM q WHERE px > 2\n"
                    + "\\sql SELECT nope FROM q\n", server.address());
            assertThat(r.out()).isEqualTo("sym  px  \n---------\nIBM  1.5 \nMSFT 2.25\nsym \n----\nMSFT\n");
            assertThat(r.err()).contains("there is none yet").contains("nope");
            assertThat(r.exitCode()).isZero();
        }
    }

    /** Reads an Arrow IPC stream with Arrow's own reader: a header line of names, then each row's cells. */
    private static List<String> readArrow(InputStream in) throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(in, allocator)) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<String> names = new ArrayList<>();
            root.getSchema().getFields().forEach(f -> names.add(f.getName()));
            lines.add(String.join(",", names));
            while (reader.loadNextBatch()) {
                List<FieldVector> columns = new ArrayList<>();
                List<FieldVector> decoded = new ArrayList<>();
                for (FieldVector v : root.getFieldVectors()) {
                    if (v.getField().getDictionary() != null) {
                        Dictionary d = reader.getDictionaryVectors().get(v.getField().getDictionary().getId());
                        FieldVector plain = (FieldVector) DictionaryEncoder.decode(v, d);
                        decoded.add(plain);
                        columns.add(plain);
                    } else {
                        columns.add(v);
                    }
                }
                for (int row = 0; row < root.getRowCount(); row++) {
                    List<String> cells = new ArrayList<>();
                    for (FieldVector v : columns) {
                        cells.add(String.valueOf(v.getObject(row)));
                    }
                    lines.add(String.join(",", cells));
                }
                decoded.forEach(FieldVector::close);
            }
        }
        return lines;
    }
}
