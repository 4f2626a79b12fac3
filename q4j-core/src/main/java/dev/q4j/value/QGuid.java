package dev.q4j.value;

import java.util.Objects;
import java.util.UUID;

/**
 * A guid ({@code 0a369037-75d3-b24d-6721-5a1d44d4bed5}): 16 bytes, sent as they are (never byte-swapped). The null
 * is all zeros, {@code 0Ng}.
 *
 * <pre>{@code
 * QGuid g = QGuid.of(UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5"));
 * }</pre>
 *
 * @param value the guid as a UUID whose most significant byte is the first byte on the wire
 */
public record QGuid(UUID value) implements QAtom {
    /** {@code 0Ng} */
    public static final QGuid NULL = new QGuid(new UUID(0, 0));

    /**
     * Checks the guid.
     *
     * @param value the guid
     */
    public QGuid {
        Objects.requireNonNull(value, "guid");
    }

    /**
     * {@return the atom}
     *
     * @param value the guid
     */
    public static QGuid of(UUID value) {
        return new QGuid(value);
    }

    @Override
    public QType type() {
        return QType.GUID;
    }

    @Override
    public boolean isNull() {
        return value.getMostSignificantBits() == 0 && value.getLeastSignificantBits() == 0;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
