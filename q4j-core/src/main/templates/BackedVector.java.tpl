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
public final class ${Class} extends ${Base} {
    /** the empty vector */
    public static final ${Class} EMPTY = new ${Class}(new ${prim}[0], null, Attribute.NONE);

    ${Class}(${prim}[] values, ByteView view, Attribute attribute) {
        super(values, view, attribute);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, copied
     */
    public static ${Class} of(${prim}... values) {
        return new ${Class}(values.clone(), null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     */
    public static ${Class} wrap(${prim}[] values) {
        return new ${Class}(values, null, Attribute.NONE);
    }

    /**
     * {@return the vector}
     *
     * @param values the raw items, shared: do not modify the array afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items out of order or {@link Attribute#UNIQUE}
     *     on items that repeat, as {@link #withAttribute} refuses them
     */
    public static ${Class} wrap(${prim}[] values, Attribute attribute) {
        return Attributes.checked(new ${Class}(values, null, attribute));
    }

${conversions}
    @Override
    public ${Atom} at(int index) {
        return ${Atom}.of(get(index));
    }

    @Override
    public QType type() {
        return QType.${TYPE};
    }

    @Override
    public ${Class} withAttribute(Attribute attribute) {
        return attribute == attribute() ? this : Attributes.checked(new ${Class}(values, view, attribute));
    }
}
