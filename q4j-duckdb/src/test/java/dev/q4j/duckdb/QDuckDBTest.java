package dev.q4j.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * q tables as DuckDB reads them through Arrow's C stream: DuckDB is the independent reader here, so the values are
 * checked through DuckDB's own SQL functions and JDBC getters, against what the q values mean.
 */
class QDuckDBTest {

    private static final String[] SYMS = {"AAPL", "IBM", "MSFT", "GOOG"};

    /** A trade table of {@code n} rows, deterministic for a seed. */
    static QTable trades(int n, long seed) {
        Random r = new Random(seed);
        long start = QTemporal.timestampOf(Instant.parse("2024-03-01T09:30:00Z"));
        long[] time = new long[n];
        String[] sym = new String[n];
        double[] price = new double[n];
        long[] size = new long[n];
        for (int i = 0; i < n; i++) {
            time[i] = start + i * 1_000_000L + r.nextInt(1000);
            sym[i] = SYMS[r.nextInt(SYMS.length)];
            price[i] = 100 + r.nextInt(10_000) / 100.0;
            size[i] = 100L * (1 + r.nextInt(50));
        }
        return QTable.of(List.of("time", "sym", "price", "size"), List.of(QTimestampVector.wrap(time),
                QSymbolVector.wrap(sym), QFloatVector.wrap(price), QLongVector.wrap(size)));
    }

