package dev.q4j.value;

/**
 * A q value: any object kdb+ can send over IPC. Every value is immutable (vectors wrap primitive arrays: see
 * {@link QVector}) and compares by content, so that decoding the same bytes twice gives equal values.
 *
 * <p>The shapes are a closed set, so a {@code switch} over them is exhaustive:
 * <pre>{@code
 * QValue v = Q.of(List.of(1L, "a"));
 * String what = switch (v) {                       // Java 21 pattern matching; on 17 use instanceof
 *     case QAtom a -> "atom";
 *     case QVector vec -> "vector of " + vec.count();
 *     default -> v.type().qName();
 * };
 * System.out.println(v);                           // q text: (1;`a)
 * }</pre>
 */
public sealed interface QValue permits QAtom, QSequence, QDict, QTable, QKeyedTable, QFunction, QError {

    /** {@return the q type: for an atom, the type of its vectors ({@link QType#LONG} for {@code 1})} */
    QType type();

    /** {@return the number q's {@code type} returns: negative for atoms, 0 for general lists, 98 for tables...} */
    default int typeNumber() {
        return type().code();
    }

    /** The deepest nesting a value may have (a list of lists ... of atoms), so that no operation overflows a stack. */
    int MAX_DEPTH = 1000;

    /**
     * {@return how deeply the value nests: 0 for atoms, vectors and primitives, 1 for a list of atoms, and so on; never
     * more than {@link #MAX_DEPTH}, which constructors enforce}
     */
    default int depth() {
        return 0;
    }

    /** {@return true only for the generic null {@code ::}} */
    default boolean isGenericNull() {
        return false;
    }
}
