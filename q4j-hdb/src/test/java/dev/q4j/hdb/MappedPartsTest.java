package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.QTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Column files are memory-mapped in parts of at most 1 GB (a Java buffer's limit is 2 GB); the corpus's files are
 * small, so here the parts are made 64 bytes: every column spans many mappings, and reads as with one.
 */
class MappedPartsTest {
    @AfterEach
    void restore() {
        RawFile.partBytes = RawFile.PART_BYTES;
    }

    private static QTable read(Path db, String table) {
        return Hdb.open(db).table(table).read();
    }

    @Test
    void tablesReadTheSameFromManySmallMappings() {
        Path sample = HdbCorpus.sample();
        Path types = HdbCorpus.root().resolve("kdb_sample/allDataTypes");
        QTable ord = read(sample, "ORD");
        QTable trans = read(sample, "TRANSACTION");
        QTable all = read(types, "splayedTable");
        RawFile.partBytes = 64;
        assertThat(read(sample, "ORD")).isEqualTo(ord);
        assertThat(read(sample, "TRANSACTION")).isEqualTo(trans);
        assertThat(read(types, "splayedTable")).isEqualTo(all);
    }

    @Test
    void mappedFileGivesItsItemsInPartsOfAPowerOfTwo() {
        RawFile.partBytes = 64;
        RawFile f = RawFile.read(HdbCorpus.sample().resolve("2022.12.05/ORD/price"));
        assertThat(f.whole).isFalse();
        assertThat(f.items(16, 5000, 8)).hasSize(625).allSatisfy(b -> assertThat(b.isDirect()).isTrue());
    }
}
