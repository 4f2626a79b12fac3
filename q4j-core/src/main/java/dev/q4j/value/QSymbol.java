package dev.q4j.value;

import java.util.Objects;

/**
 * A symbol ({@code `abc}): interned text, UTF-8 on the wire. The null is the empty symbol {@code `}.
 *
 * <pre>{@code
 * QSymbol.of("IBM.N").value();   // "IBM.N"
 * }</pre>
 *
 * @param value the text; never null, and never containing a NUL character (the wire terminator)
 */
public record QSymbol(String value) implements QAtom {
    /** {@code `}, the empty symbol */
    public static final QSymbol NULL = new QSymbol("");

    /**
     * Checks the text.
     *
     * @param value the text
     * @throws IllegalArgumentException when it contains a NUL character, which cannot be sent
     */
    public QSymbol {
        Objects.requireNonNull(value, "symbol text");
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(
                    "a symbol cannot contain a NUL character: " + value.replace("\0", "\\000"));
        }
    }

    /**
     * {@return the atom}
     *
     * @param value the text
     */
    public static QSymbol of(String value) {
        return value.isEmpty() ? NULL : new QSymbol(value);
    }

    @Override
    public QType type() {
        return QType.SYMBOL;
    }

    @Override
    public boolean isNull() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
