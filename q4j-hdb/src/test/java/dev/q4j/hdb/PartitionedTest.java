package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partitioned database kdb_sample (date partitions written by kdb+'s {@code .Q.dpft}), and, for month and int
 * partitions and {@code par.txt} segments, databases made for the test from the corpus's own files: the files are
 * kdb+'s, only the directory names and {@code par.txt} are written here (their form is KX's documented one; no kdb+
 * database so laid out is in the corpus).
 */
class PartitionedTest {
    @TempDir
    Path tmp;

    private final Hdb hdb = Hdb.open(HdbCorpus.sample());

    @Test
    void databaseListsItsTablesAndDatePartitions() {
        assertThat(hdb.partitionKind()).contains(PartitionKind.DATE);
        assertThat(hdb.partitions()).containsExactly("2022.06.17", "2022.12.05", "2023.03.24");
        assertThat(hdb.tables()).containsExactly("Daily", "ORD", "Syms", "TRANSACTION", "charArrayVector",
                "compressCharArrayVector", "intArrayVector", "quote_cffex", "widetable");
        HdbTable ord = hdb.table("ORD");
        assertThat(ord.partitioned()).isTrue();
        assertThat(ord.partitions()).containsExactly("2022.12.05");
        assertThat(ord.columns()).startsWith("date", "code", "market").hasSize(13);
        assertThat(ord.count("2022.12.05")).isEqualTo(5000);
    }

    @Test
    void schemaComesFromTheHeadersAlone() {
        List<HdbColumn> schema = hdb.table("Daily").columns("date", "sym", "preclose", "limitupdown").schema();
        assertThat(schema).containsExactly(
                new HdbColumn("date", QType.DATE, Attribute.NONE, HdbColumn.Storage.PARTITION, Optional.empty()),
                new HdbColumn("sym", QType.SYMBOL, Attribute.UNIQUE, HdbColumn.Storage.ENUMERATED, Optional.of("sym")),
                new HdbColumn("preclose", QType.FLOAT, Attribute.NONE, HdbColumn.Storage.SIMPLE, Optional.empty()),
                new HdbColumn("limitupdown", QType.SYMBOL, Attribute.GROUPED, HdbColumn.Storage.ENUMERATED,
                        Optional.of("sym")));
        assertThat(hdb.table("intArrayVector").schema()).extracting(HdbColumn::storage)
                .containsExactly(HdbColumn.Storage.NESTED, HdbColumn.Storage.NESTED);
        assertThat(hdb.table("widetable").columns("f2").schema()).extracting(HdbColumn::type)
                .containsExactly(QType.LONG);
    }

    @Test
    void tableWithNoRowsReadsItsColumnsAndTypes() {
        QTable t = hdb.table("quote_cffex").read();
        assertThat(t.count()).isZero();
        assertThat(t.columnNames()).hasSize(48).startsWith("date", "time", "sym");
        assertThat(t.column("time").type()).isEqualTo(QType.TIMESTAMP);
        assertThat(t.column("sym").type()).isEqualTo(QType.SYMBOL);
        assertThat(t.column("sym").attribute()).isEqualTo(Attribute.PARTED);
        assertThat(t.column("trading_date").type()).isEqualTo(QType.DATE);
    }

