package dev.q4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.testkit.FakeKdb;
import dev.q4j.testkit.Match;
import dev.q4j.testkit.Received;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The source over IPC, against q4j's fake kdb+ on 127.0.0.1 as the stand-in kdb+ process: it answers
 * {@code select[1] from trade where date=D} and {@code select COLUMNS from trade where date=D} from a table held per
 * date, as kdb+ would. Each test starts its fake and stops it.
 */
class IpcSourceIT {
    private static final Pattern FIRST_ROW = Pattern.compile("select\\[1\\] from trade where date=(\\S+)");
    private static final Pattern SELECT = Pattern.compile("select (\\S*) from trade where date=(\\S+)");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 2);
    private static SparkSession spark;
    private final Map<String, QTable> days = new LinkedHashMap<>();
    private FakeKdb fake;

    @BeforeAll
    static void start() {
        spark = SparkTests.session("ipc");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void startKdb() throws IOException {
        for (int d = 0; d < 5; d++) {
            LocalDate day = FIRST.plusDays(d);
            int n = 3 + d;
            int[] date = new int[n];
            String[] sym = new String[n];
            long[] time = new long[n];
            double[] price = new double[n];
            long[] size = new long[n];
            QValue[] note = new QValue[n];
            for (int r = 0; r < n; r++) {
                date[r] = (int) (day.toEpochDay() - 10957);
                sym[r] = r == 1 ? "" : "S" + (r % 3);
                time[r] = (day.toEpochDay() - 10957) * 86_400_000_000_000L + r * 1_000_000_123L;
                price[r] = r == 2 ? Double.NaN : 100 + d + r / 4.0;
                size[r] = 10L * r + d;
                note[r] = QCharVector.of("note " + d + "/" + r);
            }
            days.put(q(day), QTable.of(List.of("date", "sym", "time", "price", "size", "note"),
                    List.of(QDateVector.wrap(date), QSymbolVector.wrap(sym), QTimestampVector.wrap(time),
                            QFloatVector.wrap(price), QLongVector.wrap(size), QList.of(note))));
        }
        fake = FakeKdb.builder().credentials("spark", "secret").lenient().start();
        fake.when(Match.pattern(FIRST_ROW.pattern())).thenAnswer(this::firstRow);
        fake.when(Match.pattern(SELECT.pattern())).thenAnswer(this::select);
        fake.when("select from trade where size>40").thenReturn(days.get(q(FIRST.plusDays(4))));
        fake.when("1 sublist (count trade)").thenReturn(new QLong(42));
    }

    @AfterEach
    void stopKdb() {
        fake.close();
    }

    private static String q(LocalDate d) {
        return d.toString().replace('-', '.');
    }

    private static String text(Received r) {
        return ((QCharVector) r.value()).asString();
    }

    private Object firstRow(Received r) {
        Matcher m = FIRST_ROW.matcher(text(r));
        m.matches();
        QTable t = days.get(m.group(1));
        List<QSequence> cols = new ArrayList<>();
        for (QSequence c : t.columns()) {
            cols.add(c instanceof QVector ? QVectors.ofAtoms(c.type(), List.of(c.at(0))) : QList.of(c.at(0)));
        }
        return QTable.of(t.columnNames(), cols);
    }

    private Object select(Received r) {
        Matcher m = SELECT.matcher(text(r));
        m.matches();
        QTable t = days.get(m.group(2));
        if (t == null) {
            return QTable.of(List.of("date", "sym"), List.of(QDateVector.of(), QSymbolVector.of()));
        }
        if (m.group(1).isEmpty()) {
            return t;
        }
        List<String> names = List.of(m.group(1).split(","));
        List<QSequence> cols = new ArrayList<>();
        for (String c : names) {
            cols.add(t.column(c));
        }
        return QTable.of(names, cols);
    }

    private Dataset<Row> read(String from, String to) {
        return spark.read().format("kdb").option("host", "127.0.0.1").option("port", fake.port())
                .option("user", "spark").option("password", "secret").option("table", "trade")
                .option("from", from).option("to", to).load();
    }

    private static List<List<Object>> expected(QTable t, List<String> columns) {
        List<List<Object>> out = new ArrayList<>();
        for (int r = 0; r < t.count(); r++) {
            List<Object> row = new ArrayList<>();
            for (String c : columns) {
                row.add(SparkTests.expected(t.column(c).at(r)));
            }
            out.add(row);
        }
        return out;
    }

    private static List<List<Object>> rows(Dataset<Row> ds) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : ds.collectAsList()) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                row.add(r.get(i));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void theReadmeExampleReadsFilesAndALiveKdb(@org.junit.jupiter.api.io.TempDir java.nio.file.Path db) {
        GeneratedHdb.write(db, 5, 2000);
        List<Dataset<Row>> results = ReadmeExample.run(spark, db.toString(), "127.0.0.1", fake.port());
        // the sizes of S1 and S7 over the first four days, as q4j-hdb reads them
        Map<String, Long> expected = new java.util.TreeMap<>();
        dev.q4j.hdb.HdbTable trade = dev.q4j.hdb.Hdb.open(db).table("trade");
        for (String day : List.of("2024.01.02", "2024.01.03", "2024.01.04", "2024.01.05")) {
            QTable t = trade.partitions(day).columns("sym", "size").read();
            QSymbolVector sym = (QSymbolVector) t.column("sym");
            QLongVector size = (QLongVector) t.column("size");
            for (int r = 0; r < sym.count(); r++) {
                if (sym.get(r).equals("S1") || sym.get(r).equals("S7")) {
                    expected.merge(sym.get(r), size.get(r), Long::sum);
                }
            }
        }
        Map<String, Long> got = new java.util.TreeMap<>();
        for (Row r : results.get(0).collectAsList()) {
            got.put(r.getString(0), r.getLong(1));
        }
        assertThat(got).isEqualTo(expected).hasSize(2);
        // the live table's four dates, as the fake kdb+ holds them
        long rows = days.values().stream().limit(4).mapToLong(QTable::count).sum();
        assertThat(results.get(1).count()).isEqualTo(rows).isEqualTo(3 + 4 + 5 + 6);
    }

    @Test
    void aTableIsReadOneDateAtATimeThroughKdb() {
        Dataset<Row> ds = read("2024-01-02", "2024.01.06");
        assertThat(ds.columns()).containsExactly("date", "sym", "time", "price", "size", "note");
        assertThat(ds.rdd().getNumPartitions()).as("a Spark partition per date").isEqualTo(5);
        List<List<Object>> expected = new ArrayList<>();
        for (QTable t : days.values()) {
            expected.addAll(expected(t, t.columnNames()));
        }
        assertThat(rows(ds)).isEqualTo(expected);
        assertThat(fake.received(Match.pattern("select date,sym,time,price,size,note from trade where date=.*")))
                .hasSize(5);
        assertThat(ds.count()).as("no column asked for: the rows counted").isEqualTo(expected.size());
    }

    @Test
    void dateFiltersAndColumnsAreSentToKdb() {
        fake.clearReceived();
        Dataset<Row> ds = read("2024-01-02", "2024-01-06").filter(col("date").geq(FIRST.plusDays(3)))
                .select("size", "sym");
        assertThat(ds.rdd().getNumPartitions()).isEqualTo(2);
        List<List<Object>> expected = new ArrayList<>();
        expected.addAll(expected(days.get("2024.01.05"), List.of("size", "sym")));
        expected.addAll(expected(days.get("2024.01.06"), List.of("size", "sym")));
        assertThat(rows(ds)).isEqualTo(expected);
        List<String> sent = fake.received(Match.pattern("select .* from trade where date=.*")).stream()
                .map(IpcSourceIT::text).toList();
        assertThat(sent).contains("select date,sym,size from trade where date=2024.01.05",
                "select date,sym,size from trade where date=2024.01.06")
                .noneMatch(s -> s.contains("2024.01.04") && !s.startsWith("select[1]"));
    }

    @Test
    void aQueryIsOneSparkPartition() {
        fake.when("1 sublist (select from trade where size>40)").thenAnswer(r -> firstRow(
                new Received(r.kind(), QCharVector.of("select[1] from trade where date=2024.01.06"), r.connection(),
                        r.user())));
        Dataset<Row> ds = spark.read().format("kdb").option("host", "127.0.0.1").option("port", fake.port())
                .option("user", "spark").option("password", "secret")
                .option("query", "select from trade where size>40").load();
        assertThat(ds.rdd().getNumPartitions()).isEqualTo(1);
        QTable t = days.get("2024.01.06");
        assertThat(rows(ds.select("sym", "note", "price"))).isEqualTo(expected(t, List.of("sym", "note", "price")));
    }

    @Test
    void badOptionsAndAnswersAreClearErrors() {
        assertThatThrownBy(() -> spark.read().format("kdb").option("host", "127.0.0.1").option("port", fake.port())
                .option("user", "spark").option("password", "secret").option("query", "count trade").load())
                .hasMessageContaining("query count trade gave a long, not a table");
        assertThatThrownBy(() -> spark.read().format("kdb").option("host", "127.0.0.1").option("port", fake.port())
                .option("table", "trade").option("from", "2024-01-02").load())
                .hasMessageContaining("give both options from and to");
        assertThatThrownBy(() -> read("2024-01-06", "2024-01-02")).hasMessageContaining("lies before option from");
        assertThatThrownBy(() -> spark.read().format("kdb").option("host", "127.0.0.1").option("table", "t").load())
                .hasMessageContaining("option port is missing");
    }
}
