package dev.q4j.internal;

import dev.q4j.value.Attribute;
import dev.q4j.value.QSymbolVector;

/**
 * Not API: how the codec builds a symbol vector from symbols it read up to a NUL terminator, without checking
 * each of them again for a NUL (on a column of a million symbols that check costs as much as decoding them).
 * The package is not exported.
 */
public final class SymbolVectors {
    private static volatile Factory factory;

    private SymbolVectors() {
    }

    /** Implemented by {@link QSymbolVector}, which installs it when it initialises. */
    public interface Factory {
        /**
         * {@return the vector}
         *
         * @param values symbols known to hold no NUL character, shared
         * @param attribute the attribute
         */
        QSymbolVector wrapUnchecked(String[] values, Attribute attribute);
    }

    /**
     * Installs the factory of symbol vectors.
     *
     * @param f the factory; only the first call counts
     * @throws IllegalArgumentException when {@code f} is not {@link QSymbolVector}'s own (on the class path this
     *     class is visible to all, and only that one may skip the check)
     */
    public static void install(Factory f) {
        if (f.getClass().getNestHost() != QSymbolVector.class) {
            throw new IllegalArgumentException("only QSymbolVector installs the symbol vector factory");
        }
        synchronized (SymbolVectors.class) {
            if (factory == null) {
                factory = f;
            }
        }
    }

    /**
     * {@return the vector}
     *
     * @param values symbols known to hold no NUL character (read up to a NUL terminator), shared
     * @param attribute the attribute
     * @throws IllegalArgumentException for a false {@code s#} or {@code u#}: only the NUL check is skipped
     */
    public static QSymbolVector wrapUnchecked(String[] values, Attribute attribute) {
        Factory f = factory;
        if (f == null) {
            // initialises QSymbolVector, which installs its factory
            QSymbolVector.EMPTY.count();
            f = factory;
        }
        return f.wrapUnchecked(values, attribute);
    }
}
