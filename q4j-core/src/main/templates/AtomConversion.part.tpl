    /**
     * {@return the ${ofWhat}}
     *
     * @param ${ofParam} ${ofParamDoc}
     * ${ofThrows}
     */
    public static ${Class} of(${ofType} ${ofParam}) {
        return new ${Class}(${ofRaw});
    }

    /**
     * {@return the ${toWhat}, or {@code null} for {@code 0N${letter}}}
     *
     * @throws java.time.DateTimeException for {@code 0W${letter}} and {@code -0W${letter}}, which no ${toWhat} represents
     */
    public ${toType} to${toType}() {
        return isNull() ? null : ${toRaw};
    }

