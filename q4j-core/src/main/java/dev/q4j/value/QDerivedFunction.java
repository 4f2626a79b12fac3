package dev.q4j.value;

import java.util.Objects;

/**
 * A function derived by an iterator (types 106 .. 111): {@code f'}, {@code f/}, {@code f\}, {@code f':},
 * {@code f/:}, {@code f\:}. Immutable; equal when the iterator and the function are. It keeps its nesting depth,
 * so that a chain of derived functions costs time proportional to its length to build.
 *
 * <pre>{@code
 * QDerivedFunction sum = QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(1));   // +/
 * }</pre>
 */
public final class QDerivedFunction implements QFunction {
    private final QType iterator;
    private final QValue function;
    private final int depth;

    /**
     * Creates a function derived from another by an iterator.
     *
     * @param iterator which iterator: {@link QType#EACH}, {@link QType#OVER}, {@link QType#SCAN},
     *     {@link QType#EACH_PRIOR}, {@link QType#EACH_RIGHT} or {@link QType#EACH_LEFT}
     * @param function the function it applies to
     * @throws IllegalArgumentException when {@code iterator} is not one of the six derived-function types, or the
     *     value would nest deeper than {@link QValue#MAX_DEPTH}
     */
    public QDerivedFunction(QType iterator, QValue function) {
        Objects.requireNonNull(iterator, "iterator");
        Objects.requireNonNull(function, "function");
        if (iterator.code() < QType.EACH.code() || iterator.code() > QType.EACH_LEFT.code()) {
            throw new IllegalArgumentException(iterator + " is not a derived-function type (106 .. 111)");
        }
        this.iterator = iterator;
        this.function = function;
        this.depth = Shapes.checked(Shapes.depthOf(function) + 1);
    }

    /**
     * {@return the derived function}
     *
     * @param iterator the iterator type
     * @param function the function
     */
    public static QDerivedFunction of(QType iterator, QValue function) {
        return new QDerivedFunction(iterator, function);
    }

    /** {@return which iterator: one of the six derived-function types, 106 .. 111} */
    public QType iterator() {
        return iterator;
    }

    /** {@return the function the iterator applies to} */
    public QValue function() {
        return function;
    }

    @Override
    public int depth() {
        return depth;
    }

    @Override
    public QType type() {
        return iterator;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QDerivedFunction other && iterator == other.iterator && function.equals(other.function);
    }

    @Override
    public int hashCode() {
        return 31 * iterator.hashCode() + function.hashCode();
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
