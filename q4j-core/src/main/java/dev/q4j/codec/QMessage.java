package dev.q4j.codec;

import dev.q4j.QErrorException;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * A decoded message: its type, the byte order and compression it arrived with, and its value.
 *
 * <pre>{@code
 * QMessage m = new Decoder().decode(bytes);
 * QValue v = m.valueOrThrow();   // throws QErrorException when the message is a q error
 * }</pre>
 *
 * @param type async, sync or response
 * @param order the byte order the sender used
 * @param compressed whether it arrived compressed
 * @param value the value ({@link QError} when it is an error message)
 */
public record QMessage(MessageType type, ByteOrder order, boolean compressed, QValue value) {

    /**
     * Checks and holds the parts of a message.
     *
     * @param type message type
     * @param order byte order
     * @param compressed compressed or not
     * @param value the value
     */
    public QMessage {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(value, "value");
    }

    /** {@return true when the message carries a q error} */
    public boolean isError() {
        return value instanceof QError;
    }

    /**
     * {@return the value}
     *
     * @throws QErrorException when the message is a q error
     */
    public QValue valueOrThrow() {
        if (value instanceof QError e) {
            throw e.toException();
        }
        return value;
    }
}
