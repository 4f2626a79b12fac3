package dev.q4j.value;

import java.util.Arrays;
import java.util.Objects;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A char vector, q's string ({@code "abc"}): bytes, usually UTF-8 text.
 *
 * <pre>{@code
 * QCharVector.of("hello").asString();   // "hello"
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QCharVector implements QVector {
    /** the empty vector */
    public static final QCharVector EMPTY = new QCharVector(new byte[0], Attribute.NONE);

    private final byte[] values;
    private final Attribute attribute;

    private QCharVector(byte[] values, Attribute attribute) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QCharVector of(byte... values) {
        return new QCharVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QCharVector wrap(byte[] values) {
        return new QCharVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QCharVector wrap(byte[] values, Attribute attribute) {
        return Attributes.checked(new QCharVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public byte get(int index) {
        return values[index];
    }

    @Override
    public QChar at(int index) {
        return new QChar(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return values[index] == ' ';
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.CHAR;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QCharVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QCharVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public byte[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public byte[] toArray() {
        return values.clone();
    }

    /**
     * {@return the char vector}
     *
     * @param text text, encoded as UTF-8
     */
    public static QCharVector of(String text) {
        return new QCharVector(text.getBytes(StandardCharsets.UTF_8), Attribute.NONE);
    }

    /** {@return the bytes decoded as UTF-8} */
    public String asString() {
        return new String(values, StandardCharsets.UTF_8);
    }

    /**
     * {@return the bytes decoded with {@code charset}}
     *
     * @param charset how the bytes are encoded
     */
    public String asString(Charset charset) {
        return new String(values, charset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QCharVector other && attribute == other.attribute && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + attribute.hashCode();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
