package dev.q4j.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A keyed table ({@code ([sym:`a`b] px:1.5 2.5)}): a dictionary from a table of keys to a table of values, row for
 * row. A sorted keyed table (type 127, {@code `s#}) has {@link #sorted()} true.
 *
 * <pre>{@code
 * QKeyedTable kt = QKeyedTable.of(
 *         QTable.of(List.of("sym"), List.of(QSymbolVector.of("a", "b"))),
 *         QTable.of(List.of("px"), List.of(QFloatVector.of(1.5, 2.5))));
 * kt.values().column("px");
 * }</pre>
 *
 * <p>Immutable; equal when the keys, the values and {@link #sorted()} are. It keeps its nesting depth, so that
 * nested keyed tables cost time proportional to their size to build.
 */
public final class QKeyedTable implements QValue {
    private final QTable keys;
    private final QTable values;
    private final boolean sorted;
    private final int depth;

    /**
     * Creates a keyed table.
     *
     * @param keys the key columns
     * @param values the value columns
     * @param sorted true for a sorted keyed table (type 127)
     * @throws IllegalArgumentException when the row counts differ, or the value would nest deeper than
     *     {@link QValue#MAX_DEPTH}
     */
    public QKeyedTable(QTable keys, QTable values, boolean sorted) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        if (keys.count() != values.count()) {
            throw new IllegalArgumentException("keyed table has " + keys.count() + " key rows but " + values.count()
                    + " value rows ('length)");
        }
        this.keys = keys;
        this.values = values;
        this.sorted = sorted;
        this.depth = Shapes.depthOver(keys, values);
    }

    /** {@return the key columns} */
    public QTable keys() {
        return keys;
    }

    /** {@return the value columns} */
    public QTable values() {
        return values;
    }

    /** {@return true for a sorted keyed table (type 127)} */
    public boolean sorted() {
        return sorted;
    }

    @Override
    public int depth() {
        return depth;
    }

    /**
     * {@return an unsorted keyed table}
     *
     * @param keys the key columns
     * @param values the value columns
     */
    public static QKeyedTable of(QTable keys, QTable values) {
        return new QKeyedTable(keys, values, false);
    }

    /**
     * The same rows as one table, the key columns first, as q's {@code 0!}.
     *
     * <pre>{@code
     * QTable flat = keyed.unkeyed();   // ([sym:`a`b] px:1 2) as ([] sym:`a`b; px:1 2)
     * }</pre>
     *
     * @return the key columns and then the value columns, sharing their vectors
     * @throws IllegalArgumentException when a value column has a key column's name
     */
    public QTable unkeyed() {
        List<String> names = new ArrayList<>(keys.columnNames());
        names.addAll(values.columnNames());
        List<QSequence> columns = new ArrayList<>(keys.columns());
        columns.addAll(values.columns());
        return QTable.of(names, columns);
    }

    /** {@return the number of rows} */
    public int count() {
        return keys.count();
    }

    @Override
    public QType type() {
        return sorted ? QType.SORTED_DICT : QType.DICT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QKeyedTable other && sorted == other.sorted && keys.equals(other.keys)
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
