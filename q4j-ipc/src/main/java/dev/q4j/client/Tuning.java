package dev.q4j.client;

import java.time.Duration;
import java.util.Objects;

/**
 * A connection's tuning knobs, in one immutable value: how long a blocking call spins for its reply
 * ({@link #spinWait()}), whether each async message is flushed at once ({@link #autoFlush()}), whether replies are
 * decoded in place ({@link #decodeInPlace()}), and how many pushed messages may wait for a slow listener
 * ({@link #messageBuffer()}). The defaults ({@link #DEFAULT}) suit most uses; change one with a {@code with} method
 * and hand the result to {@link ConnectionOptions.Builder#tuning(Tuning)}.
 *
 * <pre>{@code
 * ConnectionOptions options = ConnectionOptions.builder("localhost", 5000)
 *         .tuning(Tuning.DEFAULT.withDecodeInPlace(true).withSpinWait(Duration.ZERO))
 *         .build();
 * ConnectionOptions publisher = options.toBuilder()
 *         .tuning(options.tuning().withAutoFlush(false))     // keeps the other knobs as they were
 *         .build();
 * }</pre>
 */
public final class Tuning {
    /** The longest {@link #spinWait()} allowed. */
    public static final Duration MAX_SPIN_WAIT = Duration.ofSeconds(1);

    /** Spin 50 microseconds, flush each async message, decode into arrays, buffer 1024 pushed messages. */
    public static final Tuning DEFAULT = new Tuning(Duration.ofNanos(50_000), true, false, 1024);

    private final Duration spinWait;
    private final boolean autoFlush;
    private final boolean decodeInPlace;
    private final int messageBuffer;

    private Tuning(Duration spinWait, boolean autoFlush, boolean decodeInPlace, int messageBuffer) {
        Objects.requireNonNull(spinWait, "spinWait");
        if (spinWait.isNegative() || spinWait.compareTo(MAX_SPIN_WAIT) > 0) {
            throw new IllegalArgumentException("spinWait must be 0 .. 1 s, not " + spinWait);
        }
        if (messageBuffer < 1) {
            throw new IllegalArgumentException("messageBuffer must be at least 1, not " + messageBuffer);
        }
        this.spinWait = spinWait;
        this.autoFlush = autoFlush;
        this.decodeInPlace = decodeInPlace;
        this.messageBuffer = messageBuffer;
    }

    /**
     * How long a blocking call ({@link QConnection#query}, {@link QConnection#call} and the like) keeps its thread
     * spinning on a core, watching for the reply, before it goes to sleep. With {@link ReadMode#CALLING_THREAD} it
     * watches for the reply's bytes on the socket, where the transport can see them arrive (plain TCP and abstract
     * Unix sockets; not TLS or socket files, which it then does not spin for). A reply that comes within that time
     * is seen at once instead of after a thread wake-up, which is most of the latency of a fast query on a local or
     * nearby server. It spins only while the machine has more than one core and fewer spinning threads than cores.
     *
     * @return how long to spin: 50 microseconds by default, zero for never (for machines where every core counts)
     */
    public Duration spinWait() {
        return spinWait;
    }

    /**
     * {@return whether each async message is flushed at once (the default), or left in the buffer until
     * {@link QConnection#flush()} or the next request (faster publishing)}
     */
    public boolean autoFlush() {
        return autoFlush;
    }

    /**
     * Whether received messages are decoded in place ({@link dev.q4j.codec.Decoder#decodeInPlace}): vectors of 4-
     * and 8-byte items (int, long, float and the temporal types stored as such) then read their items from the
     * received bytes instead of copies. Each message arrives in an array of its own, so nothing else touches those
     * bytes. A large table then decodes 3 to 4 times faster and allocates a small part of its size, but each of those
     * vectors keeps the whole message in memory (keep one small column of a large reply, and all of the reply stays);
     * reading an item through {@code get(i)} costs a little more than from an array, and a vector's {@code array()}
     * copies its items at its first call.
     *
     * @return whether to decode in place; false by default
     */
    public boolean decodeInPlace() {
        return decodeInPlace;
    }

    /**
     * {@return how many pushed messages may queue for a slow listener (1024 by default); beyond that the connection
     * stops reading until the listener catches up}
     */
    public int messageBuffer() {
        return messageBuffer;
    }

    /**
     * {@return a copy with that spin}
     *
     * @param spin how long a blocking call spins for its reply, 0 .. {@link #MAX_SPIN_WAIT}; zero for never
     * @throws IllegalArgumentException when negative or over a second
     */
    public Tuning withSpinWait(Duration spin) {
        return new Tuning(spin, autoFlush, decodeInPlace, messageBuffer);
    }

    /**
     * {@return a copy with that flushing}
     *
     * @param flushEach true to flush each async message at once; false to let them collect until
     *     {@link QConnection#flush()} or the next request
     */
    public Tuning withAutoFlush(boolean flushEach) {
        return new Tuning(spinWait, flushEach, decodeInPlace, messageBuffer);
    }

    /**
     * {@return a copy with that decoding}
     *
     * @param inPlace true to decode received messages in place (see {@link #decodeInPlace()})
     */
    public Tuning withDecodeInPlace(boolean inPlace) {
        return new Tuning(spinWait, autoFlush, inPlace, messageBuffer);
    }

    /**
     * {@return a copy with that buffer}
     *
     * @param messages how many pushed messages may queue for a slow listener, at least 1
     * @throws IllegalArgumentException when below 1
     */
    public Tuning withMessageBuffer(int messages) {
        return new Tuning(spinWait, autoFlush, decodeInPlace, messages);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuning t && spinWait.equals(t.spinWait) && autoFlush == t.autoFlush
                && decodeInPlace == t.decodeInPlace && messageBuffer == t.messageBuffer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(spinWait, autoFlush, decodeInPlace, messageBuffer);
    }

    @Override
    public String toString() {
        return "Tuning[spinWait=" + spinWait + ", autoFlush=" + autoFlush + ", decodeInPlace=" + decodeInPlace
                + ", messageBuffer=" + messageBuffer + "]";
    }
}
