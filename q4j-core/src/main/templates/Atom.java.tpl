package ${package};

${imports}
/**
 * ${summary}
 *
 * <pre>{@code
 * ${example}
 * }</pre>
 *
 * @param ${field} ${fieldDoc}
 */
public record ${Class}(${prim} ${field}) implements QAtom {
    /** {@code ${nullLiteral}} */
    public static final ${Class} NULL = new ${Class}(${nullValue});
    /** {@code ${infinityLiteral}} */
    public static final ${Class} INFINITY = new ${Class}(${infinityValue});
    /** -{@code ${infinityLiteral}} */
    public static final ${Class} NEGATIVE_INFINITY = new ${Class}(${negativeInfinityValue});

    /**
     * {@return the atom}
     *
     * @param ${field} ${ofFieldDoc}
     */
    public static ${Class} of(${prim} ${field}) {
        return new ${Class}(${field});
    }

${conversions}
${localTime}
    @Override
    public QType type() {
        return QType.${TYPE};
    }

    @Override
    public boolean isNull() {
        return ${isNull};
    }

    @Override
    public boolean isInfinite() {
        return ${isInfinite};
    }

${moreMethods}
    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
