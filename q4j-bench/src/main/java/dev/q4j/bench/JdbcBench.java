package dev.q4j.bench;

import dev.q4j.client.QConnection;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every cell of the 1M-row trade table read through q4j's JDBC driver ({@code ResultSet.getObject(1, Instant.class)},
 * {@code getString}, {@code getDouble}, {@code getLong}, {@code getString}, with {@code wasNull} after the
 * nullable ones) against the same reads straight from the {@link QTable}'s vectors. The result set is fetched once,
 * from a loopback q4j server, and scrolled back to the start each time: what is measured is the reading, not the
 * transfer. The driver's target is within 2× the vectors.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JdbcBench {
    private QServer server;
    private Connection connection;
    private ResultSet rs;
    private QTable table;

    /** Serves the trade table, fetches it through the driver and directly, and checks that both read alike. */
    @Setup
    public void setup() throws Exception {
        QValue trade = Data.value("trade");
        server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                .requestHandler(RequestHandler.sync((client, request) -> trade)).build());
        connection = DriverManager.getConnection("jdbc:q4j://127.0.0.1:" + server.port());
        Statement s = connection.createStatement();
        rs = s.executeQuery("trade");
        table = (QTable) connection.unwrap(QConnection.class).query("trade");
        if (!table.equals(trade)) {
            throw new IllegalStateException("the table came back changed");
        }
        long viaJdbc = readResultSet(null);
        long direct = readVectors(null);
        if (viaJdbc != direct) {
            throw new IllegalStateException("the driver read " + viaJdbc + ", the vectors " + direct);
        }
    }

    /** Closes the connection and stops the server. */
    @TearDown
    public void tearDown() throws SQLException {
        connection.close();
        server.shutdown(Duration.ofSeconds(2));
    }

    /** {@return a checksum of every cell, read through the result set's getters; {@code bh} null in the check} */
    @Benchmark
    public long readResultSet(Blackhole bh) throws SQLException {
        rs.beforeFirst();
        long check = 0;
        while (rs.next()) {
            Instant time = rs.getObject(1, Instant.class);
            String sym = rs.getString(2);
            double price = rs.getDouble(3);
            boolean priceNull = rs.wasNull();
            long size = rs.getLong(4);
            boolean sizeNull = rs.wasNull();
            String side = rs.getString(5);
            if (bh != null) {
                bh.consume(time);
                bh.consume(sym);
                bh.consume(side);
            }
            check += (priceNull ? 0 : (long) price) + (sizeNull ? 0 : size) + (sym == null ? 0 : sym.length())
                    + (time == null ? 0 : time.getNano() & 1);
        }
        return check;
    }

    /** {@return the same checksum, every cell read from the table's vectors as the driver would give it} */
    @Benchmark
    public long readVectors(Blackhole bh) {
        QTimestampVector time = (QTimestampVector) table.column("time");
        String[] sym = ((QSymbolVector) table.column("sym")).array();
        QFloatVector price = (QFloatVector) table.column("price");
        QLongVector size = (QLongVector) table.column("size");
        byte[] side = ((QCharVector) table.column("side")).array();
        long check = 0;
        for (int i = 0; i < sym.length; i++) {
            long t = time.get(i);
            Instant instant = t == Long.MIN_VALUE ? null : QTemporal.instantOfTimestamp(t);
            String s = sym[i].isEmpty() ? null : sym[i];
            double p = price.get(i);
            boolean priceNull = Double.isNaN(p);
            long z = size.get(i);
            boolean sizeNull = z == Long.MIN_VALUE;
            String c = side[i] == ' ' ? null : String.valueOf((char) (side[i] & 0xff));
            if (bh != null) {
                bh.consume(instant);
                bh.consume(s);
                bh.consume(c);
            }
            check += (priceNull ? 0 : (long) p) + (sizeNull ? 0 : z) + (s == null ? 0 : s.length())
                    + (instant == null ? 0 : instant.getNano() & 1);
        }
        return check;
    }
}
