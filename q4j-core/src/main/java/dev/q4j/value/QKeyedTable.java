package dev.q4j.value;

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
 * @param keys the key columns
 * @param values the value columns
 * @param sorted true for a sorted keyed table (type 127)
 */
public record QKeyedTable(QTable keys, QTable values, boolean sorted) implements QValue {

    /**
     * @param keys the key columns
     * @param values the value columns
     * @param sorted true for a sorted keyed table
     * @throws IllegalArgumentException when the row counts differ
     */
    public QKeyedTable {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        if (keys.count() != values.count()) {
            throw new IllegalArgumentException("keyed table has " + keys.count() + " key rows but " + values.count()
                    + " value rows ('length)");
        }
        Shapes.depthOver(keys, values);
    }

    @Override
    public int depth() {
        return Shapes.depthOver(keys, values);
    }

    /**
     * @param keys the key columns
     * @param values the value columns
     * @return an unsorted keyed table
     */
    public static QKeyedTable of(QTable keys, QTable values) {
        return new QKeyedTable(keys, values, false);
    }

    /** @return the number of rows */
    public int count() {
        return keys.count();
    }

    @Override
    public QType type() {
        return sorted ? QType.SORTED_DICT : QType.DICT;
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
