package dev.q4j.bench.cold;

import dev.q4j.bench.Data;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decoding as most programs meet it: the first few large messages of a JVM that has done nothing else. For each
 * message and each library (q4j, javakdb), {@link ColdDecode} runs in a fresh JVM, several times (forks) taking
 * turns between the libraries; each fork times its decodes one by one, then decodes for a few seconds more and
 * takes a steady-state time in the same JVM. Prints, per message and library, the median over the forks of the
 * 1st, 2nd, 3rd and 10th decode and of the steady time; then q4j's 3rd decode against its steady time and q4j's
 * 1st decode against javakdb's 1st (issue 18's targets: within 1.5x, and at least 2x faster).
 *
 * <pre>
 * java -cp benchmarks.jar dev.q4j.bench.cold.ColdMain [--forks N] [--decodes N] [--steady SECONDS] [--only REGEX]
 *     [--jvm 'OPTIONS']
 * </pre>
 */
public final class ColdMain {
    /** the messages: name, what it is */
    private static final Map<String, String> MESSAGES = new LinkedHashMap<>();

    static {
        MESSAGES.put("symbols", "1M symbols, 1,000 distinct, random order");
        MESSAGES.put("trade", "1M-row trade table sorted by symbol (an HDB's day)");
        MESSAGES.put("trade-arrival", "1M-row trade table in arrival order (symbols in random order)");
        MESSAGES.put("longs", "10M longs");
    }

    private static final List<String> LIBRARIES = List.of("q4j", "javakdb");
    private static final int[] SHOWN = {1, 2, 3, 10};

    private final PrintStream out = System.out;
    private final PrintStream log = System.err;
    private int forks = 5;
    private int decodes = 10;
    private double steadySeconds = 3;
    private Pattern only;
    private List<String> jvm = List.of("-Xms2g", "-Xmx2g", "-XX:+UseParallelGC");

    private ColdMain() {
    }

    /**
     * Runs the cold benchmark.
     *
     * @param args options (see the class comment)
     * @throws Exception when a JVM cannot be started or fails
     */
    public static void main(String[] args) throws Exception {
        ColdMain m = new ColdMain();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--forks" -> m.forks = Integer.parseInt(args[++i]);
                case "--decodes" -> m.decodes = Math.max(10, Integer.parseInt(args[++i]));
                case "--steady" -> m.steadySeconds = Double.parseDouble(args[++i]);
                case "--only" -> m.only = Pattern.compile(args[++i]);
                case "--jvm" -> m.jvm = List.of(args[++i].trim().split("\\s+"));
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (--forks N, --decodes N, --steady SECONDS, --only REGEX, --jvm 'OPTIONS')");
            }
        }
        m.run();
    }

    private void run() throws Exception {
        Path dir = Files.createTempDirectory("q4j-cold");
        try {
            out.printf(Locale.ROOT, "cold decodes: a fresh JVM per library and fork (%d forks each, libraries taking "
                    + "turns), JVM options %s; times are medians over the forks, in ms; steady: the median of 11 "
                    + "decodes after %.0f s of decoding in the same JVM%n", forks, String.join(" ", jvm),
                    steadySeconds);
            for (Map.Entry<String, String> message : MESSAGES.entrySet()) {
                if (only != null && !only.matcher(message.getKey()).find()) {
                    continue;
                }
                Path file = dir.resolve(message.getKey() + ".bin");
                Files.write(file, Data.message(Data.value(message.getKey())));
                measure(message.getKey(), message.getValue(), file);
                Files.delete(file);
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private void measure(String name, String what, Path file) throws Exception {
        Map<String, List<long[]>> runs = new LinkedHashMap<>();
        for (String library : LIBRARIES) {
            runs.put(library, new ArrayList<>());
        }
        for (int fork = 0; fork < forks; fork++) {
            // take turns, starting with the other library each time, so neither always runs on a cooler machine
            for (int k = 0; k < LIBRARIES.size(); k++) {
                String library = LIBRARIES.get((fork + k) % LIBRARIES.size());
                long[] times = fork(library, file);
                runs.get(library).add(times);
                log.printf(Locale.ROOT, "%s %s fork %d: %s%n", name, library, fork + 1, describe(times));
            }
        }
        out.printf(Locale.ROOT, "%s (%s, %,d bytes)%n", name, what, Files.size(file));
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<long[]>> e : runs.entrySet()) {
            double[] m = new double[SHOWN.length + 1];
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s", e.getKey()));
            for (int s = 0; s < SHOWN.length; s++) {
                m[s] = median(e.getValue(), SHOWN[s] - 1);
                line.append(String.format(Locale.ROOT, " decode%d=%.1f", SHOWN[s], m[s]));
            }
            m[SHOWN.length] = median(e.getValue(), decodes);
            line.append(String.format(Locale.ROOT, " steady=%.1f", m[SHOWN.length]));
            medians.put(e.getKey(), m);
            out.println(line);
        }
        double[] q = medians.get("q4j");
        double[] k = medians.get("javakdb");
        out.printf(Locale.ROOT, "  q4j 3rd decode / q4j steady = %.2f (target <= 1.5); javakdb 1st / q4j 1st = %.2f "
                + "(target >= 2); q4j steady speedup over javakdb steady = %.2f%n", q[2] / q[SHOWN.length],
                k[0] / q[0], k[SHOWN.length] / q[SHOWN.length]);
    }

    /** {@return the times of one fresh JVM: its decodes, then its steady time, in nanoseconds} */
    private long[] fork(String library, Path file) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ColdDecode.class.getName());
        command.add(library);
        command.add(file.toString());
        command.add(Integer.toString(decodes));
        command.add(Double.toString(steadySeconds));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.US_ASCII))) {
            line = r.readLine();
        }
        int exit = p.waitFor();
        if (exit != 0 || line == null) {
            throw new IOException(library + " on " + file.getFileName() + " failed (exit " + exit + ")");
        }
        String[] parts = line.trim().split(" ");
        long[] times = new long[decodes + 1];
        for (int i = 0; i < decodes; i++) {
            times[i] = Long.parseLong(parts[i]);
        }
        times[decodes] = Long.parseLong(parts[decodes].substring("steady=".length()));
        return times;
    }

    private static double median(List<long[]> runs, int index) {
        long[] v = runs.stream().mapToLong(t -> t[index]).sorted().toArray();
        double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2.0;
        return m / 1e6;
    }

    private String describe(long[] times) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < decodes; i++) {
            b.append(String.format(Locale.ROOT, "%.1f ", times[i] / 1e6));
        }
        return b.append(String.format(Locale.ROOT, "steady %.1f ms", times[decodes] / 1e6)).toString();
    }
}
