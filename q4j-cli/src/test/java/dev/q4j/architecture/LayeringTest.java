package dev.q4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering every package-info states, enforced: the core does no I/O, the client and the server share only
 * {@code dev.q4j.ipc}, nothing depends on the command line, and q4j's packages form no cycle but one. Runs in
 * q4j-cli's tests because that module sees every other one; it reads the main classes only.
 */
class LayeringTest {
    private static final String[] CORE = {"dev.q4j", "dev.q4j.value..", "dev.q4j.codec..", "dev.q4j.text..",
            "dev.q4j.records..", "dev.q4j.internal"};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // main classes only, whether the build hands them over as folders (mvn test) or jars (mvn verify); not the
        // shared test support either (q4j-testing: main code of a module no user sees)
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*")))
                .withImportOption(location -> !location.matches(java.util.regex.Pattern.compile(".*q4j-testing.*")))
                .importPackages("dev.q4j");
    }

    @Test
    void everyModulesClassesAreChecked() {
        for (String c : List.of("dev.q4j.codec.Decoder", "dev.q4j.value.QLongVector", "dev.q4j.text.QText",
                "dev.q4j.records.RecordMapper", "dev.q4j.client.QConnection", "dev.q4j.server.QServer",
                "dev.q4j.ipc.Endpoint", "dev.q4j.arrow.QArrow", "dev.q4j.duckdb.QDuckDB", "dev.q4j.hdb.Hdb",
                "dev.q4j.unix.JunixsocketTransportProvider", "dev.q4j.cli.Q4j", "dev.q4j.tick.Tickerplant",
                "dev.q4j.examples.QueryExample", "dev.q4j.examples.demo.DemoRdb", "dev.q4j.testkit.FakeKdb",
                "dev.q4j.testkit.replay.ReplayServer", "dev.q4j.jdbc.QDriver", "dev.q4j.spark.KdbSource")) {
            assertThat(classes.contain(c)).as(c).isTrue();
        }
        assertThat(classes.stream().map(JavaClass::getSimpleName)).as("no test classes")
                .noneMatch(n -> n.endsWith("Test") || n.endsWith("IT"));
        assertThat(classes.stream().map(JavaClass::getPackageName)).as("no shared test support (q4j-testing)")
                .noneMatch(p -> p.startsWith("dev.q4j.testing"));
    }

    @Test
    void theCoreDoesNoIo() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat(ioOrThreads())
                .because("the codec and the value model are free of I/O and threads: transports feed them bytes "
                        + "(dev.q4j.codec's package-info)")
                .check(classes);
    }

    /**
     * Sockets, channels, files, streams other than in-memory ones, and threads or executors. Thread-safe collections
     * and {@code ThreadLocalRandom} (the codec's random hash keys) start no thread and are no I/O.
     */
    private static DescribedPredicate<JavaClass> ioOrThreads() {
        Set<String> inMemory = Set.of("java.io.ByteArrayOutputStream", "java.io.ByteArrayInputStream",
                "java.io.Serializable", "java.io.Serial", "java.io.IOException", "java.io.UncheckedIOException");
        return DescribedPredicate.describe("sockets, channels, files, streams or threads", (JavaClass c) -> {
            String p = c.getPackageName();
            String n = c.getFullName();
            return p.startsWith("java.net") || p.startsWith("java.nio.channels") || p.startsWith("java.nio.file")
                    || p.startsWith("javax.net") || p.equals("java.io") && !inMemory.contains(n)
                    || n.equals("java.lang.Thread") || n.equals("java.lang.ProcessBuilder")
                    || n.startsWith("java.util.concurrent.Executor") || n.startsWith("java.util.concurrent.Scheduled")
                    || n.equals("java.util.concurrent.ForkJoinPool");
        });
    }

    @Test
    void theCoreNeedsNothingOutsideItself() {
        noClasses().that().resideInAnyPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.ipc..", "dev.q4j.client..",
                        "dev.q4j.server..", "dev.q4j.arrow..", "dev.q4j.duckdb..", "dev.q4j.unix..", "dev.q4j.cli..",
                        "dev.q4j.hdb..", "dev.q4j.jdbc..", "dev.q4j.testkit..")
                .check(classes);
    }

    @Test
    void theClientAndTheServerShareOnlyTheTransports() {
        noClasses().that().resideInAPackage("dev.q4j.client..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.server..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.q4j.server..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.client..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.q4j.ipc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.client..", "dev.q4j.server..")
                .check(classes);
    }

    @Test
    void theJdbcDriverIsAClientOfTheClientAndNothingDependsOnIt() {
        noClasses().that().resideInAPackage("dev.q4j.jdbc..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.server..", "dev.q4j.tick..",
                        "dev.q4j.internal..", "dev.q4j.arrow..", "dev.q4j.duckdb..", "dev.q4j.unix..")
                .because("the driver speaks to kdb+ through dev.q4j.client's public API (q4j-jdbc's module-info)")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.q4j.jdbc..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.jdbc..")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("dev.q4j.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.cli..")
                .check(classes);
    }

    @Test
    void nothingButTheCommandLineDependsOnTheExamples() {
        noClasses().that().resideOutsideOfPackages("dev.q4j.cli..", "dev.q4j.examples..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.examples..")
                .because("q4j-examples is not published: the README's code and the demo's parts, for people")
                .check(classes);
    }

    @Test
    void theLibraryNeverNeedsTheTestkit() {
        noClasses().that().resideInAnyPackage(concat(CORE, "dev.q4j.ipc..", "dev.q4j.client..",
                        "dev.q4j.server..", "dev.q4j.tick..", "dev.q4j.internal..", "dev.q4j.arrow..",
                        "dev.q4j.duckdb..", "dev.q4j.unix.."))
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.testkit..")
                .because("q4j-testkit is for users' tests (and q4j record/replay), built on the library's public API")
                .check(classes);
    }

    @Test
    void theTickerplantIsAServiceOnTheServerNotPartOfIt() {
        noClasses().that().resideInAnyPackage("dev.q4j.server..", "dev.q4j.client..", "dev.q4j.ipc..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.tick..")
                .because("the tickerplant is built on the server's public API (dev.q4j.tick's package-info)")
                .check(classes);
        noClasses().that().resideInAPackage("dev.q4j.tick..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.client..")
                .check(classes);
    }

    @Test
    void theDataModulesNeedNoConnection() {
        noClasses().that().resideInAnyPackage("dev.q4j.arrow..", "dev.q4j.duckdb..", "dev.q4j.records..",
                        "dev.q4j.hdb..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.ipc..", "dev.q4j.client..",
                        "dev.q4j.server..")
                .because("a q table converts the same however it was obtained")
                .check(classes);
    }

    @Test
    void onlyTheSparkModuleNeedsSparkAndNothingNeedsIt() {
        noClasses().that().resideOutsideOfPackage("dev.q4j.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark's tree is large: it stays in q4j-spark, where it is provided (issue 17)")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.q4j.spark..")
                .should().dependOnClassesThat().resideInAPackage("dev.q4j.spark..")
                .because("q4j-spark is a leaf: Spark's data source over q4j-hdb and the client")
                .check(classes);
        noClasses().that().resideInAPackage("dev.q4j.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.server..", "dev.q4j.tick..",
                        "dev.q4j.testkit..", "dev.q4j.arrow..", "dev.q4j.duckdb..", "dev.q4j.jdbc..")
                .because("the source reads files through q4j-hdb and a kdb+ through the client, nothing else")
                .check(classes);
    }

    @Test
    void theFileReaderNeedsOnlyTheCore() {
        noClasses().that().resideInAPackage("dev.q4j.hdb..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.q4j.arrow..", "dev.q4j.duckdb..",
                        "dev.q4j.unix..", "dev.q4j.tick..", "dev.q4j.examples..")
                .because("q4j-hdb depends on q4j-core only (issue 17): Arrow is the caller's choice")
                .check(classes);
    }

    /**
     * One cycle is allowed: every value's {@code toString()} is its q text, which {@code dev.q4j.text} writes (and
     * the text package reads and writes values, through the codec for values with no literal). Any other cycle
     * fails. {@code dev.q4j.internal} counts as part of the value model: it is the value model's door for the
     * codec (attribute checks, symbol vectors made without a copy), not exported from the module.
     */
    @Test
    void packagesFormNoCycleButValuesPrintingThemselves() {
        slices().assignedFrom(new TopLevelPackages())
                .should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("the value model", (JavaClass c) ->
                                c.getPackageName().equals("dev.q4j.value")),
                        DescribedPredicate.describe("QText", (JavaClass c) ->
                                c.getFullName().equals("dev.q4j.text.QText")))
                .check(classes);
    }

    /** The one cycle allowed above is only that: the value model uses the text package for toString() alone. */
    @Test
    void theValueModelUsesTheTextPackageOnlyToPrintItself() {
        List<String> others = new ArrayList<>();
        for (JavaClass c : classes) {
            if (!c.getPackageName().equals("dev.q4j.value")) {
                continue;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                if (d.getTargetClass().getPackageName().startsWith("dev.q4j.text")
                        && !(d.getDescription().contains(".toString()> calls method <dev.q4j.text.QText.print("))) {
                    others.add(d.getDescription());
                }
            }
        }
        assertThat(others).as("uses of dev.q4j.text by the value model other than toString() printing").isEmpty();
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Slices by q4j package ({@code dev.q4j.X}), with {@code dev.q4j.internal} a part of {@code dev.q4j.value}. */
    private static final class TopLevelPackages implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass c) {
            String p = c.getPackageName();
            if (!p.startsWith("dev.q4j")) {
                return SliceIdentifier.ignore();
            }
            if (p.equals("dev.q4j.internal")) {
                return SliceIdentifier.of("value");
            }
            if (p.startsWith("dev.q4j.internal.")) {
                return SliceIdentifier.of(p.substring("dev.q4j.".length())); // a module's own internals (ipc's jfr)
            }
            String top = p.equals("dev.q4j") ? "dev.q4j" : p.substring("dev.q4j.".length()).split("\\.")[0];
            return SliceIdentifier.of(top);
        }

        @Override
        public String getDescription() {
            return "q4j's packages (the core's dev.q4j.internal as part of dev.q4j.value)";
        }
    }
}
