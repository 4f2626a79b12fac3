package dev.q4j.internal.jfr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * A JDK Flight Recorder recording of q4j's events ({@code dev.q4j.*}) while a test runs, read as a stream: tests
 * wait for the events they expect (a stream delivers them about a second after they are committed) and check their
 * fields. Closing it stops the recording.
 */
public final class JfrCapture implements AutoCloseable {
    /** every event of q4j's client and server */
    public static final List<String> EVENTS = List.of("dev.q4j.ClientConnectionOpened",
            "dev.q4j.ClientConnectionClosed", "dev.q4j.ClientRequest", "dev.q4j.ServerConnectionOpened",
            "dev.q4j.ServerConnectionClosed", "dev.q4j.ServerRequest", "dev.q4j.ServerDisconnect");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final RecordingStream stream = new RecordingStream();
    private final List<RecordedEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicLong flushes = new AtomicLong();

    /** Starts recording every q4j event, without a threshold. */
    public JfrCapture() {
        for (String name : EVENTS) {
            stream.enable(name).withoutThreshold();
        }
        // kept after the action: a stream reuses its event objects unless told not to
        stream.setReuse(false);
        stream.onEvent(events::add);
        stream.onFlush(flushes::incrementAndGet);
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
            Thread.sleep(20);
        }
    }

    /**
     * Waits for exactly one event named {@code name} that {@code which} accepts, then until everything committed so
     * far has been delivered, to see that no second one comes.
     */
    public RecordedEvent awaitOne(String name, Predicate<RecordedEvent> which) throws InterruptedException {
        RecordedEvent first = await(name, 1, which).get(0);
        awaitDelivered();
        List<RecordedEvent> all = find(name, which);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + name + " event, " + all.size() + " came: " + all);
        }
        return first;
    }

    /**
     * Waits until every event committed before the call has been delivered: the stream flushes (about once a
     * second) what threads have committed; two flushes after the call have taken everything committed before it.
     */
    public void awaitDelivered() throws InterruptedException {
        long target = flushes.get() + 2;
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (flushes.get() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the recording stream did not flush within " + WAIT.toMillis() + " ms");
            }
            Thread.sleep(20);
        }
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
