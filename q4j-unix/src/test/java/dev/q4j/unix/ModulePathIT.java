package dev.q4j.unix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.testing.servers.RawServer;
import dev.q4j.testing.tools.Processes;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the module path, an application that requires only dev.q4j.ipc reaches an abstract Unix socket: the
 * {@code provides} clause binds the provider, and junixsocket's native library module is resolved without
 * {@code --add-modules}. (The other tests run on the class path, through META-INF/services.)
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ModulePathIT {

    @Test
    void anApplicationOnTheModulePathFindsTheProvider(@TempDir Path dir) throws Exception {
        // q4j's modules (a reactor's target/classes or the installed jars) and junixsocket's jars; not the test
        // libraries, which are no modules
        List<String> modules = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .filter(ModulePathIT::isModuleForTheApp)
                .map(Path::toString)
                .collect(Collectors.toList());
        assertThat(modules).anyMatch(e -> e.contains("q4j-unix")).anyMatch(e -> e.contains("junixsocket-common"));
        String modulePath = String.join(File.pathSeparator, modules);

        Path src = dir.resolve("src/app");
        Files.createDirectories(src.resolve("app"));
        Files.writeString(src.resolve("module-info.java"), "module app { requires dev.q4j.ipc; }\n");
        Files.writeString(src.resolve("app/Main.java"), String.join("\n",
                "package app;",
                "import dev.q4j.client.*;",
                "import dev.q4j.ipc.Endpoint;",
                "public class Main {",
                "    public static void main(String[] args) {",
                "        try (QConnection q = QConnection.connect(",
                "                ConnectionOptions.builder(Endpoint.abstractUnix(args[0])).build())) {",
                "            System.out.println(\"capability \" + q.capability() + \" \" + q.query(\"x\"));",
                "        }",
                "    }",
                "}", ""));
        Path classes = dir.resolve("classes");
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
                "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC", "-Xlint:-classfile",
                "-d", classes.toString(), "--module-path", modulePath,
                src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString()));

        String name = AbstractSockets.uniqueName();
        try (RawServer server = AbstractSockets.server(name, peer -> {
            peer.handshake(3);
            peer.read();
            peer.write(dev.q4j.codec.MessageType.RESPONSE, dev.q4j.value.QSymbol.of("modulepath"));
            peer.endOfStream();
        })) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    // junixsocket loads its native library: from JDK 22 on, a module that does so without this
                    // gets a warning on stderr (and will be refused in a later JDK); JDK 17 takes the flag too
                    "--enable-native-access=org.newsclub.net.unix",
                    "--module-path", classes + File.pathSeparator + modulePath,
                    "-m", "app/app.Main", name));
            String output = run(command);
            assertThat(output).isEqualToIgnoringNewLines("capability 3 `modulepath");
            assertThat(server.accepted()).isEqualTo(1);
        }
    }

    /** Runs a JDK tool to completion (at most 20 s) and returns its output; fails on a non-zero exit. */
    private static String run(List<String> command) throws Exception {
        return Processes.run(command, Duration.ofSeconds(20));
    }

    private static boolean isModuleForTheApp(Path entry) {
        String name = entry.getFileName().toString();
        if (name.endsWith(".jar")) {
            return name.startsWith("q4j-") || name.startsWith("junixsocket-");
        }
        return name.equals("classes") && entry.getParent() != null && entry.getParent().getParent() != null
                && entry.getParent().getParent().getFileName().toString().startsWith("q4j-");
    }
}
