package dev.q4j.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time a process has used, in user and kernel mode, from {@code /proc/PID/stat} (Linux; elsewhere unknown). The
 * kernel counts it in clock ticks of 10 ms ({@code USER_HZ}, 100 on Linux whatever the kernel's own tick), so a
 * difference over a measured phase of a few seconds is good to about 1 %.
 *
 * @param userNanos time in user mode
 * @param systemNanos time in the kernel on the process's behalf
 */
record CpuTime(long userNanos, long systemNanos) {
    static final CpuTime UNKNOWN = new CpuTime(-1, -1);
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** {@return the process's CPU time so far, or {@link #UNKNOWN}} */
    static CpuTime of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    private static CpuTime parse(String stat) {
        // the command name (field 2) is in parentheses and may hold spaces: count fields after its end
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // fields 14 and 15 of the line (utime, stime) are the 12th and 13th after the name
        return new CpuTime(Long.parseLong(f[11]) * NANOS_PER_TICK, Long.parseLong(f[12]) * NANOS_PER_TICK);
    }

    long total() {
        return userNanos + systemNanos;
    }

    CpuTime plus(CpuTime o) {
        return known() && o.known() ? new CpuTime(userNanos + o.userNanos, systemNanos + o.systemNanos) : UNKNOWN;
    }

    /**
     * {@return the CPU time of each live thread of a process so far (user and kernel together, held as user time), by
     * thread id, each with its name as the kernel knows it (the JVM passes a thread's name on, cut to 15
     * characters); empty where unknown}
     */
    static Map<String, Named> byThread(long pid) {
        Map<String, Named> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    // schedstat's first field: nanoseconds on a CPU, exact (a thread's utime and stime are tick
                    // samples, too coarse for 500 threads that each run a few milliseconds)
                    String name = Files.readString(task.resolve("comm")).strip();
                    long onCpu = Long.parseLong(Files.readString(task.resolve("schedstat")).split(" ")[0]);
                    out.put(task.getFileName().toString(), new Named(name, new CpuTime(onCpu, 0)));
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    /**
     * {@return the CPU time between two {@link #byThread} of the threads alive at both, summed by kind of thread
     * (the name without its number: {@code q4j-server-read-17} and {@code -18} are one kind), largest first; the CPU
     * of threads that ended meanwhile is not in it}
     */
    static Map<String, CpuTime> byKindBetween(Map<String, Named> before, Map<String, Named> after) {
        Map<String, CpuTime> sums = new HashMap<>();
        for (Map.Entry<String, Named> e : after.entrySet()) {
            Named was = before.get(e.getKey());
            if (was != null) {
                CpuTime d = e.getValue().cpu().since(was.cpu());
                sums.merge(kind(e.getValue().name()), d, CpuTime::plus);
            }
        }
        Map<String, CpuTime> sorted = new LinkedHashMap<>();
        sums.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().total(), a.getValue().total()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** {@return a thread's name without the number that tells threads of one kind apart} */
    static String kind(String name) {
        return name.replaceAll("[-#]?[0-9]+$", "").replaceAll("[-#]?[0-9]+-$", "");
    }

    /** A thread's name and CPU time. */
    record Named(String name, CpuTime cpu) {
    }

    /** {@return this process's own CPU time so far} */
    static CpuTime self() {
        return of(ProcessHandle.current().pid());
    }

    boolean known() {
        return userNanos >= 0 && systemNanos >= 0;
    }

    /** {@return the CPU time used since {@code earlier}, or {@link #UNKNOWN} when either is unknown} */
    CpuTime since(CpuTime earlier) {
        return known() && earlier.known()
                ? new CpuTime(userNanos - earlier.userNanos, systemNanos - earlier.systemNanos) : UNKNOWN;
    }

    /** {@return "user 5.1 + kernel 7.2 = 12.3 µs per request", or "?" when unknown} */
    String perRequest(long requests) {
        if (!known() || requests <= 0) {
            return "?";
        }
        double u = userNanos / 1e3 / requests;
        double s = systemNanos / 1e3 / requests;
        return String.format(java.util.Locale.ROOT, "user %.1f + kernel %.1f = %.1f µs per request", u, s, u + s);
    }
}
