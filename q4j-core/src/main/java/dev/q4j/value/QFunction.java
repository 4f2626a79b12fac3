package dev.q4j.value;

/**
 * A q function: lambdas keep their source text; primitives, iterators, projections, compositions and derived
 * functions keep exactly what kdb+ sent, so they can be sent back unchanged.
 *
 * <pre>{@code
 * QFunction f = new QLambda("", "{x+y}");
 * QProjection p = QProjection.of(f, QLong.of(3));   // {x+y}[3]
 * }</pre>
 */
public sealed interface QFunction extends QValue
        permits QLambda, QUnaryPrimitive, QBinaryPrimitive, QIterator, QProjection, QComposition, QDerivedFunction {
}
