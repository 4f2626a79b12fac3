package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import java.lang.invoke.MethodHandles;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records in a named module: a public record in an exported package needs nothing, a record the module keeps to
 * itself gives an error that says what to do, and a lookup from the module reaches it. The module is compiled here
 * and loaded in a layer of its own.
 */
class RecordsModuleAccessTest {
    @TempDir
    static Path dir;
    private static ModuleLayer layer;

    @BeforeAll
    static void compileTheModule() throws Exception {
        Path src = dir.resolve("src");
        write(src.resolve("module-info.java"), "module m.trades { exports m.trades; }");
        write(src.resolve("m/trades/Open.java"), "package m.trades; public record Open(String sym, long size) {}");
        write(src.resolve("m/trades/Hidden.java"), "package m.trades; record Hidden(String sym, long size) {}");
        write(src.resolve("m/trades/Lookups.java"), "package m.trades; import java.lang.invoke.MethodHandles;"
                + " public final class Lookups { public static MethodHandles.Lookup lookup() {"
                + " return MethodHandles.lookup(); } public static Class<?> hidden() { return Hidden.class; } }");
        Path out = dir.resolve("out");
        // javac through java.base's ToolProvider: the tests are patched into dev.q4j.core, which reads no more
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
        int rc = javac.run(System.out, System.err, "-d", out.toString(), src.resolve("module-info.java").toString(),
                src.resolve("m/trades/Open.java").toString(), src.resolve("m/trades/Hidden.java").toString(),
                src.resolve("m/trades/Lookups.java").toString());
        assertThat(rc).as("javac").isZero();
        Configuration cf = ModuleLayer.boot().configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(),
                Set.of("m.trades"));
        layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    }

    private static void write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends Record> load(String name) throws ClassNotFoundException {
        return (Class<? extends Record>) layer.findLoader("m.trades").loadClass(name);
    }

    private static final QTable TABLE = (QTable) QText.parse("([] sym:`a`b; size:1 2)");

    @Test
    void aPublicRecordInAnExportedPackageNeedsNothing() throws Exception {
        List<? extends Record> rows = RecordMapper.defaults().toList(TABLE, load("m.trades.Open"));
        assertThat(rows).hasSize(2).extracting(Object::toString).containsExactly("Open[sym=a, size=1]",
                "Open[sym=b, size=2]");
    }

    @Test
    void aRecordTheModuleKeepsToItselfNeedsItsLookup() throws Exception {
        Class<? extends Record> hidden = load("m.trades.Hidden");
        assertThatThrownBy(() -> RecordMapper.defaults().toList(TABLE, hidden))
                .isInstanceOf(RecordMappingException.class)
                // the tests run q4j on the class path, which an unqualified opens reaches (a named dev.q4j.core
                // is told `opens m.trades to dev.q4j.core;`)
                .hasMessage("Hidden: cannot reach its constructor and accessors: module m.trades does not open"
                        + " m.trades to the class path. Add `opens m.trades;` to its module-info.java, or give the"
                        + " mapper a lookup from that module: RecordMapper.builder().lookup(MethodHandles.lookup())"
                        + ".build()");
        MethodHandles.Lookup lookup = (MethodHandles.Lookup) layer.findLoader("m.trades").loadClass("m.trades.Lookups")
                .getMethod("lookup").invoke(null);
        RecordMapper mapper = RecordMapper.builder().lookup(lookup).build();
        List<? extends Record> rows = mapper.toList(TABLE, hidden);
        assertThat(rows).extracting(Object::toString).containsExactly("Hidden[sym=a, size=1]", "Hidden[sym=b, size=2]");
        assertThat(mapper.toTable(cast(rows), hidden)).isEqualTo(TABLE);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
