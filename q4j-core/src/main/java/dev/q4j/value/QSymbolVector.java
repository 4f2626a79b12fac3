package dev.q4j.value;

import dev.q4j.internal.SymbolVectors;
import java.util.Arrays;
import java.util.Objects;

/**
 * A symbol vector ({@code `a`b`c}); the empty string is the null symbol.
 *
 * <pre>{@code
 * QSymbolVector.of("IBM", "MSFT").get(1);   // "MSFT"
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class QSymbolVector implements QVector {
    /** the empty vector */
    public static final QSymbolVector EMPTY = new QSymbolVector(new String[0], Attribute.NONE);

    private final String[] values;
    private final Attribute attribute;

    static {
        // the codec's way to a vector of symbols it read up to their NUL terminators (see SymbolVectors)
        SymbolVectors.install((values, attribute) -> Attributes.checked(new QSymbolVector(values, attribute, false)));
    }

    private QSymbolVector(String[] values, Attribute attribute) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].indexOf('\0') >= 0) {
                throw new IllegalArgumentException("symbol " + i + " contains a NUL character, which cannot be sent");
            }
        }
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /** Without the NUL check: for {@link SymbolVectors#wrapUnchecked}, whose caller guarantees it. */
    private QSymbolVector(String[] values, Attribute attribute, boolean checked) {
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static QSymbolVector of(String... values) {
        return new QSymbolVector(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static QSymbolVector wrap(String[] values) {
        return new QSymbolVector(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static QSymbolVector wrap(String[] values, Attribute attribute) {
        return Attributes.checked(new QSymbolVector(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public String get(int index) {
        return values[index];
    }

    @Override
    public QSymbol at(int index) {
        return QSymbol.of(values[index]);
    }

    @Override
    public boolean isNull(int index) {
        return values[index].isEmpty();
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.SYMBOL;
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public QSymbolVector withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new QSymbolVector(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public String[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public String[] toArray() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QSymbolVector other && attribute == other.attribute && Arrays.equals(values, other.values);
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
