package ${package};

${imports}

/**
 * ${summary}
 *
 * <pre>{@code
 * ${example}
 * }</pre>
 *
 * @see QVector on sharing arrays
 */
public final class ${Class} implements QVector {
    /** the empty vector */
    public static final ${Class} EMPTY = new ${Class}(new ${item}[0], Attribute.NONE);

    private final ${item}[] values;
    private final Attribute attribute;

${beforeConstructor}
    private ${Class}(${item}[] values, Attribute attribute) {
${itemChecks}
        this.values = Objects.requireNonNull(values, "values");
        this.attribute = Objects.requireNonNull(attribute, "attribute");
    }

${afterConstructor}
    /**
     * {@return the vector}
     *
     * @param values the items, copied
     */
    public static ${Class} of(${item}... values) {
        return new ${Class}(values.clone(), Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     */
    public static ${Class} wrap(${item}[] values) {
        return new ${Class}(values, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static ${Class} wrap(${item}[] values, Attribute attribute) {
        return Attributes.checked(new ${Class}(values, attribute));
    }

    /**
     * {@return the item}
     *
     * @param index 0-based position
     */
    public ${item} get(int index) {
        return values[index];
    }

    @Override
    public ${Atom} at(int index) {
        return ${atomOfItem};
    }

    @Override
    public boolean isNull(int index) {
        return ${isNull};
    }

    @Override
    public int count() {
        return values.length;
    }

    @Override
    public QType type() {
        return QType.${TYPE};
    }

    @Override
    public Attribute attribute() {
        return attribute;
    }

    @Override
    public ${Class} withAttribute(Attribute attribute) {
        return attribute == this.attribute ? this : Attributes.checked(new ${Class}(values, attribute));
    }

    /** {@return the backing array, shared: read it, never modify it} */
    public ${item}[] array() {
        return values;
    }

    /** {@return a copy of the items} */
    public ${item}[] toArray() {
        return values.clone();
    }

${moreMethods}
    @Override
    public boolean equals(Object o) {
${equalsBody}
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
