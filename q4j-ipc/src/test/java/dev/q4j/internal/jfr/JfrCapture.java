package dev.q4j.internal.jfr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JDK Flight Recorder recording of q4j's events ({@code dev.q4j.*}) while a test runs. Tests wait for the events
 * they expect: the recording is dumped to a temporary file (which writes out what every thread has committed so
 * far) and read back with {@link RecordingFile}, until they are there. Closing it stops the recording and deletes
 * the files.
 */
public final class JfrCapture implements AutoCloseable {
    /** every event of q4j's client and server */
    public static final List<String> EVENTS = List.of("dev.q4j.ClientConnectionOpened",
            "dev.q4j.ClientConnectionClosed", "dev.q4j.ClientRequest", "dev.q4j.ServerConnectionOpened",
            "dev.q4j.ServerConnectionClosed", "dev.q4j.ServerRequest", "dev.q4j.ServerDisconnect");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Recording recording = new Recording();
    private final Path dir;

    /** Starts recording every q4j event, without a threshold. */
    public JfrCapture() {
        try {
            dir = Files.createTempDirectory("q4j-jfr");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String name : EVENTS) {
            recording.enable(name).withoutThreshold();
        }
        recording.start();
    }

    /**
     * Waits for the events named {@code name} that {@code which} accepts until there are {@code count}.
     *
     * @return them, in the order they were committed
     * @throws AssertionError when fewer came within 10 s, listing the q4j events that came
     */
    public List<RecordedEvent> await(String name, int count, Predicate<RecordedEvent> which)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<RecordedEvent> all = events();
            List<RecordedEvent> found = select(all, name, which);
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + name + " events, " + found.size()
                        + " came within " + WAIT.toMillis() + " ms; all recorded: " + all);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Waits for an event named {@code name} that {@code which} accepts, then a little longer to see that no second
     * one comes (a second would be committed as soon as the first).
     */
    public RecordedEvent awaitOne(String name, Predicate<RecordedEvent> which) throws InterruptedException {
        RecordedEvent first = await(name, 1, which).get(0);
        Thread.sleep(100);
        List<RecordedEvent> all = find(name, which);
        if (all.size() != 1) {
            throw new AssertionError("expected one " + name + " event, " + all.size() + " came: " + all);
        }
        return first;
    }

    /** @return the events named {@code name} that {@code which} accepts, committed so far */
    public List<RecordedEvent> find(String name, Predicate<RecordedEvent> which) {
        return select(events(), name, which);
    }

    private static List<RecordedEvent> select(List<RecordedEvent> events, String name,
            Predicate<RecordedEvent> which) {
        List<RecordedEvent> out = new ArrayList<>();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals(name) && which.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    /** @return every event committed so far, oldest first */
    public List<RecordedEvent> events() {
        try {
            Path file = Files.createTempFile(dir, "dump", ".jfr");
            try {
                recording.dump(file);
                List<RecordedEvent> all = new ArrayList<>(RecordingFile.readAllEvents(file));
                all.sort((a, b) -> a.getEndTime().compareTo(b.getEndTime()));
                return all;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        recording.close();
        Files.deleteIfExists(dir);
    }
}
