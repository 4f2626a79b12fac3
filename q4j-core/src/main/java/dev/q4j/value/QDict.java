package dev.q4j.value;

import java.util.Objects;

/**
 * A dictionary ({@code `a`b!1 2}): a list of keys and a list of values of the same count. A sorted dictionary
 * (type 127, keys with the {@code s} attribute) is a dictionary with {@link #sorted()} true. A dictionary whose keys
 * and values are both tables is a {@link QKeyedTable} instead.
 *
 * <pre>{@code
 * QDict d = QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2));
 * d.get(QSymbol.of("b"));   // 2
 * }</pre>
 *
 * <p>Immutable; equal when the keys, the values and {@link #sorted()} are. It keeps its nesting depth, so that
 * nested dictionaries cost time proportional to their size to build.
 */
public final class QDict implements QValue {
    private final QValue keys;
    private final QValue values;
    private final boolean sorted;
    private final int depth;

    /**
     * Creates a dictionary.
     *
     * @param keys the keys: a vector, a general list or a table
     * @param values the values: a vector, a general list or a table
     * @param sorted true for a sorted dictionary (type 127)
     * @throws IllegalArgumentException when keys and values are not lists of the same count, or the value would
     *     nest deeper than {@link QValue#MAX_DEPTH}
     */
    public QDict(QValue keys, QValue values, boolean sorted) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        int kc = Shapes.count(keys, "dictionary keys");
        int vc = Shapes.count(values, "dictionary values");
        if (kc != vc) {
            throw new IllegalArgumentException("dictionary has " + kc + " keys but " + vc + " values ('length)");
        }
        if (keys instanceof QTable && values instanceof QTable) {
            throw new IllegalArgumentException(
                    "a dictionary from a table to a table is a keyed table: use QKeyedTable");
        }
        this.keys = keys;
        this.values = values;
        this.sorted = sorted;
        this.depth = Shapes.depthOver(keys, values);
    }

    /** {@return the keys: a vector, a general list or a table} */
    public QValue keys() {
        return keys;
    }

    /** {@return the values: a vector, a general list or a table} */
    public QValue values() {
        return values;
    }

    /** {@return true for a sorted dictionary (type 127)} */
    public boolean sorted() {
        return sorted;
    }

    @Override
    public int depth() {
        return depth;
    }

    /**
     * {@return an unsorted dictionary}
     *
     * @param keys the keys
     * @param values the values
     */
    public static QDict of(QValue keys, QValue values) {
        return new QDict(keys, values, false);
    }

    /** {@return the number of entries} */
    public int count() {
        return Shapes.count(keys, "keys");
    }

    /**
     * Looks a key up the way q's {@code d[k]} does for a single key (first match wins).
     *
     * @param key an atom (or any value) to find among the keys
     * @return the value for the key, or {@code null} when the key is absent
     */
    public QValue get(QValue key) {
        int n = count();
        for (int i = 0; i < n; i++) {
            if (Shapes.item(keys, i).equals(key)) {
                return Shapes.item(values, i);
            }
        }
        return null;
    }

    @Override
    public QType type() {
        return sorted ? QType.SORTED_DICT : QType.DICT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QDict other && sorted == other.sorted && keys.equals(other.keys)
                && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return (31 * keys.hashCode() + values.hashCode()) * 31 + Boolean.hashCode(sorted);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
