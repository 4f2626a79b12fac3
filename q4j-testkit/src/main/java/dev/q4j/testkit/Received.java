package dev.q4j.testkit;

import dev.q4j.server.FunctionCall;
import dev.q4j.value.QValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One message a {@link FakeKdb} received from a client, in the order of arrival.
 *
 * <pre>{@code
 * for (Received r : fake.received()) {
 *     System.out.println(r);   // sync "select from trade"   or   async (`.u.upd;`trade;+`sym`px!(,`IBM;,1.5))
 * }
 * }</pre>
 *
 * @param kind sync (the client waits for a reply) or async
 * @param value what the client sent
 * @param connection the number of the client's connection, 1 for the first one the fake accepted
 * @param user the user name the client logged in with (empty when none)
 */
public record Received(Kind kind, QValue value, int connection, String user) {

    /** How a message was sent. */
    public enum Kind {
        /** a request the client waits for the reply to ({@code h"..."}) */
        SYNC,
        /** a message without a reply ({@code neg[h]"..."}), such as a feed's {@code .u.upd} */
        ASYNC
    }

    /**
     * Holds one message.
     *
     * @param kind sync or async
     * @param value the value
     * @param connection the connection's number
     * @param user the user's name
     */
    public Received {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(user, "user");
    }

    /** {@return the value as a call of a named function ({@code (`.u.upd;`trade;rows)}, {@code "f[1;2]"}), if it is} */
    public Optional<FunctionCall> call() {
        return FunctionCall.of(value);
    }

    /** {@return the q text of the value, as q's {@code -3!} prints it} */
    public String text() {
        return textOf(value);
    }

    /** {@return {@code sync} or {@code async}, then the value's q text} */
    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + text();
    }

    static String textOf(QValue value) {
        return value.toString();
    }
}
