package dev.q4j.client;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** The threads q4j starts are all named {@code q4j-...}: tests use that to prove none is left behind. */
final class Q4jThreads {
    private Q4jThreads() {
    }

    /** @return the names of the live q4j threads */
    static List<String> live() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(n -> n.startsWith("q4j-"))
                .sorted()
                .collect(Collectors.toList());
    }

    /** @return the names of the live q4j threads whose name contains {@code part} */
    static List<String> live(String part) {
        return live().stream().filter(n -> n.contains(part)).collect(Collectors.toList());
    }

    /**
     * Waits until no live q4j thread's name contains {@code part}.
     *
     * @return the names still alive when the time ran out (empty on success)
     */
    static List<String> awaitNone(String part, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> left = live(part);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            left = live(part);
        }
        return left;
    }
}
