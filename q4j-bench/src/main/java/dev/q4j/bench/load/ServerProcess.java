package dev.q4j.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A {@link LoadServer} in a JVM of its own, with its threads, descriptors and resident memory read from
 * {@code /proc} (Linux; elsewhere they read as -1). Closing it closes the server's standard input, which stops it,
 * and kills it if it has not exited within 5 seconds.
 */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Thread stderrPump;

    ServerProcess(LoadServer.Kind kind, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LoadServer.class.getName());
        command.add(kind.label());
        process = new ProcessBuilder(command).start();
        // the server's own log (q4j logs each hostile client it drops) would flood the report: keep the last lines
        stderrPump = new Thread(this::pumpStderr, "load-server-stderr");
        stderrPump.setDaemon(true);
        stderrPump.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = out.readLine();
        // the JVM may print first (-XX:StartFlightRecording does)
        while (line != null && !line.startsWith("port ")) {
            line = out.readLine();
        }
        if (line == null || !line.startsWith("port ")) {
            close();
            throw new IOException("the " + kind.label() + " server did not start: " + line + "; " + lastError());
        }
        port = Integer.parseInt(line.substring(5).trim());
    }

    private final java.util.ArrayDeque<String> stderrTail = new java.util.ArrayDeque<>();
    private long stderrLines;

    private void pumpStderr() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (stderrTail) {
                    stderrLines++;
                    stderrTail.add(line);
                    if (stderrTail.size() > 20) {
                        stderrTail.poll();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    /** {@return the last lines the server wrote on standard error} */
    String lastError() {
        synchronized (stderrTail) {
            return String.join("\n", stderrTail);
        }
    }

    /** {@return how many lines the server wrote on standard error} */
    long errorLines() {
        synchronized (stderrTail) {
            return stderrLines;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** {@return the server's threads, open descriptors and resident memory now} */
    Usage usage() {
        return Usage.of(process.pid());
    }

    /**
     * {@return the context switches (voluntary and not) of each live thread of the server so far, by thread id, from
     * {@code /proc/PID/task/*}/status; empty where unknown}
     */
    Map<String, Long> contextSwitches() {
        return contextSwitches(process.pid());
    }

    static Map<String, Long> contextSwitches(long pid) {
        Map<String, Long> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                long sum = 0;
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")
                                || line.startsWith("nonvoluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    out.put(task.getFileName().toString(), sum);
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /**
     * {@return the context switches between two {@link #contextSwitches()} of the threads alive at both (a thread that
     * ended meanwhile takes its count with it), or -1 when unknown}
     */
    static long switchesBetween(Map<String, Long> before, Map<String, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            Long was = before.get(e.getKey());
            if (was != null) {
                sum += e.getValue() - was;
            }
        }
        return sum;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // it is being stopped anyway
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            stderrPump.join(1000);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Threads, descriptors and resident set of a process, -1 where unknown. */
    record Usage(long threads, long descriptors, long rssKiB) {
        static Usage of(long pid) {
            long threads = -1;
            long rss = -1;
            long fds = -1;
            Path proc = Path.of("/proc", Long.toString(pid));
            try {
                for (String line : Files.readAllLines(proc.resolve("status"))) {
                    if (line.startsWith("Threads:")) {
                        threads = Long.parseLong(line.substring(8).trim());
                    } else if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.substring(6).replace("kB", "").trim());
                    }
                }
                try (Stream<Path> s = Files.list(proc.resolve("fd"))) {
                    fds = s.count();
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or the process is gone
            }
            return new Usage(threads, fds, rss);
        }

        /** {@return the larger of each figure} */
        Usage max(Usage o) {
            return new Usage(Math.max(threads, o.threads), Math.max(descriptors, o.descriptors),
                    Math.max(rssKiB, o.rssKiB));
        }

        @Override
        public String toString() {
            return "threads=" + threads + " fds=" + descriptors + " rss=" + (rssKiB < 0 ? "?" : rssKiB / 1024 + "MB");
        }
    }
}
