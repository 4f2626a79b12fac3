    /**
     * {@return the vector}
     *
     * @param values the items; {@code null} items become {@code 0N${letter}}
     */
    public static ${Class} ${factory}(${javaType}... values) {
        return new ${Class}(rawItems(values, ${rawOf}), null, Attribute.NONE);
    }

    /**
     * {@return the item as {@link ${javaType}}, or {@code null} when it is {@code 0N${letter}}}
     *
     * @param index 0-based position
     * @throws java.time.DateTimeException when it is an infinity, which no java.time value represents
     */
    public ${javaType} ${accessor}(int index) {
        return isNull(index) ? null : ${fromRaw};
    }
${rawHelper}

