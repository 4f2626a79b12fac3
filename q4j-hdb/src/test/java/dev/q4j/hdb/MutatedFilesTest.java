package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kdb+ files with bytes changed at random, or cut short (seeded, so a failure repeats): reading each gives a
 * value or an {@link HdbException}, never another exception (an index out of bounds, a negative array size, an
 * out-of-memory error from a claimed length).
 */
class MutatedFilesTest {
    @TempDir
    Path tmp;

    /** tables of kdb_sample, each copied whole, with its domain; then one of its files is changed */
    private static final List<String> TABLES = List.of("charArrayVector", "compressCharArrayVector",
            "intArrayVector", "2022.12.05/TRANSACTION", "2022.06.17/Syms", "widetable");
    private static final int ROUNDS = Integer.getInteger("q4j.mutated.rounds", 300);

    @Test
    void mutatedFilesReadOrFailWithAnHdbException() throws IOException {
        Random random = new Random(Long.getLong("q4j.mutated.seed", 17));
        int failures = 0;
        int reads = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Path db = tmp.resolve("r" + round);
            String table = TABLES.get(round % TABLES.size());
            Path from = HdbCorpus.sample().resolve(table);
            Path dir = db.resolve(table);
            Files.createDirectories(dir.getParent());
            for (String domain : List.of("sym", "sym_TRANSACTION")) {
                Files.copy(HdbCorpus.sample().resolve(domain), db.resolve(domain));
            }
            List<Path> files;
            if (Files.isDirectory(from)) {
                Files.createDirectories(dir);
                try (Stream<Path> s = Files.list(from)) {
                    files = s.map(f -> dir.resolve(f.getFileName())).toList();
                }
                for (Path f : files) {
                    Files.copy(from.resolve(f.getFileName()), f, StandardCopyOption.REPLACE_EXISTING);
                }
            } else {
                Files.copy(from, dir);
                files = List.of(dir);
            }
            Path victim = files.get(random.nextInt(files.size()));
            byte[] b = Files.readAllBytes(victim);
            if (random.nextInt(4) == 0) {
                b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
            } else {
                for (int k = 1 + random.nextInt(4); k > 0; k--) {
                    int at = random.nextInt(b.length);
                    // around the headers most of the time, where lengths and types live
                    if (random.nextBoolean() && b.length > 4096 + 16) {
                        at = 4080 + random.nextInt(Math.min(64, b.length - 4080));
                    } else if (random.nextBoolean()) {
                        at = random.nextInt(Math.min(b.length, 24));
                    }
                    b[at] = (byte) random.nextInt(256);
                }
            }
            Files.write(victim, b);
            HdbTable t;
            try {
                t = Hdb.open(db).table(dir.getFileName().toString());
            } catch (IllegalArgumentException e) {
                // a table file whose header no longer says table: not listed as one, and said so
                assertThat(e.getMessage()).startsWith("no table " + dir.getFileName());
                failures++;
                continue;
            }
            try {
                t.read();
                reads++;
            } catch (HdbException e) {
                failures++;
            } catch (RuntimeException | OutOfMemoryError e) {
                fail("round " + round + ", " + victim.getFileName() + " of " + table + ": " + e, e);
            }
        }
        assertThat(failures).as("mutations caught").isPositive();
        assertThat(reads + failures).isEqualTo(ROUNDS);
    }
}
