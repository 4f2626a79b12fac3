package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Partitions written as kdb+'s {@code .Q.dpft} lays them out (without its sorting and {@code p#}): the corpus's
 * partitions written again are kdb+'s files byte for byte, and a table written partitioned reads back as written.
 */
class KdbPartitionWriterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource({"2022.12.05, ORD, sym_ORD", "2022.12.05, TRANSACTION, sym_TRANSACTION"})
    void aCorpusPartitionWrittenAgainIsByteForByteWhatKdbWrote(String partition, String table, String domain)
            throws IOException {
        Path corpus = HdbCorpus.sample();
        Path db = tmp.resolve("db");
        Files.createDirectories(db);
        Files.copy(corpus.resolve(domain), db.resolve(domain));
        HdbTable t = Hdb.open(corpus).table(table).partitions(partition);
        List<String> cols = t.columns();
        QTable rows = t.columns(cols.subList(1, cols.size()).toArray(new String[0])).read();
        KdbWriter.writePartition(db, partition, table, rows, domain);
        Path from = corpus.resolve(partition).resolve(table);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(db.resolve(partition).resolve(table).resolve(f.getFileName())))
                        .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
        assertThat(Hdb.open(db).table(table).read()).isEqualTo(t.read());
    }

    @Test
    void aDatePartitionedTableIsWrittenInOneCallAndReadsBackAsWritten() {
        LocalDate d1 = LocalDate.of(2024, 1, 2);
        LocalDate d2 = LocalDate.of(2024, 1, 3);
        QTable trades = QTable.of(List.of("date", "sym", "price", "size"), List.of(
                QDateVector.ofDates(d2, d1, d2, d1, d1), QSymbolVector.of("a", "b", "", "c", "a"),
                QFloatVector.of(1, 2, 3, 4, 5), QLongVector.of(10, 20, 30, 40, 50)));
        Path db = tmp.resolve("db");
        assertThat(KdbWriter.writePartitioned(db, "trade", trades)).containsExactly("2024.01.02", "2024.01.03");
        Hdb hdb = Hdb.open(db);
        assertThat(hdb.partitions()).containsExactly("2024.01.02", "2024.01.03");
        assertThat(hdb.partitionKind()).contains(PartitionKind.DATE);
        QTable expected = QTable.of(List.of("date", "sym", "price", "size"), List.of(
                QDateVector.ofDates(d1, d1, d1, d2, d2), QSymbolVector.of("b", "c", "a", "a", ""),
                QFloatVector.of(2, 4, 5, 1, 3), QLongVector.of(20, 40, 50, 10, 30)));
        assertThat(hdb.table("trade").read()).isEqualTo(expected);
        assertThat(KdbFiles.symbols(db.resolve("sym")).toArray()).containsExactly("b", "c", "a");
    }

    @Test
    void monthAndIntPartitionsAreNamedAsKdbNamesThem() {
        QTable byMonth = QTable.of(List.of("month", "x"), List.of(QMonthVector.of(0, 299, 0),
                QLongVector.of(1, 2, 3)));
        assertThat(KdbWriter.writePartitioned(tmp.resolve("m"), "t", byMonth)).containsExactly("2000.01", "2024.12");
        assertThat(Hdb.open(tmp.resolve("m")).table("t").read().column("x")).isEqualTo(QLongVector.of(1, 3, 2));
        QTable byInt = QTable.of(List.of("int", "x"), List.of(QIntVector.of(7, 3), QLongVector.of(1, 2)));
        assertThat(KdbWriter.writePartitioned(tmp.resolve("i"), "t", byInt)).containsExactly("3", "7");
        assertThat(Hdb.open(tmp.resolve("i")).table("t").read()).isEqualTo(QTable.of(List.of("int", "x"),
                List.of(QIntVector.of(3, 7), QLongVector.of(2, 1))));
    }

    @Test
    void partitionsWrittenOneByOneShareTheSymDomain() {
        Path db = tmp.resolve("db");
        KdbWriter.writePartition(db, "2024.01.02", "t", QTable.of(List.of("s"), List.of(QSymbolVector.of("x", "y"))));
        KdbWriter.writePartition(db, "2024.01.03", "t", QTable.of(List.of("s"), List.of(QSymbolVector.of("z", "x"))));
        assertThat(KdbFiles.symbols(db.resolve("sym")).toArray()).containsExactly("x", "y", "z");
        assertThat(Hdb.open(db).table("t").enumeration("2024.01.03", "s").indices()).isEqualTo(QLongVector.of(2, 0));
    }

    @Test
    void badPartitionsAndTablesAreRefusedByName() {
        QTable t = QTable.of(List.of("x"), List.of(QLongVector.of(1)));
        assertThatThrownBy(() -> KdbWriter.writePartition(tmp, "2024-01-02", "t", t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2024-01-02' is not a partition");
        assertThatThrownBy(() -> KdbWriter.writePartition(tmp, "2024.02.30", "t", t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2024.02.30' is not a partition");
        assertThatThrownBy(() -> KdbWriter.writePartition(tmp, "2024.01.02", "../t", t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../t' is not a table name");
        QTable withDate = QTable.of(List.of("date", "x"), List.of(QDateVector.of(1), QLongVector.of(1)));
        assertThatThrownBy(() -> KdbWriter.writePartition(tmp, "2024.01.02", "t", withDate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carry a column date");
        assertThatThrownBy(() -> KdbWriter.writePartitioned(tmp, "t", t))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the first column must be the"
                        + " partition column");
        QTable nullDate = QTable.of(List.of("date", "x"), List.of(QDateVector.of(1, Integer.MIN_VALUE),
                QLongVector.of(1, 2)));
        assertThatThrownBy(() -> KdbWriter.writePartitioned(tmp, "t", nullDate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1's date is null");
        QSequence ts = QTimespanVector.of(1L).withAttribute(Attribute.SORTED);
        QTable sorted = QTable.of(List.of("date", "x"), List.of(QDateVector.of(1), ts));
        assertThat(KdbWriter.writePartitioned(tmp.resolve("s"), "t", sorted)).as("rows taken lose the attribute")
                .containsExactly("2000.01.02");
    }
}
