package dev.q4j.value;

import dev.q4j.QErrorException;
import java.util.Objects;

/**
 * A q error as it travels on the wire (type -128): the reply to a request that failed. Clients turn it into a
 * {@link QErrorException}; the codec keeps it as a value so that any message can be decoded and re-encoded.
 *
 * <pre>{@code
 * QError e = new QError("type");
 * e.toException().qMessage();   // "type"
 * }</pre>
 *
 * @param message q's error text, without the leading quote
 */
public record QError(String message) implements QValue {

    /**
     * Checks the message.
     *
     * @param message q's error text
     */
    public QError {
        Objects.requireNonNull(message, "message");
        if (message.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an error text cannot contain a NUL character");
        }
    }

    @Override
    public QType type() {
        return QType.ERROR;
    }

    /** {@return an exception carrying this error's text} */
    public QErrorException toException() {
        return new QErrorException(message);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
