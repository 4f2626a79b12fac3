package dev.q4j.fuzz;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * What one input may cost a fuzz target: a finding is more than {@link #timeLimitNanos()} on one input, or more
 * allocation than {@link #ALLOCATION_MULTIPLE} times the input plus {@link #ALLOCATION_SLACK} bytes.
 *
 * <p>Both are measured on the thread that runs the work, twice when the first run is over a limit: the smaller of
 * the two counts, so that class loading, JIT compilation or a garbage collection during the first run (costs of the
 * JVM, not of the input) are not findings, while a cost the input causes repeats and is one.
 *
 * <p>While fuzzing (environment variable {@code JAZZER_FUZZ} set) the time limit is one second; in a normal build,
 * on machines shared with other work, it is a generous ten. While fuzzing, the allocation allowed is
 * {@value #FUZZING_ALLOWANCE} times the stated budget: Jazzer's hooks allocate on the fuzzed thread too (an input
 * that allocates 76 KB in a plain JVM counted 196 KB under Jazzer). The kept inputs are held to the stated budget
 * in every build.
 */
final class Budget {
    /** allocation allowed per input byte */
    static final long ALLOCATION_MULTIPLE = 64;
    /** allocation allowed whatever the input */
    static final long ALLOCATION_SLACK = 64 * 1024;

    /** how much more allocation is allowed while fuzzing, for Jazzer's own */
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
     * Runs {@code work} within the budget for an input of {@code inputBytes}.
     *
     * @param what names the work in the finding
     * @param inputBytes the size the allocation is measured against
     * @param work repeatable work without side effects
     * @param <T> its result
     * @return its result
     * @throws AssertionError when the work costs more than the budget twice in a row
     */
    static <T> T bounded(String what, long inputBytes, Supplier<T> work) {
        long allowed = (ALLOCATION_MULTIPLE * inputBytes + ALLOCATION_SLACK) * (fuzzing() ? FUZZING_ALLOWANCE : 1);
        Cost first = measure(work);
        if (first.within(allowed)) {
            return first.result();
        }
        Cost second = measure(work);
        if (second.within(allowed)) {
            return second.result();
        }
        long nanos = Math.min(first.nanos, second.nanos);
        long bytes = Math.min(first.bytes, second.bytes);
        if (nanos > timeLimitNanos()) {
            throw new AssertionError(what + " took " + nanos / 1_000_000 + " ms on one input of " + inputBytes
                    + " bytes (the limit is " + timeLimitNanos() / 1_000_000 + " ms)");
        }
        throw new AssertionError(what + " allocated " + bytes + " bytes for an input of " + inputBytes
                + " bytes: more than " + ALLOCATION_MULTIPLE + " x the input + " + ALLOCATION_SLACK
                + (fuzzing() ? ", x " + FUZZING_ALLOWANCE + " while fuzzing" : "") + " (" + allowed + ")");
    }

    private static <T> Cost measure(Supplier<T> work) {
        long bytes0 = THREADS.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        T result = work.get();
        long nanos = System.nanoTime() - t0;
        long bytes = THREADS.getCurrentThreadAllocatedBytes() - bytes0;
        return new Cost(result, nanos, bytes);
    }

    private record Cost(Object value, long nanos, long bytes) {
        boolean within(long allowedBytes) {
            return nanos <= timeLimitNanos() && bytes <= allowedBytes;
        }

        @SuppressWarnings("unchecked")
        <T> T result() {
            return (T) value;
        }
    }
}
