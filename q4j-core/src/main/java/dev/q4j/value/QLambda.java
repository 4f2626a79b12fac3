package dev.q4j.value;

import java.util.Objects;

/**
 * A lambda ({@code {x+y}}): the context (namespace) it was defined in and its source text, which is all kdb+ sends.
 *
 * <pre>{@code
 * QLambda f = QLambda.of("{x+y}");
 * f.context();   // "" (the root namespace)
 * }</pre>
 *
 * @param context the namespace without the leading dot ({@code "q"} for {@code .q}), empty for the root
 * @param source the source text as q shows it, e.g. {@code {x+y}} or {@code k){x*y}}
 */
public record QLambda(String context, String source) implements QFunction {

    /**
     * Checks the parts.
     *
     * @param context the namespace
     * @param source the source text
     */
    public QLambda {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(source, "source");
        if (context.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a lambda context cannot contain a NUL character");
        }
    }

    /**
     * {@return the lambda}
     *
     * @param source the source text, in the root namespace
     */
    public static QLambda of(String source) {
        return new QLambda("", source);
    }

    @Override
    public QType type() {
        return QType.LAMBDA;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
