package dev.q4j.value;

import java.util.Objects;

/**
 * A function derived by an iterator (types 106 .. 111): {@code f'}, {@code f/}, {@code f\}, {@code f':},
 * {@code f/:}, {@code f\:}.
 *
 * <pre>{@code
 * QDerivedFunction sum = QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(1));   // +/
 * }</pre>
 *
 * @param iterator which iterator: {@link QType#EACH}, {@link QType#OVER}, {@link QType#SCAN},
 *     {@link QType#EACH_PRIOR}, {@link QType#EACH_RIGHT} or {@link QType#EACH_LEFT}
 * @param function the function it applies to
 */
public record QDerivedFunction(QType iterator, QValue function) implements QFunction {

    /**
     * @param iterator the iterator type
     * @param function the function
     * @throws IllegalArgumentException when {@code iterator} is not one of the six derived-function types
     */
    public QDerivedFunction {
        Objects.requireNonNull(iterator, "iterator");
        Objects.requireNonNull(function, "function");
        if (iterator.code() < QType.EACH.code() || iterator.code() > QType.EACH_LEFT.code()) {
            throw new IllegalArgumentException(iterator + " is not a derived-function type (106 .. 111)");
        }
        Shapes.depthOver(java.util.List.of(function));
    }

    @Override
    public int depth() {
        return Shapes.depthOver(java.util.List.of(function));
    }

    /**
     * @param iterator the iterator type
     * @param function the function
     * @return the derived function
     */
    public static QDerivedFunction of(QType iterator, QValue function) {
        return new QDerivedFunction(iterator, function);
    }

    @Override
    public QType type() {
        return iterator;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