    @Test
    void onlyTheChosenColumnsAreRead() throws IOException {
        Path db = copyOrd(tmp.resolve("db"), "2022.12.05");
        // an unreadable file in a column not chosen: pruning never opens it
        Files.write(db.resolve("2022.12.05/ORD/volume"), new byte[] {1, 2, 3});
        QTable t = Hdb.open(db).table("ORD").columns("code", "price").read();
        assertThat(t.columnNames()).containsExactly("code", "price");
        assertThat(t.count()).isEqualTo(5000);
        assertThatThrownBy(() -> Hdb.open(db).table("ORD").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("volume");
    }

    @Test
    void onlyTheChosenPartitionsAreRead() throws IOException {
        Path db = copyOrd(tmp.resolve("db"), "2022.12.05");
        copyOrd(db, "2022.12.06");
        Files.write(db.resolve("2022.12.06/ORD/price"), new byte[] {1, 2, 3});
        Hdb h = Hdb.open(db);
        assertThat(h.partitions()).containsExactly("2022.12.05", "2022.12.06");
        QTable t = h.table("ORD").partitions("2022.12.05").read();
        assertThat(t.count()).isEqualTo(5000);
        assertThatThrownBy(() -> h.table("ORD").read()).isInstanceOf(HdbException.class)
                .hasMessageContaining("2022.12.06").hasMessageContaining("price");
    }

    @Test
    void partitionsJoinInOrderWithThePartitionColumnFirst() throws IOException {
        Path db = copyOrd(tmp.resolve("db"), "2022.12.06");
        copyOrd(db, "2022.12.05");
        HdbTable ord = Hdb.open(db).table("ORD");
        QTable t = ord.columns("date", "code", "order_index").read();
        assertThat(t.count()).isEqualTo(10000);
        assertThat(t.column("date").at(0).toString()).isEqualTo("2022.12.05");
        assertThat(t.column("date").at(9999).toString()).isEqualTo("2022.12.06");
        assertThat(t.column("order_index").at(5000)).isEqualTo(t.column("order_index").at(0));
        List<Integer> batches = new ArrayList<>();
        for (QTable b : ord.batches()) {
            batches.add(b.count());
        }
        assertThat(batches).containsExactly(5000, 5000);
    }

    @Test
    void batchesOfAtMostSoManyRowsSliceEachPartitionAndJoinToTheWhole() throws IOException {
        Path db = copyOrd(tmp.resolve("db"), "2022.12.05");
        copyOrd(db, "2022.12.06");
        HdbTable ord = Hdb.open(db).table("ORD");
        QTable whole = ord.read();
        List<Integer> sizes = new ArrayList<>();
        List<String> firstDates = new ArrayList<>();
        int row = 0;
        for (QTable b : ord.batches(1500)) {
            sizes.add(b.count());
            firstDates.add(b.column("date").at(0).toString());
            for (String c : whole.columnNames()) {
                for (int r = 0; r < b.count(); r++) {
                    assertThat(b.column(c).at(r)).as("%s row %d", c, row + r).isEqualTo(whole.column(c).at(row + r));
                }
            }
            row += b.count();
        }
        assertThat(sizes).containsExactly(1500, 1500, 1500, 500, 1500, 1500, 1500, 500);
        assertThat(firstDates).containsExactly("2022.12.05", "2022.12.05", "2022.12.05", "2022.12.05",
                "2022.12.06", "2022.12.06", "2022.12.06", "2022.12.06");
        assertThat(row).isEqualTo(10000);
    }

    @Test
    void rowsAndEnumerationSlicesReadTheRowsAsked() {
        HdbTable ord = hdb.table("ORD").partitions("2022.12.05");
        QTable whole = ord.read();
        QTable slice = ord.columns("order_index", "price").rows("2022.12.05", 1234, 100);
        assertThat(slice.columnNames()).containsExactly("order_index", "price");
        assertThat(slice.count()).isEqualTo(100);
        for (int r = 0; r < 100; r++) {
            assertThat(slice.column("price").at(r)).isEqualTo(whole.column("price").at(1234 + r));
        }
        Enumeration codes = ord.enumeration("2022.12.05", "code", 4990, 10);
        assertThat(codes.count()).isEqualTo(10);
        for (int r = 0; r < 10; r++) {
            assertThat(codes.get(r)).isEqualTo(((dev.q4j.value.QSymbolVector) whole.column("code")).get(4990 + r));
        }
        assertThatThrownBy(() -> ord.rows("2022.12.05", 4990, 11)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("rows 4990 to 5001 of 5000");
        assertThatThrownBy(() -> ord.enumeration("2022.12.05", "price", 0, 1)).isInstanceOf(HdbException.class)
                .hasMessageContaining("not an enumerated column");
    }

    @Test
    void batchesOfNestedAndSplayedTablesSliceTheirRows() {
        HdbTable nested = hdb.table("intArrayVector");
        List<String> rows = new ArrayList<>();
        for (QTable b : nested.batches(3)) {
            rows.add(b.count() + ":" + b.column("d"));
        }
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("3:(1 2 3;4;0)");
        assertThat(rows.get(1)).startsWith("1:,1 2 1 1");
        int n = 0;
        for (QTable b : hdb.table("quote_cffex").batches(10)) {
            n += b.count();
        }
        assertThat(n).as("no rows, no batch").isZero();
    }

    @Test
    void monthAndIntPartitionsGetTheirColumn() throws IOException {
        Path months = copyOrd(tmp.resolve("m"), "2022.12");
        copyOrd(months, "2022.11");
        Hdb m = Hdb.open(months);
        assertThat(m.partitionKind()).contains(PartitionKind.MONTH);
        QTable t = m.table("ORD").columns("month", "code").read();
        assertThat(t.column("month").type()).isEqualTo(QType.MONTH);
        assertThat(t.column("month").at(0).toString()).isEqualTo("2022.11m");
        Path ints = copyOrd(tmp.resolve("i"), "10");
        copyOrd(ints, "9");
        Hdb i = Hdb.open(ints);
        assertThat(i.partitions()).as("by value, not by name").containsExactly("9", "10");
        assertThat(i.table("ORD").columns("int").read().column("int").at(5000).toString()).isEqualTo("10i");
    }

    @Test
    void parTxtSegmentsHoldThePartitions() throws IOException {
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        Files.copy(HdbCorpus.sample().resolve("sym_ORD"), root.resolve("sym_ORD"));
        copyOrd(tmp.resolve("seg1"), "2022.12.05");
        copyOrd(tmp.resolve("seg2"), "2022.12.06");
        Files.writeString(root.resolve("par.txt"), tmp.resolve("seg1") + "\n../seg2\n", StandardCharsets.UTF_8);
        Hdb h = Hdb.open(root);
        assertThat(h.segments()).hasSize(2);
        assertThat(h.partitions()).containsExactly("2022.12.05", "2022.12.06");
        assertThat(h.table("ORD").read().count()).isEqualTo(10000);
    }

    @Test
    void partitionsNamedInTwoWaysAreAnError() throws IOException {
        Path db = copyOrd(tmp.resolve("db"), "2022.12.05");
        copyOrd(db, "2022.12");
        assertThatThrownBy(() -> Hdb.open(db)).isInstanceOf(HdbException.class).hasMessageContaining("beside");
    }

    /** {@return db}, holding the corpus's ORD table (and its domain) in partition {@code name} */
    static Path copyOrd(Path db, String name) throws IOException {
        Path from = HdbCorpus.sample().resolve("2022.12.05/ORD");
        Path to = db.resolve(name).resolve("ORD");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(HdbCorpus.sample().resolve("sym_ORD"), db.resolve("sym_ORD"), StandardCopyOption.REPLACE_EXISTING);
        return db;
    }
}
