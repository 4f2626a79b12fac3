package dev.q4j.value;

/**
 * A q list: a typed {@link QVector} or a general {@link QList}. Lists carry an {@link Attribute}.
 *
 * <pre>{@code
 * QSequence s = QLongVector.of(1, 2, 3);
 * QValue second = s.at(1);   // QLong 2
 * }</pre>
 */
public sealed interface QSequence extends QValue permits QVector, QList {

    /** {@return the number of items} */
    int count();

    /**
     * {@return the item at {@code index}: an atom for vectors, any value for general lists}
     *
     * @param index 0-based position
     * @throws IndexOutOfBoundsException when {@code index} is not in {@code [0, count())}
     */
    QValue at(int index);

    /** {@return the attribute ({@link Attribute#NONE} when there is none)} */
    Attribute attribute();
}
