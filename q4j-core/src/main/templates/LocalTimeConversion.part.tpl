    /**
     * {@return the time of day, or {@code null} for {@code 0N${letter}}}
     *
     * @throws java.time.DateTimeException when the value is an infinity, negative or not before ${dayEnd}
     */
    public LocalTime toLocalTime() {
        return isNull() ? null : QTemporal.localTimeOf(${field}, ${nanosPerUnit}, '${letter}', this);
    }

