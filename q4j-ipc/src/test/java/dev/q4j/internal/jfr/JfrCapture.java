package dev.q4j.internal.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * A JDK Flight Recorder recording of q4j's events ({@code dev.q4j.*}) while a test runs, read as a stream: tests
 * wait for the events they expect (a stream delivers what threads committed at its next flush, about once a second)
 * and check their fields. Closing it stops the recording.
 *
 * <p>Not a recording dumped to a file while it runs: each dump starts a new chunk, and on JDK 17 an event committed
 * across that moment may then read its pooled strings (those of 17 to 127 characters) as {@code null}.
 */
public final class JfrCapture implements AutoCloseable {
    /** every event of q4j's client and server */
    public static final List<String> EVENTS = List.of("dev.q4j.ClientConnectionOpened",
            "dev.q4j.ClientConnectionClosed", "dev.q4j.ClientRequest", "dev.q4j.ServerConnectionOpened",
            "dev.q4j.ServerConnectionClosed", "dev.q4j.ServerRequest", "dev.q4j.ServerDisconnect");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingStream stream = new RecordingStream();
    private final List<RecordedEvent> events = new CopyOnWriteArrayList<>();

    /** Starts recording every q4j event, without a threshold. */
    public JfrCapture() {
        for (String name : EVENTS) {
            stream.enable(name).withoutThreshold();
        }
        // kept after the action: a stream reuses its event objects unless told not to
        stream.setReuse(false);
        stream.onEvent(events::add);
        stream.startAsync();
    }

    /**
     * Waits for the events named {@code name} that {@code which} accepts until there are {@code count}.
     *
     * @return them, in the order they were delivered
     * @throws AssertionError when fewer came within 10 s, listing the q4j events that came
     */
    public List<RecordedEvent> await(String name, int count, Predicate<RecordedEvent> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<RecordedEvent> found = find(name, which);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + name + " events, " + found.size()
                        + " came within " + WAIT.toMillis() + " ms; all recorded: " + events);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits for an event named {@code name} that {@code which} accepts, and checks that it is the only one (a
     * second one committed with it would have come in the same flush).
     */
    public RecordedEvent awaitOne(String name, Predicate<RecordedEvent> which) throws InterruptedException {
        List<RecordedEvent> found = await(name, 1, which);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + name + " event, " + found.size() + " came: " + found);
        }
        return found.get(0);
    }

    /** @return the events named {@code name} that {@code which} accepts, delivered so far */
    public List<RecordedEvent> find(String name, Predicate<RecordedEvent> which) {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(name) && which.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        stream.close();
    }
}
