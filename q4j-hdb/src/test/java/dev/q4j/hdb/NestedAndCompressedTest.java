package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nested columns (a {@code name} file of type 77 beside its {@code name#} data) and compressed files ({@code
 * kxzipped}, gzip) as real kdb+ wrote them: kdb_sample/charArrayVector, intArrayVector, compressCharArrayVector.
 */
class NestedAndCompressedTest {
    private final Hdb hdb = Hdb.open(HdbCorpus.sample());

    @Test
    void nestedStringColumnReadsItsListsAndAtoms() {
        QTable t = hdb.table("charArrayVector").read();
        assertThat(t.count()).isEqualTo(2000);
        QList nest = (QList) t.column("nestChar");
        List<String> first = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            first.add(nest.at(r).toString());
        }
        // "a" is stored as an atom (form 1, 0x75 'a'), the others as char lists (0x89, count, bytes)
        assertThat(first).containsExactly("\"aa\"", "\"a\"", "\"\"", "\"dolphindb\"", "\"123456789\"");
        assertThat(nest.at(1)).isInstanceOf(QChar.class);
        assertThat(nest.at(0)).isInstanceOf(QCharVector.class);
        for (int r = 0; r < 2000; r++) {
            assertThat(nest.at(r)).as("row %d", r).isEqualTo(nest.at(r % 5));
        }
    }

    @Test
    void nestedColumnsOfMixedItemsReadEachForm() {
        QTable t = hdb.table("intArrayVector").read();
        assertThat(t.columnNames()).containsExactly("d", "lh");
        QList d = (QList) t.column("d");
        assertThat(d.count()).isEqualTo(4);
        assertThat(d.at(0)).isEqualTo(QLongVector.of(1, 2, 3));
        assertThat(d.at(1)).isEqualTo(QLong.of(4));
        assertThat(d.at(2)).isEqualTo(QLong.of(0));
        // the fourth row is stored in full (form 0: kdb+'s in-memory layout, 30 longs)
        QValue fourth = d.at(3);
        assertThat(fourth.type()).isEqualTo(QType.LONG);
        assertThat(((QLongVector) fourth).count()).isEqualTo(30);
        assertThat(((QLongVector) fourth).get(0)).isEqualTo(1);
        assertThat(((QLongVector) fourth).get(1)).isEqualTo(2);
        QList lh = (QList) t.column("lh");
        assertThat(lh.toString()).isEqualTo("(\"abc\";\"c\";\"u\";\"dolphindb\")");
    }

    @Test
    void compressedTableReadsAsTheSameTableUncompressed() {
        QTable plain = hdb.table("charArrayVector").read();
        QTable zipped = hdb.table("compressCharArrayVector").read();
        assertThat(zipped.columnNames()).isEqualTo(plain.columnNames());
        assertThat(zipped.count()).isEqualTo(plain.count());
        for (String c : plain.columnNames()) {
            assertThat(zipped.column(c)).as(c).isEqualTo(plain.column(c));
        }
    }

    @Test
    void compressedPartitionedColumnsOfTwoBlocksRead() {
        // Daily/sym is 200712 bytes uncompressed, in two gzip blocks of 131072 and 69640 bytes; u# on disk
        Enumeration sym = hdb.table("Daily").enumeration("2022.06.17", "sym");
        assertThat(sym.count()).isEqualTo(5408);
        assertThat(sym.get(0)).isEqualTo("000001.SH");
        assertThat(sym.attribute()).isEqualTo(dev.q4j.value.Attribute.UNIQUE);
    }

    @Test
    void compressedFileUncompressesOnlyItsHeaderUntilItsItemsAreRead() {
        RawFile f = RawFile.read(HdbCorpus.sample().resolve("2022.06.17/Daily/sym"));
        assertThat(f.size).as("from the trailer").isEqualTo(200712);
        assertThat(f.head).as("the first block of 131072 bytes only").hasSize(131072);
        assertThat(f.all()).hasSize(200712);
    }

    @Test
    void tableSavedAsOneFileReadsAsATable() {
        QTable t = hdb.table("widetable").read();
        assertThat(t.count()).isEqualTo(1);
        assertThat(t.columnNames()).hasSize(130).startsWith("f1", "f2").endsWith("f130");
        assertThat(t.column("f1").type()).isEqualTo(QType.LONG);
        assertThat(t.column("f1").at(0)).isEqualTo(QLong.of(1));
        assertThat(t.column("f10").at(0)).isEqualTo(QLong.of(10));
        assertThat(t.column("f11").at(0)).isEqualTo(QLong.of(1));
        assertThat(hdb.table("widetable").columns("f3").read().columnNames()).containsExactly("f3");
    }
}
