package dev.q4j.hdb;

import dev.q4j.corpus.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kdb+ files real kdb+ wrote, in {@code shared/corpus/hdb} (see its SOURCE.md). The corpus root is the system
 * property {@code q4j.corpus} (set by the build), else {@code ../shared/corpus} or {@code ../../shared/corpus}; a
 * missing corpus fails the test, it is never skipped.
 */
final class HdbCorpus {
    private HdbCorpus() {
    }

    static Path root() {
        Path hdb = Corpus.root().resolve("hdb");
        if (!Files.isDirectory(hdb)) {
            throw new IllegalStateException("corpus not found: " + Corpus.root() + " has no hdb directory");
        }
        return hdb;
    }

    /** {@return kdb_sample: a date-partitioned database with splayed tables and a table saved as one file} */
    static Path sample() {
        return root().resolve("kdb_sample");
    }

    static Path csv(String name) {
        return root().resolve("csv").resolve(name);
    }
}
