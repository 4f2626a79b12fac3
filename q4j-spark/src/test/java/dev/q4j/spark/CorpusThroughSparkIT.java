package dev.q4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.hdb.Hdb;
import dev.q4j.value.QAtom;
import dev.q4j.value.QChar;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every table of the corpus of files real kdb+ wrote (shared/corpus/hdb), read through Spark, equals what q4j-hdb
 * reads directly: same columns, same rows in the same order, each value as Spark holds the q value.
 */
class CorpusThroughSparkIT {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkTests.session("corpus");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Stream<Arguments> tables() {
        List<Arguments> out = new ArrayList<>();
        Path sample = SparkTests.corpus().resolve("kdb_sample");
        for (String t : Hdb.open(sample).tables()) {
            out.add(Arguments.of(sample, t));
        }
        Path all = sample.resolve("allDataTypes");
        for (String t : Hdb.open(all).tables()) {
            out.add(Arguments.of(all, t));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tables")
    void everyCorpusTableReadThroughSparkEqualsWhatQ4jHdbReads(Path db, String table) {
        QTable direct = Hdb.open(db).table(table).read();
        Dataset<Row> ds = spark.read().format("kdb").option("table", table).option("maxRowsPerSplit", "1500")
                .option("batchRows", "700").load(db.toString());
        assertThat(List.of(ds.columns())).isEqualTo(direct.columnNames());
        List<Row> rows = ds.collectAsList();
        assertThat(rows).hasSize(direct.count());
        for (int c = 0; c < direct.columnNames().size(); c++) {
            QSequence col = direct.columns().get(c);
            for (int r = 0; r < direct.count(); r++) {
                Object got = rows.get(r).get(c);
                if (got instanceof scala.collection.Seq<?> seq) {
                    got = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(seq));
                }
                if (col.type() == QType.DATETIME) {
                    got = SparkTests.millis(got);
                }
                assertThat(got).as("%s.%s row %d", table, direct.columnNames().get(c), r)
                        .isEqualTo(expected(col, r));
            }
        }
    }

    private static Object expected(QSequence col, int r) {
        QValue v = col.at(r);
        if (col instanceof QList && v instanceof QAtom a) {
            return a instanceof QChar ch ? String.valueOf(ch.toChar()) : List.of(SparkTests.expected(a));
        }
        return SparkTests.expected(v);
    }
}
