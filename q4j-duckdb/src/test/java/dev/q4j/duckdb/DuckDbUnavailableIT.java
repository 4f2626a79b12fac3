package dev.q4j.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where DuckDB's native library does not load, {@link QDuckDB} says so and why, and the rest of q4j works: run in a
 * JVM of its own whose temporary folder does not exist, since DuckDB's driver unpacks its native library there when
 * its class first initialises; on a platform the driver has no library for, it fails at that same point.
 */
class DuckDbUnavailableIT {
    @TempDir
    Path dir;

    @Test
    void withoutItsNativeLibraryDuckDbSaysWhyAndArrowStillWorks() throws Exception {
        Path missing = dir.resolve("no-such-folder");
        Path parquet = dir.resolve("t.parquet");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Djava.io.tmpdir=" + missing,
                "-cp", System.getProperty("java.class.path"), DuckDbUnavailableMain.class.getName(),
                parquet.toString());
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("did not finish in 60 s: " + Files.readString(out));
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        String unavailable = "DuckDB is not available here (" + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + "): its native library could not be loaded (";
        // what the program prints; around it, the JVM's and the libraries' own warnings (SLF4J without a logger;
        // on newer JDKs the missing temporary folder and Arrow's use of sun.misc.Unsafe)
        List<String> lines = text.lines().filter(l -> l.startsWith("inMemory: ") || l.startsWith("writeParquet: ")
                || l.startsWith("arrow: ")).toList();
        assertThat(lines).as(text).hasSize(4);
        for (String line : lines.subList(0, 2)) {
            assertThat(line).startsWith("inMemory: " + unavailable).contains(missing + File.separator + "libduckdb")
                    .endsWith("). The rest of q4j works without it.");
        }
        assertThat(lines.get(2)).startsWith("writeParquet: " + unavailable);
        assertThat(lines.get(3)).isEqualTo("arrow: true");
        assertThat(parquet).doesNotExist();
    }
}
