package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables written as kdb+ writes them: the corpus's splayed tables (every simple type, enumerations, null
 * enumerations), read and written again next to a copy of their domain, give back kdb+'s own files byte for byte.
 */
class KdbWriterTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{1}")
    @CsvSource({"kdb_sample, 2022.12.05/ORD, sym_ORD", "kdb_sample, 2022.12.05/TRANSACTION, sym_TRANSACTION",
            "kdb_sample/allDataTypes, splayedTable, sym"})
    void writtenTableIsByteForByteWhatKdbWrote(String db, String table, String domain) throws IOException {
        Path from = HdbCorpus.root().resolve(db).resolve(table).normalize();
        Path root = tmp.resolve("db");
        Files.createDirectories(root);
        Files.copy(HdbCorpus.root().resolve(db).resolve(domain), root.resolve(domain));
        Hdb hdb = Hdb.open(HdbCorpus.root().resolve(db));
        String name = from.getFileName().toString();
        HdbTable t = hdb.table(name);
        QTable rows = t.partitioned() ? t.columns(t.columns().subList(1, t.columns().size()).toArray(new String[0]))
                .read() : t.read();
        Path to = root.resolve(table);
        KdbWriter.writeSplayed(to, rows, root.resolve(domain));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(to.resolve(f.getFileName())))
                        .as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
        assertThat(Files.readAllBytes(root.resolve(domain))).as("the domain, unchanged")
                .isEqualTo(Files.readAllBytes(HdbCorpus.root().resolve(db).resolve(domain)));
    }

    @Test
    void newSymbolsAreAppendedToTheDomainAndReadBack() {
        Path root = tmp.resolve("db");
        QTable t = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("b", "a", "", "b"),
                QLongVector.of(1, 2, 3, 4)));
        KdbWriter.writeSplayed(root.resolve("t"), t, root.resolve("sym"));
        assertThat(KdbFiles.symbols(root.resolve("sym")).toArray()).containsExactly("b", "a");
        QTable u = QTable.of(List.of("s", "x"), List.of(QSymbolVector.of("c", "a"), QLongVector.of(5, 6)));
        KdbWriter.writeSplayed(root.resolve("u"), u, root.resolve("sym"));
        assertThat(KdbFiles.symbols(root.resolve("sym")).toArray()).containsExactly("b", "a", "c");
        Hdb hdb = Hdb.open(root);
        assertThat(hdb.tables()).containsExactly("t", "u");
        assertThat(hdb.table("t").read()).isEqualTo(t);
        assertThat(hdb.table("u").read()).isEqualTo(u);
        assertThat(hdb.table("t").enumeration(null, "s").indices().get(2)).as("null").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void attributesAndNestedColumnsAreRefused() {
        QTable sorted = QTable.of(List.of("x"), List.of(QLongVector.of(1, 2).withAttribute(Attribute.SORTED)));
        assertThatThrownBy(() -> KdbWriter.writeSplayed(tmp.resolve("t"), sorted, tmp.resolve("sym")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute SORTED");
        QTable nested = Hdb.open(HdbCorpus.sample()).table("charArrayVector").read();
        assertThatThrownBy(() -> KdbWriter.writeSplayed(tmp.resolve("t"), nested, tmp.resolve("sym")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nestChar is a general list");
    }
}
