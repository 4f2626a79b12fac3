package dev.q4j.fuzz;

import dev.q4j.testing.tools.Processes;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one input may cost a fuzz target: a finding is more than {@link #timeLimitNanos()} on one input, or more
 * allocation than {@link #ALLOCATION_MULTIPLE} times the input plus {@link #ALLOCATION_SLACK} bytes.
 *
 * <p>Both are measured on the thread that runs the work, twice when the first run is over a limit: the smaller of
 * the two counts, so that class loading, JIT compilation or a garbage collection during the first run (costs of the
 * JVM, not of the input) are not findings, while a cost the input causes repeats and is one.
 *
 * <p>While fuzzing (environment variable {@code JAZZER_FUZZ} set) the time limit is one second; in a normal build,
 * on machines shared with other work, it is a generous ten. While fuzzing, Jazzer's hooks allocate on the fuzzed
 * thread too: its {@code String.equals} hook, for one, encodes both strings for libFuzzer, so that parsing 143
 * characters of q that allocates 23 KB counted 355 KB. An input over {@value #FUZZING_ALLOWANCE} times the budget
 * is therefore measured again in a JVM of its own without Jazzer ({@link BudgetProbe}), and is a finding only if it
 * is over the budget there too. A normal build (no hooks) holds every kept input to the budget itself.
 */
final class Budget {
    /** allocation allowed per input byte */
    static final long ALLOCATION_MULTIPLE = 64;
    /** allocation allowed whatever the input */
    static final long ALLOCATION_SLACK = 64 * 1024;

    /** how far over the budget an input may allocate under Jazzer before it is measured without Jazzer */
    static final long FUZZING_ALLOWANCE = 4;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Budget() {
    }

    /** @return true when Jazzer fuzzes (JAZZER_FUZZ set), false for a regression run over the kept inputs */
    static boolean fuzzing() {
        String v = System.getenv("JAZZER_FUZZ");
        return v != null && !v.isEmpty();
    }

    /** @return the longest one input may take */
    static long timeLimitNanos() {
        return fuzzing() ? 1_000_000_000L : 10_000_000_000L;
    }

    /**
     * Runs {@code work} on {@code input} within the budget for the input's {@link Work#base(byte[]) size}.
     *
     * @param work what to run
     * @param input the fuzzed input
     * @param <T> the work's result type, as the caller knows it
     * @return the work's result
     * @throws AssertionError when the work costs more than the budget twice in a row (and, while fuzzing, in a JVM
     *     without Jazzer as well)
     */
    @SuppressWarnings("unchecked")
    static <T> T bounded(Work work, byte[] input) {
        long budget = ALLOCATION_MULTIPLE * work.base(input) + ALLOCATION_SLACK;
        long allowed = budget * (fuzzing() ? FUZZING_ALLOWANCE : 1);
        Cost first = measure(work, input);
        if (first.within(allowed)) {
            return (T) first.value;
        }
        Cost second = measure(work, input);
        if (second.within(allowed)) {
            return (T) second.value;
        }
        long nanos = Math.min(first.nanos, second.nanos);
        long bytes = Math.min(first.bytes, second.bytes);
        if (nanos > timeLimitNanos()) {
            throw new AssertionError(work.label() + " took " + nanos / 1_000_000 + " ms on one input of "
                    + work.base(input) + " bytes (the limit is " + timeLimitNanos() / 1_000_000 + " ms)");
        }
        String where = "";
        if (fuzzing()) {
            long alone = withoutJazzer(work, input);
            if (alone <= budget) {
                return (T) second.value;
            }
            bytes = alone;
            where = " in a JVM without Jazzer (" + Math.min(first.bytes, second.bytes) + " under Jazzer)";
        }
        throw new AssertionError(work.label() + " allocated " + bytes + " bytes" + where + " for an input of "
                + work.base(input) + " bytes: more than " + ALLOCATION_MULTIPLE + " x the input + " + ALLOCATION_SLACK
                + " (" + budget + ")");
    }

    private static Cost measure(Work work, byte[] input) {
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        Object result = work.run(input);
        long nanos = System.nanoTime() - t0;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        return new Cost(result, nanos, bytes);
    }

    /** @return the least allocation of {@code work} on {@code input} in a fresh JVM with this one's class path */
    static long withoutJazzer(Work work, byte[] input) {
        Path file = null;
        try {
            file = Files.createTempFile("q4j-budget-", ".bin");
            Files.write(file, input);
            String out = Processes.run(List.of(Processes.jdkTool("java"), "-Xmx512m", "-cp",
                    System.getProperty("java.class.path"), BudgetProbe.class.getName(), work.name(),
                    file.toString()), Duration.ofSeconds(60)).trim();
            String[] lines = out.split("\\R");
            return Long.parseLong(lines[lines.length - 1].split(" ")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("BudgetProbe could not run: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while BudgetProbe ran", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    private record Cost(Object value, long nanos, long bytes) {
        boolean within(long allowedBytes) {
            return nanos <= timeLimitNanos() && bytes <= allowedBytes;
        }
    }
}
