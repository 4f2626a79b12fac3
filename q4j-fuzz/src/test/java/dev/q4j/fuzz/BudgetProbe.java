package dev.q4j.fuzz;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures one {@link Work} on one input in a JVM of its own, without Jazzer's agent: {@code BudgetProbe WORK FILE}
 * runs the work {@value #RUNS} times and prints the least allocation and the least time of a run, as
 * {@code bytes nanos}. {@link Budget} starts it to tell a cost of q4j from a cost of Jazzer's hooks.
 */
final class BudgetProbe {
    /** runs per measurement: the first loads classes, the later ones show what the input itself costs */
    static final int RUNS = 5;

    private BudgetProbe() {
    }

    /**
     * @param args the work's name and the file holding the input
     * @throws Exception when the input cannot be read
     */
    public static void main(String[] args) throws Exception {
        Work work = Work.valueOf(args[0]);
        byte[] input = Files.readAllBytes(Path.of(args[1]));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long leastBytes = Long.MAX_VALUE;
        long leastNanos = Long.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            long bytes0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            work.run(input);
            leastNanos = Math.min(leastNanos, System.nanoTime() - t0);
            leastBytes = Math.min(leastBytes, threads.getCurrentThreadAllocatedBytes() - bytes0);
        }
        System.out.println(leastBytes + " " + leastNanos);
    }
}
