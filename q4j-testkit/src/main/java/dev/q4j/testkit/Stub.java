package dev.q4j.testkit;

import dev.q4j.value.Q;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link FakeKdb} answers the sync requests of one {@link Match}: with values, q errors, answers computed from
 * the request, after a delay, or with a fault (the connection closed in the middle of the reply, closed without one,
 * or a reply that never comes). Several replies are given in turn, the last one repeated; the most recent stub
 * whose match accepts a request answers it, so a test can override a stub set for every test.
 *
 * <pre>{@code
 * fake.when("count trade").thenReturn(42L);
 * fake.whenCall(".api.trades", "IBM", Arg.any()).thenReturn(trades).delayed(Duration.ofMillis(200));
 * fake.when("bad").thenError("type");                       // the client sees 'type
 * fake.when("next").thenReturn(1L, 2L).thenError("end");    // 1, then 2, then 'end from then on
 * fake.when("crash").thenCloseMidReply(bigTable);           // half the reply's bytes, then the socket closes
 * }</pre>
 */
public final class Stub {
    private final Match match;
    private final List<Reply> replies = new ArrayList<>();
    private int next;
    private Duration delay = Duration.ZERO;

    Stub(Match match) {
        this.match = match;
    }

    /** What to do for one request. */
    sealed interface Reply {
    }

    /** Reply with a value (a q error too). */
    record Value(QValue value) implements Reply {
    }

    /** Reply with what the function computes. */
    record Answer(Function<Received, Object> function) implements Reply {
    }

    /** Write half the bytes of the reply, then close the connection. */
    record CloseMidReply(QValue value) implements Reply {
    }

    /** Close the connection without a reply. */
    record Close() implements Reply {
    }

    /** Never reply: the connection stays silent (reading nothing more) until the fake is closed. */
    record Stall() implements Reply {
    }

    /**
     * Answers with these values, one per request in turn, the last one from then on.
     *
     * @param values q values, or Java values converted by {@link Q#of(Object)} (a {@code String} is a symbol;
     *     {@link Q#string(String)} for text)
     * @return this stub
     */
    public synchronized Stub thenReturn(Object... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("thenReturn needs at least one value");
        }
        for (Object v : values) {
            replies.add(new Value(v instanceof QValue q ? q : Q.of(v)));
        }
        return this;
    }

    /**
     * Answers with a q error, which a q4j client throws as a {@code QErrorException} and q shows as {@code 'text}.
     *
     * @param message the error's text, without the quote: {@code "type"}, {@code "nyi"}...
     * @return this stub
     */
    public synchronized Stub thenError(String message) {
        replies.add(new Value(new QError(message)));
        return this;
    }

    /**
     * Answers with what the function computes from the request (on the connection's thread); if it throws, the
     * client gets a q error with the exception's message.
     *
     * @param answer from the request to a q value, or a Java value for {@link Q#of(Object)}
     * @return this stub
     */
    public synchronized Stub thenAnswer(Function<Received, Object> answer) {
        replies.add(new Answer(Objects.requireNonNull(answer, "answer")));
        return this;
    }

    /**
     * Sends the first half of the reply's bytes (the header and part of the value), then closes the connection: a
     * server that dies while replying. The client sees its connection fail in the middle of a message.
     *
     * @param value the reply that is cut off
     * @return this stub
     */
    public synchronized Stub thenCloseMidReply(QValue value) {
        replies.add(new CloseMidReply(Objects.requireNonNull(value, "value")));
        return this;
    }

    /**
     * Closes the connection instead of replying: the client's pending request fails.
     *
     * @return this stub
     */
    public synchronized Stub thenClose() {
        replies.add(new Close());
        return this;
    }

    /**
     * Never replies: the connection neither answers nor reads anything more until the fake is closed, as a server
     * stuck in a long computation. Use it to test a client's request timeout.
     *
     * @return this stub
     */
    public synchronized Stub thenStall() {
        replies.add(new Stall());
        return this;
    }

    /**
     * Waits this long before each reply of this stub (the connection reads nothing meanwhile, as a busy kdb+).
     *
     * @param delay how long
     * @return this stub
     */
    public synchronized Stub delayed(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        this.delay = delay;
        return this;
    }

    /** {@return the match this stub answers} */
    public Match match() {
        return match;
    }

    synchronized Duration delay() {
        return delay;
    }

    /** {@return the reply to the next request, or null when the stub was given none} */
    synchronized Reply nextReply() {
        if (replies.isEmpty()) {
            return null;
        }
        Reply r = replies.get(Math.min(next, replies.size() - 1));
        next++;
        return r;
    }

    /** {@return {@code when MATCH}, for failure messages} */
    @Override
    public synchronized String toString() {
        return "when " + match + (replies.isEmpty() ? " (no reply given)" : "");
    }
}
