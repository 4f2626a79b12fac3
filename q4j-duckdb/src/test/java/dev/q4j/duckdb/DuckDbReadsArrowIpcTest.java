package dev.q4j.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.arrow.QArrow;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Arrow IPC streams and files that q4j writes ({@link QArrow#writeStream}, {@link QArrow#writeFile}, what
 * {@code q4j query -f arrow} prints) as DuckDB reads them: the bytes are parsed by Arrow's own Java IPC readers, not
 * by q4j, and handed to DuckDB through Arrow's C stream interface, as a pyarrow user hands an IPC file to DuckDB.
 * Every value is checked with DuckDB's own SQL functions and JDBC getters against what the q value means, written
 * out here by hand. (DuckDB reads IPC bytes itself only with its {@code arrow} community extension, which it
 * downloads when installed, so not in these offline tests.)
 */
class DuckDbReadsArrowIpcTest {
    private static final UUID GUID = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
    private static final Instant INSTANT = Instant.parse("2024-01-02T09:30:00.123456789Z");
    private static final LocalDate DAY = LocalDate.of(2024, 2, 29);

    /** one column of every type q4j maps, a row of values, then a row of q's nulls (boolean and byte have none) */
    private static QTable everyType() {
        return QTable.of(List.of("b", "g", "x", "h", "i", "j", "e", "f", "c", "s", "str", "p", "m", "d", "z", "n",
                "u", "v", "t", "l"), List.of(
                QBooleanVector.of(true, false),
                QGuidVector.of(GUID, new UUID(0, 0)),
                QByteVector.of((byte) 0xff, (byte) 1),
                QShortVector.of((short) -7, Short.MIN_VALUE),
                QIntVector.of(42, Integer.MIN_VALUE),
                QLongVector.of(1L << 40, Long.MIN_VALUE),
                QRealVector.of(1.5f, Float.NaN),
                QFloatVector.of(-2.25, Double.NaN),
                QCharVector.of("a "),
                QSymbolVector.of("IBM", ""),
                QList.of(QCharVector.of("caf\u00e9"), QCharVector.of("")),
                QTimestampVector.ofInstants(INSTANT, null),
                QMonthVector.ofYearMonths(YearMonth.of(2024, 3), null),
                QDateVector.ofDates(DAY, null),
                QDatetimeVector.ofInstants(Instant.parse("2024-01-02T09:30:15.250Z"), null),
                QTimespanVector.ofDurations(Duration.ofSeconds(90, 500_000), null),
                QMinuteVector.ofDurations(Duration.ofMinutes(9 * 60 + 30), null),
                QSecondVector.ofDurations(Duration.ofSeconds(34215), null),
                QTimeVector.ofDurations(Duration.ofMillis(34215123), null),
                QList.of(QLongVector.of(1, 2, 3), QLongVector.of())));
    }

    private static final String SQL = "SELECT typeof(b), b, typeof(g), g::VARCHAR, typeof(x), x, typeof(h), h, "
            + "typeof(i), i, typeof(j), j, typeof(e), e, typeof(f), f, typeof(c), c, typeof(s), s, typeof(str), str, "
            + "typeof(p), epoch_ns(p), typeof(m), m::VARCHAR, typeof(d), d::VARCHAR, typeof(z), epoch_ms(z), "
            + "typeof(n), epoch(n), typeof(u), u::VARCHAR, typeof(v), v::VARCHAR, typeof(t), t::VARCHAR, "
            + "typeof(l), l::VARCHAR FROM ipc";

    private static final List<String> VALUES = java.util.Arrays.asList("BOOLEAN", "true", "UUID", GUID.toString(),
            "UTINYINT", "255", "SMALLINT", "-7", "INTEGER", "42", "BIGINT", Long.toString(1L << 40), "FLOAT", "1.5",
            "DOUBLE", "-2.25", "VARCHAR", "a", "VARCHAR", "IBM", "VARCHAR", "caf\u00e9", "TIMESTAMPTZ_NS",
            Long.toString(INSTANT.getEpochSecond() * 1_000_000_000 + INSTANT.getNano()), "DATE", "2024-03-01",
            "DATE", DAY.toString(), "TIMESTAMP WITH TIME ZONE",
            Long.toString(Instant.parse("2024-01-02T09:30:15.250Z").toEpochMilli()), "INTERVAL", "90.0005",
            "TIME", "09:30:00", "TIME", "09:30:15", "TIME", "09:30:15.123", "BIGINT[]", "[1, 2, 3]");

    /** q's nulls are SQL's NULL: a char's space, a symbol's ` and a guid's 0Ng too; a string column has no null */
    private static final List<String> NULLS = java.util.Arrays.asList("BOOLEAN", "false", "UUID", null,
            "UTINYINT", "1", "SMALLINT", null, "INTEGER", null, "BIGINT", null, "FLOAT", null, "DOUBLE", null,
            "VARCHAR", null, "VARCHAR", null, "VARCHAR", "", "TIMESTAMPTZ_NS", null, "DATE", null, "DATE", null,
            "TIMESTAMP WITH TIME ZONE", null, "INTERVAL", null, "TIME", null, "TIME", null, "TIME", null,
            "BIGINT[]", "[]");

    @Test
    void duckDbReadsEveryTypeOfAnIpcStreamQ4jWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("every.arrows");
        try (OutputStream out = Files.newOutputStream(file)) {
            QArrow.writeStream(everyType(), out);
        }
        try (BufferAllocator allocator = new RootAllocator();
             InputStream in = Files.newInputStream(file)) {
            assertThat(readByDuckDb(new ArrowStreamReader(in, allocator), allocator)).containsExactly(VALUES, NULLS);
        }
    }

    @Test
    void duckDbReadsEveryTypeOfAnIpcFileQ4jWrote(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("every.arrow");
        QArrow.writeFile(everyType(), file);
        try (BufferAllocator allocator = new RootAllocator();
             SeekableByteChannel in = Files.newByteChannel(file)) {
            assertThat(readByDuckDb(new ArrowFileReader(in, allocator), allocator)).containsExactly(VALUES, NULLS);
        }
    }

    /** Hands what Arrow's reader reads to DuckDB as the view {@code ipc}, and returns the rows of {@link #SQL}. */
    private static List<List<String>> readByDuckDb(ArrowReader reader, BufferAllocator allocator) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            // the stream owns the reader from here: DuckDB releases it when it has read it
            Data.exportArrayStream(allocator, reader, stream);
            c.unwrap(DuckDBConnection.class).registerArrowStream("ipc", stream);
            try (Statement s = c.createStatement()) {
                s.execute("SET TimeZone = 'UTC'");
                try (ResultSet rs = s.executeQuery(SQL)) {
                    while (rs.next()) {
                        List<String> cells = new ArrayList<>();
                        for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                            cells.add(rs.getString(k));
                        }
                        rows.add(cells);
                    }
                }
            }
        }
        return rows;
    }
}