    @Test
    void groupByMatchesTheSameComputationInJava() {
        QTable t = trades(10_000, 1);
        // the same aggregates, computed from the q vectors
        Map<String, long[]> countAndSize = new TreeMap<>();
        Map<String, Double> priceSum = new TreeMap<>();
        Map<String, Long> lastTime = new TreeMap<>();
        QSymbolVector sym = (QSymbolVector) t.column("sym");
        QFloatVector price = (QFloatVector) t.column("price");
        QLongVector size = (QLongVector) t.column("size");
        QTimestampVector time = (QTimestampVector) t.column("time");
        for (int i = 0; i < t.count(); i++) {
            long[] cs = countAndSize.computeIfAbsent(sym.get(i), k -> new long[2]);
            cs[0]++;
            cs[1] += size.get(i);
            priceSum.merge(sym.get(i), price.get(i), Double::sum);
            lastTime.merge(sym.get(i), time.get(i), Math::max);
        }
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("trade", t);
            // sum of BIGINT is DuckDB's HUGEINT, Decimal(38, 0) in Arrow: a long in q
            QTable r = db.query("SELECT sym, count(*) AS n, sum(size) AS size, avg(price) AS price, "
                    + "max(time) AS last FROM trade GROUP BY sym ORDER BY sym");
            assertThat(r.columnNames()).containsExactly("sym", "n", "size", "price", "last");
            assertThat(r.count()).isEqualTo(countAndSize.size());
            assertThat(r.column("sym")).isInstanceOf(QSymbolVector.class);
            int row = 0;
            for (Map.Entry<String, long[]> e : countAndSize.entrySet()) {
                assertThat(text(r.column("sym").at(row))).isEqualTo(e.getKey());
                assertThat(((QLongVector) r.column("n")).get(row)).isEqualTo(e.getValue()[0]);
                assertThat(((QLongVector) r.column("size")).get(row)).isEqualTo(e.getValue()[1]);
                assertThat(((QFloatVector) r.column("price")).get(row))
                        .isCloseTo(priceSum.get(e.getKey()) / e.getValue()[0], within(1e-9));
                // TIMESTAMP_NS: DuckDB keeps the nanoseconds
                assertThat(((QTimestampVector) r.column("last")).get(row)).isEqualTo(lastTime.get(e.getKey()));
                row++;
            }
        }
    }

    @Test
    void aRegisteredTableCanBeQueriedAgainAndAgain() {
        QTable t = trades(1000, 2);
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("trade", t);
            for (int i = 0; i < 3; i++) {
                QTable r = db.query("SELECT count(*) AS n, sum(size)::BIGINT AS s FROM trade");
                assertThat(((QLongVector) r.column("n")).get(0)).isEqualTo(1000);
                assertThat(((QLongVector) r.column("s")).get(0))
                        .isEqualTo(((QLongVector) t.column("size")).stream().sum());
            }
            // a statement that does not read it, then one that does
            db.execute("CREATE TABLE other AS SELECT 1 AS x");
            assertThat(((QLongVector) db.query("SELECT count(*) AS n FROM trade").column("n")).get(0))
                    .isEqualTo(1000);
        }
    }

    @Test
    void textColumnsComeBackAsSymbolsOrAsStrings() {
        QTable t = QTable.of(List.of("sym", "note"), List.of(QSymbolVector.of("IBM", "MSFT", ""),
                QList.of(QCharVector.of("first"), QCharVector.of("caf\u00e9"), QCharVector.of(""))));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", t);
            QTable symbols = db.query("SELECT sym, note FROM t");
            assertThat(symbols.column("sym")).isEqualTo(QSymbolVector.of("IBM", "MSFT", ""));
            assertThat(symbols.column("note")).isEqualTo(QSymbolVector.of("first", "caf\u00e9", ""));
            QTable strings = db.query("SELECT sym, note FROM t", QDuckDB.Text.STRING);
            assertThat(strings.column("note")).isEqualTo(t.column("note"));
            // the null symbol is SQL's NULL, which comes back as an empty string
            assertThat(strings.column("sym")).isEqualTo(QList.of(QCharVector.of("IBM"), QCharVector.of("MSFT"),
                    QCharVector.of("")));
            QTable none = db.query("SELECT sym FROM t WHERE false");
            assertThat(none.column("sym")).isEqualTo(QSymbolVector.EMPTY);
        }
    }

    @Test
    void aSequenceOfTablesIsOneTableInSql() {
        try (QDuckDB db = QDuckDB.inMemory()) {
            List<QTable> days = List.of(trades(100, 3), trades(250, 4), trades(1, 5));
            db.register("trade", days);
            assertThat(((QLongVector) db.query("SELECT count(*) AS n FROM trade").column("n")).get(0))
                    .isEqualTo(351);
            // each batch has its own symbol dictionary: the same symbol must group as one
            Map<String, Long> expected = new TreeMap<>();
            for (QTable d : days) {
                for (String s : ((QSymbolVector) d.column("sym")).array()) {
                    expected.merge(s, 1L, Long::sum);
                }
            }
            QTable r = db.query("SELECT sym, count(*) AS n FROM trade GROUP BY sym ORDER BY sym");
            assertThat(r.column("sym")).isEqualTo(QSymbolVector.of(expected.keySet().toArray(new String[0])));
            assertThat(((QLongVector) r.column("n")).toArray())
                    .containsExactly(expected.values().stream().mapToLong(Long::longValue).toArray());
        }
    }

    @Test
    void materializedTablesAreDuckDbsOwnAndSeenThroughTheConnection() throws Exception {
        QTable t = trades(500, 6);
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.materialize("trade", t);
            try (Statement s = db.connection().createStatement()) {
                for (int i = 0; i < 2; i++) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*), min(price), max(size) FROM trade")) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getLong(1)).isEqualTo(500);
                        assertThat(rs.getDouble(2)).isEqualTo(((QFloatVector) t.column("price")).stream().min()
                                .orElseThrow());
                        assertThat(rs.getLong(3)).isEqualTo(((QLongVector) t.column("size")).stream().max()
                                .orElseThrow());
                    }
                }
            }
            // a self-join reads DuckDB's copy twice: fine once materialized
            QTable r = db.query("SELECT count(*) AS n FROM trade a JOIN trade b ON a.time = b.time");
            assertThat(((QLongVector) r.column("n")).get(0)).isGreaterThanOrEqualTo(500);
        }
    }

    @Test
    void duckDbSeesEachQTypeAsTheMappingSays() throws Exception {
        UUID guid = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        Instant instant = Instant.parse("2024-01-02T09:30:00.123456789Z");
        LocalDate day = LocalDate.of(2024, 2, 29);
        QTable t = QTable.of(
                List.of("b", "g", "x", "h", "i", "j", "e", "f", "c", "s", "str", "p", "d", "n"),
                List.of(QBooleanVector.of(true, false),
                        QGuidVector.of(guid, new UUID(0, 0)),
                        QByteVector.of((byte) 0xff, (byte) 1),
                        QShortVector.of((short) -7, Short.MIN_VALUE),
                        QIntVector.of(42, Integer.MIN_VALUE),
                        QLongVector.of(1L << 40, Long.MIN_VALUE),
                        QRealVector.of(1.5f, Float.NaN),
                        QFloatVector.of(-2.25, Double.NaN),
                        QCharVector.of("a "),
                        QSymbolVector.of("IBM", ""),
                        QList.of(QCharVector.of("hello"), QCharVector.of("")),
                        QTimestampVector.ofInstants(instant, null),
                        QDateVector.ofDates(day, null),
                        QTimespanVector.ofDurations(Duration.ofSeconds(90, 500_000), null)));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", t);
            db.execute("SET TimeZone = 'UTC'");
            String sql = "SELECT typeof(b), b, typeof(g), g::VARCHAR, typeof(x), x, typeof(h), h, typeof(i), i, "
                    + "typeof(j), j, typeof(e), e, typeof(f), f, typeof(s), s, typeof(str), str, "
                    + "typeof(p), epoch_ns(p), typeof(d), d::VARCHAR, typeof(n), epoch(n), c FROM t";
            try (Statement s = db.connection().createStatement()) {
                // the stream registered by QDuckDB is read once: this statement bypasses QDuckDB, so re-register
                db.register("t", t);
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(row(rs)).containsExactly(
                            "BOOLEAN", "true", "UUID", guid.toString(), "UTINYINT", "255", "SMALLINT", "-7",
                            "INTEGER", "42", "BIGINT", Long.toString(1L << 40), "FLOAT", "1.5", "DOUBLE", "-2.25",
                            "VARCHAR", "IBM", "VARCHAR", "hello", "TIMESTAMPTZ_NS",
                            Long.toString(instant.getEpochSecond() * 1_000_000_000 + instant.getNano()),
                            "DATE", day.toString(), "INTERVAL", "90.0005", "a");
                    assertThat(rs.next()).isTrue();
                    // q's nulls are SQL's NULL; a boolean and a byte have no null in q; guid 0Ng is null
                    assertThat(row(rs)).containsExactly(
                            "BOOLEAN", "false", "UUID", null, "UTINYINT", "1", "SMALLINT", null,
                            "INTEGER", null, "BIGINT", null, "FLOAT", null, "DOUBLE", null,
                            "VARCHAR", null, "VARCHAR", "", "TIMESTAMPTZ_NS", null,
                            "DATE", null, "INTERVAL", null, null);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }

    @Test
    void duckDbSeesTheOtherTemporalsAndNestedListsAsTheMappingSays() throws Exception {
        QTable t = QTable.of(List.of("m", "z", "u", "v", "t", "l"), List.of(
                QMonthVector.ofYearMonths(java.time.YearMonth.of(2024, 3), null),
                QDatetimeVector.ofInstants(Instant.parse("2024-01-02T09:30:15.250Z"), null),
                QMinuteVector.ofDurations(Duration.ofMinutes(9 * 60 + 30), null),
                QSecondVector.ofDurations(Duration.ofSeconds(34215), null),
                QTimeVector.ofDurations(Duration.ofMillis(34215123), null),
                QList.of(QLongVector.of(1, 2, 3), QLongVector.of())));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", t);
            String sql = "SELECT typeof(m), m::VARCHAR, typeof(z), epoch_ms(z), typeof(u), u::VARCHAR, typeof(v), "
                    + "v::VARCHAR, typeof(t), t::VARCHAR, typeof(l), l::VARCHAR FROM t";
            try (Statement s = db.connection().createStatement()) {
                db.register("t", t);
                try (ResultSet rs = s.executeQuery(sql)) {
                    assertThat(rs.next()).isTrue();
                    assertThat(row(rs)).containsExactly("DATE", "2024-03-01", "TIMESTAMP WITH TIME ZONE",
                            Long.toString(Instant.parse("2024-01-02T09:30:15.250Z").toEpochMilli()),
                            "TIME", "09:30:00", "TIME", "09:30:15", "TIME", "09:30:15.123",
                            "BIGINT[]", "[1, 2, 3]");
                    assertThat(rs.next()).isTrue();
                    assertThat(row(rs)).containsExactly("DATE", null, "TIMESTAMP WITH TIME ZONE", null,
                            "TIME", null, "TIME", null, "TIME", null, "BIGINT[]", "[]");
                }
            }
        }
    }

    private static List<String> row(ResultSet rs) throws Exception {
        List<String> cells = new ArrayList<>();
        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
            cells.add(rs.getString(c));
        }
        return cells;
    }

    @Test
    void keyedTablesGiveTheirKeyColumnsFirst() {
        QTable keys = QTable.of(List.of("sym"), List.of(QSymbolVector.of("IBM", "MSFT")));
        QTable values = QTable.of(List.of("price"), List.of(QFloatVector.of(101.5, 402.25)));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("last", QKeyedTable.of(keys, values));
            QTable r = db.query("SELECT * FROM last ORDER BY sym");
            assertThat(r.columnNames()).containsExactly("sym", "price");
            assertThat(((QFloatVector) r.column("price")).toArray()).containsExactly(101.5, 402.25);
        }
    }

    @Test
    void parquetWrittenFromQIsReadBackByDuckDb(@TempDir Path dir) throws Exception {
        QTable t = trades(2000, 7);
        Path file = dir.resolve("trade.parquet");
        QDuckDB.writeParquet(t, file);
        assertThat(Files.size(file)).isPositive();
        try (QDuckDB db = QDuckDB.inMemory()) {
            QTable r = db.query("SELECT * FROM read_parquet('" + file + "')");
            assertThat(r.columnNames()).containsExactly("time", "sym", "price", "size");
            assertThat(r.count()).isEqualTo(2000);
            assertThat(r.column("price")).isEqualTo(t.column("price"));
            assertThat(r.column("size")).isEqualTo(t.column("size"));
            // Parquet keeps the nanoseconds of a TIMESTAMP_NS
            assertThat(r.column("time")).isEqualTo(t.column("time"));
            for (int i = 0; i < t.count(); i++) {
                assertThat(text(r.column("sym").at(i))).isEqualTo(((QSymbolVector) t.column("sym")).get(i));
            }
            // a query's result to Parquet, too
            db.register("trade", t);
            Path ibm = dir.resolve("ibm.parquet");
            db.copyToParquet("SELECT * FROM trade WHERE sym = 'IBM'", ibm);
            QTable back = db.query("SELECT count(*) AS n FROM '" + ibm + "'");
            long expected = java.util.Arrays.stream(((QSymbolVector) t.column("sym")).array()).filter("IBM"::equals)
                    .count();
            assertThat(((QLongVector) back.column("n")).get(0)).isEqualTo(expected);
        }
    }

    @Test
    void refusedSqlNamesTheStatement() {
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("trade", trades(10, 8));
            assertThatThrownBy(() -> db.query("SELECT nope FROM trade"))
                    .isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("nope")
                    .hasMessageContaining("in: SELECT nope FROM trade");
            assertThatThrownBy(() -> db.unregister("quote"))
                    .isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("quote").hasMessageContaining("[trade]");
            db.unregister("trade");
            assertThatThrownBy(() -> db.query("SELECT * FROM trade")).isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("trade");
        }
    }

    @Test
    void aClosedDatabaseSaysSo() {
        QDuckDB db = QDuckDB.inMemory();
        db.close();
        db.close();
        assertThatThrownBy(() -> db.query("SELECT 1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void whereDuckDbCannotLoadTheMessageSaysWhyAndThatTheRestWorks() {
        // what DuckDB's driver throws when its native library cannot be loaded: the class fails to initialise
        Error failure = new ExceptionInInitializerError(
                new java.io.IOException("No such file or directory: /nonexistent/libduckdb_java.so"));
        QDuckDBException e = QDuckDB.unavailable(failure);
        assertThat(e).hasMessageContaining(System.getProperty("os.name"))
                .hasMessageContaining("native library could not be loaded")
                .hasMessageContaining("No such file or directory: /nonexistent/libduckdb_java.so")
                .hasMessageContaining("The rest of q4j works without it")
                .hasCause(failure);
    }

    @Test
    void materializingOverARegisteredNameReplacesIt() {
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", QTable.of(List.of("x"), List.of(QLongVector.of(1, 2, 3))));
            db.materialize("t", QTable.of(List.of("x"), List.of(QLongVector.of(10, 20))));
            QTable r = db.query("SELECT sum(x) AS s, count(*) AS n FROM t");
            assertThat(((QLongVector) r.column("s")).get(0)).isEqualTo(30);
            assertThat(((QLongVector) r.column("n")).get(0)).isEqualTo(2);
            assertThat(db.query("SELECT count(*) AS n FROM t").column("n")).isEqualTo(QLongVector.of(2));
        }
    }

    @Test
    void guidsComeBackAsGuidsThroughSql() {
        UUID a = UUID.fromString("01234567-89ab-cdef-0123-456789abcdef");
        UUID b = UUID.fromString("fedcba98-7654-3210-fedc-ba9876543210");
        QTable t = QTable.of(List.of("id"), List.of(QGuidVector.of(a, new UUID(0, 0), b)));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", t);
            assertThat(db.query("SELECT id FROM t").column("id")).isEqualTo(t.column("id"));
            assertThat(db.query("SELECT gen_random_uuid() AS u").column("u")).isInstanceOf(QGuidVector.class);
        }
    }

    @Test
    void intervalsComeBackAsTimespansToTheMicrosecondDuckDbKeeps() {
        QTable t = QTable.of(List.of("span"), List.of(QTimespanVector.of(3_723_123_456_789L, Long.MIN_VALUE)));
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", t);
            // DuckDB's INTERVAL holds microseconds: the nanoseconds are gone, as the class javadoc says
            assertThat(db.query("SELECT span FROM t").column("span"))
                    .isEqualTo(QTimespanVector.of(3_723_123_456_000L, Long.MIN_VALUE));
            assertThat(db.query("SELECT INTERVAL 5 MINUTE + INTERVAL 1 DAY AS i").column("i"))
                    .isEqualTo(QTimespanVector.of(86_400_000_000_000L + 300_000_000_000L));
            assertThatThrownBy(() -> db.query("SELECT INTERVAL 1 MONTH AS m"))
                    .isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("column m, row 0: an interval of 1 months has no q timespan")
                    .hasMessageContaining("cast the column in SQL");
        }
    }

    @Test
    void columnsOfOneNameAreAnErrorSayingToNameThemApart() {
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.materialize("t", trades(10, 9));
            assertThatThrownBy(() -> db.query("SELECT a.size, b.size FROM t a, t b LIMIT 1"))
                    .isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("size").hasMessageContaining("AS");
        }
    }

    @Test
    void aRegisteredTableReadTwiceInOneStatementSaysToMaterializeIt() {
        try (QDuckDB db = QDuckDB.inMemory()) {
            db.register("t", trades(100, 10));
            assertThatThrownBy(() -> db.query("SELECT count(*) AS n FROM t WHERE price > (SELECT avg(price) FROM t)"))
                    .isInstanceOf(QDuckDBException.class)
                    .hasMessageContaining("materialize()");
            db.materialize("t", trades(100, 10));
            assertThat(((QLongVector) db.query("SELECT count(*) AS n FROM t WHERE price > "
                    + "(SELECT avg(price) FROM t)").column("n")).get(0)).isPositive();
        }
    }

    /** a symbol or string cell as text, whichever q type the mapping gives a VARCHAR column */
    static String text(QValue cell) {
        if (cell instanceof dev.q4j.value.QSymbol s) {
            return s.value();
        }
        if (cell instanceof QCharVector chars) {
            return chars.asString();
        }
        throw new AssertionError("not text: " + cell);
    }
}
