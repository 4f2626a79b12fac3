package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.q4j.server.Authenticator;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver used by JDBC clients written elsewhere: HikariCP pooling it, Jdbi mapping its rows to records,
 * sqlline's commands, and {@link java.sql.DriverManager} finding it in the self-contained jar alone, in a JVM of its
 * own. A q4j server stands in for kdb+.
 */
class RealClientsIT {
    private static final LocalDateTime T0 = LocalDateTime.of(2024, 1, 2, 9, 30);

    private FakeKdb kdb;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        kdb = new FakeKdb(Authenticator.single("me", "secret"));
        kdb.globals.put("trade", QTable.of(List.of("time", "sym", "price", "size"), List.of(
                QTimestampVector.of(QTimestamp.of(T0).nanos(), QTimestamp.of(T0.plusSeconds(1)).nanos()),
                QSymbolVector.of("IBM", "MSFT"), QFloatVector.of(101.5, 202.25), QLongVector.of(100, 200))));
        kdb.globals.put("quote", QKeyedTable.of(QTable.of(List.of("sym"), List.of(QSymbolVector.of("IBM"))),
                QTable.of(List.of("bid"), List.of(QFloatVector.of(101)))));
    }

    @AfterEach
    void stop() {
        kdb.close();
    }

    @Test
    void hikariPoolsConnectionsValidatedOnEveryBorrowUnderConcurrentUse() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(QDataSource.class.getName());
        config.addDataSourceProperty("url", kdb.url());
        config.setUsername("me");
        config.setPassword("secret");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(10_000);
        String bypass = "com.zaxxer.hikari.aliveBypassWindowMs";
        System.setProperty(bypass, "0");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (HikariDataSource ds = new HikariDataSource(config)) {
            List<Future<Long>> sums = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                sums.add(pool.submit(() -> {
                    long sum = 0;
                    for (int i = 0; i < 50; i++) {
                        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                             ResultSet rs = s.executeQuery("trade")) {
                            while (rs.next()) {
                                sum += rs.getLong("size");
                            }
                        }
                    }
                    return sum;
                }));
            }
            for (Future<Long> f : sums) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(50 * 300L);
            }
            assertThat(ds.getHikariPoolMXBean().getTotalConnections()).isBetween(1, 4);
            assertThat(kdb.server().clients()).hasSizeBetween(1, 4);
            assertThat(kdb.requests.stream().filter(QCharVector.of("")::equals).count())
                    .as("validations (isValid: a round trip of h\"\")").isPositive();

            // kdb+ drops every connection (as a restart would): validation finds them dead, the pool opens new ones
            kdb.server().clients().forEach(dev.q4j.server.ClientConnection::close);
            Thread.sleep(50);
            for (int i = 0; i < 8; i++) {
                try (Connection c = ds.getConnection(); ResultSet rs = c.createStatement().executeQuery("trade")) {
                    assertThat(rs.next()).isTrue();
                }
            }
        } finally {
            System.clearProperty(bypass);
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!kdb.server().clients().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(kdb.server().clients()).as("closing the pool closed its connections").isEmpty();
    }

    /** A row of trade, as Jdbi maps it. */
    public record Trade(LocalDateTime time, String sym, double price, long size) { }

    @Test
    void jdbiMapsRowsToRecords() {
        kdb.answer("select from trade where sym=`IBM", QTable.of(List.of("time", "sym", "price", "size"), List.of(
                QTimestampVector.of(QTimestamp.of(T0).nanos()), QSymbolVector.of("IBM"), QFloatVector.of(101.5),
                QLongVector.of(100))));
        kdb.answer("select from trade", kdb.globals.get("trade"));
        Jdbi jdbi = Jdbi.create(kdb.url(), "me", "secret");
        jdbi.registerRowMapper(ConstructorMapper.factory(Trade.class));
        List<Trade> all = jdbi.withHandle(h -> h.createQuery("select from trade").mapTo(Trade.class).list());
        assertThat(all).containsExactly(new Trade(T0, "IBM", 101.5, 100),
                new Trade(T0.plusSeconds(1), "MSFT", 202.25, 200));
        List<Trade> ibm = jdbi.withHandle(h -> h.createQuery("select from trade where sym=`IBM")
                .mapTo(Trade.class).list());
        assertThat(ibm).containsExactly(new Trade(T0, "IBM", 101.5, 100));
    }

    /** {@return the test class path's jars whose file name contains one of {@code parts}} */
    private static List<String> jars(String... parts) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> Arrays.stream(parts).anyMatch(Path.of(p).getFileName().toString()::contains))
                .collect(Collectors.toList());
    }

    private static Path allJar() {
        Path jar = Path.of(System.getProperty("q4j.jdbc.allJar", "target/q4j-jdbc-0.1.0-SNAPSHOT-all.jar"));
        assertThat(jar).as("the self-contained driver jar (built in package)").exists();
        return jar;
    }

    /** Runs {@code java args} in a JVM of its own; {@return its output (stdout and stderr)} */
    private String java(List<String> args, String stdin) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(stdin == null ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(
                        Files.writeString(dir.resolve("in.txt"), stdin).toFile())).start();
        if (stdin == null) {
            p.getOutputStream().close();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("java " + args + " did not finish in 60 s: " + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        return text;
    }

    @Test
    void driverManagerFindsTheDriverInTheSelfContainedJarAlone() throws Exception {
        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, """
                import java.sql.*;
                public class Probe {
                    public static void main(String[] a) throws Exception {
                        try (Connection c = DriverManager.getConnection(a[0]);
                             ResultSet rs = c.createStatement().executeQuery("trade")) {
                            System.out.println(DriverManager.getDriver(a[0]).getClass().getName());
                            while (rs.next()) {
                                System.out.println(rs.getString("sym") + " " + rs.getLong("size"));
                            }
                        }
                    }
                }
                """);
        String out = java(List.of("-cp", allJar().toString(), probe.toString(),
                kdb.url() + "?user=me&password=secret"), null);
        assertThat(out.lines()).containsExactly("dev.q4j.jdbc.QDriver", "IBM 100", "MSFT 200");
    }

    @Test
    void sqllineListsTablesAndColumnsAndRunsAQuery() throws Exception {
        List<String> cp = new ArrayList<>(jars("sqlline", "jline"));
        cp.add(allJar().toString());
        kdb.answer("select from trade where size>150", QTable.of(List.of("time", "sym", "price", "size"), List.of(
                QTimestampVector.of(QTimestamp.of(T0.plusSeconds(1)).nanos()), QSymbolVector.of("MSFT"),
                QFloatVector.of(202.25), QLongVector.of(200))));
        // the commands typed at sqlline's prompt (its standard input), as a user would
        String typed = String.join("\n", "!tables", "!columns trade", "select from trade where size>150;",
                "!primarykeys quote", "!quit", "");
        String out = java(List.of("-cp", String.join(File.pathSeparator, cp), "sqlline.SqlLine",
                "-d", "dev.q4j.jdbc.QDriver", "-u", kdb.url(), "-n", "me", "-p", "secret",
                "--outputformat=csv", "--isolation=TRANSACTION_NONE"), typed);
        assertThat(out).contains("'quote','TABLE'").contains("'trade','TABLE'");
        assertThat(out).contains("'trade','time','93','timestamp'").contains("'trade','sym','12','symbol'")
                .contains("'trade','size','-5','long'");
        assertThat(out).contains("'time','sym','price','size'")
                .contains("'2024-01-02 09:30:01.0','MSFT','202.25','200'").doesNotContain("'IBM','101.5'");
        assertThat(out).contains("'quote','sym','1'");
        assertThat(kdb.requests).contains(QCharVector.of("select from trade where size>150"));
    }
}
