package dev.q4j.text;

import dev.q4j.value.QValue;

/** Placeholder until the q text printer lands. */
public final class QText {
    private QText() {
    }

    /**
     * @param value a value
     * @return q text
     */
    public static String print(QValue value) {
        return value.getClass().getSimpleName();
    }
}
