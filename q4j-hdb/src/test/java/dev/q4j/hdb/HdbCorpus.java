package dev.q4j.hdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * The kdb+ files real kdb+ wrote, in {@code shared/corpus/hdb} (see its SOURCE.md). The corpus root is the system
 * property {@code q4j.corpus} (set by the build), else {@code ../shared/corpus} or {@code ../../shared/corpus}; a
 * missing corpus fails the test, it is never skipped.
 */
final class HdbCorpus {
    private HdbCorpus() {
    }

    static Path root() {
        String configured = System.getProperty("q4j.corpus");
        if (configured != null && !configured.isBlank()) {
            Path p = Paths.get(configured).toAbsolutePath().normalize().resolve("hdb");
            if (Files.isDirectory(p)) {
                return p;
            }
            throw new IllegalStateException("corpus not found: q4j.corpus=" + configured + " has no hdb directory");
        }
        for (String c : new String[] {"../shared/corpus/hdb", "../../shared/corpus/hdb"}) {
            Path p = Paths.get(c).toAbsolutePath().normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("corpus not found: set -Dq4j.corpus=<path to shared/corpus>");
    }

    /** {@return kdb_sample: a date-partitioned database with splayed tables and a table saved as one file} */
    static Path sample() {
        return root().resolve("kdb_sample");
    }

    static Path csv(String name) {
        return root().resolve("csv").resolve(name);
    }
}
