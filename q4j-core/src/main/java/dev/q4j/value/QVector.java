package dev.q4j.value;

/**
 * A simple (typed) list: all items of one basic type, held in a primitive array.
 *
 * <p>Vectors are immutable by contract. Factories named {@code of} copy their input; factories named {@code wrap}
 * and the {@code array()} accessors share the array without copying, for speed: whoever shares an array must not
 * modify it.
 *
 * <p>A vector of 4- or 8-byte items decoded in place ({@code Decoder.decodeInPlace}, {@link QVectors#inPlace})
 * reads its items from the received message's bytes instead of an array of its own; it behaves the same, and its
 * {@code array()} copies the items into an array at the first call ({@code buffer()} does not copy).
 *
 * <pre>{@code
 * QLongVector v = QLongVector.of(1, 2, 3);
 * long[] copy = v.toArray();
 * long[] shared = v.array();      // no copy: read only
 * }</pre>
 */
public sealed interface QVector extends QSequence
        permits QBooleanVector, QGuidVector, QByteVector, QShortVector, IntBackedVector, LongBackedVector,
                QRealVector, DoubleBackedVector, QCharVector, QSymbolVector {

    @Override
    QAtom at(int index);

    /**
     * {@return true when the item at {@code index} is the type's null}
     *
     * @param index 0-based position
     */
    boolean isNull(int index);

    /**
     * {@return a vector with the same items (sharing the array) and the given attribute}
     *
     * @param attribute the attribute to carry
     * @throws IllegalArgumentException for {@link Attribute#SORTED} on items that are not sorted in q's order, and
     *     {@link Attribute#UNIQUE} on items that repeat, which kdb+ refuses too ({@code 's-fail}, {@code 'u-fail});
     *     the check is one pass over the items (GUID and general-list order is not checked)
     */
    QVector withAttribute(Attribute attribute);
}
