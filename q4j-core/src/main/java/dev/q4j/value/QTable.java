package dev.q4j.value;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table ({@code ([] sym:`a`b; px:1.5 2.5)}): named columns of equal length, each a vector or a general list.
 *
 * <pre>{@code
 * QTable t = QTable.of(List.of("sym", "px"),
 *         List.of(QSymbolVector.of("a", "b"), QFloatVector.of(1.5, 2.5)));
 * QFloatVector px = (QFloatVector) t.column("px");
 * QDict firstRow = t.row(0);   // `sym`px!(`a;1.5)
 * }</pre>
 */
public final class QTable implements QValue {
    private final String[] names;
    private final QSequence[] columns;
    private final Attribute attribute;
    private final int rows;
    private final int depth;

    private QTable(String[] names, QSequence[] columns, Attribute attribute) {
        if (names.length != columns.length) {
            throw new IllegalArgumentException("table has " + names.length + " column names but " + columns.length
                    + " columns ('length)");
        }
        // a few columns are checked pairwise: quicker than a set, for the 10-row reply as much as the big table
        Set<String> seen = names.length > 16 ? new HashSet<>() : null;
        int n = -1;
        int deepest = 0;
        for (int i = 0; i < names.length; i++) {
            Objects.requireNonNull(names[i], "column name");
            QSequence column = Objects.requireNonNull(columns[i], "column");
            if (seen != null ? !seen.add(names[i]) : indexOf(names, names[i], i) >= 0) {
                throw new IllegalArgumentException("duplicate column name `" + names[i]);
            }
            int count = Shapes.countOf(column);
            if (n >= 0 && count != n) {
                throw new IllegalArgumentException("column `" + names[i] + " has " + count
                        + " rows but `" + names[0] + " has " + n + " ('length)");
            }
            n = count;
            deepest = Math.max(deepest, Shapes.depthOf(column));
        }
        this.names = names;
        this.columns = columns;
        this.attribute = Objects.requireNonNull(attribute, "attribute");
        this.rows = Math.max(n, 0);
        this.depth = Shapes.checked(deepest + 1);
    }

    private static int indexOf(String[] names, String name, int before) {
        for (int j = 0; j < before; j++) {
            if (names[j].equals(name)) {
                return j;
            }
        }
        return -1;
    }

    @Override
    public int depth() {
        return depth;
    }

    /**
     * {@return the table}
     *
     * @param names column names
     * @param columns columns, in the same order, each a vector or a general list
     * @throws IllegalArgumentException when counts differ, a name repeats, or a column is not a list
     */
    public static QTable of(List<String> names, List<? extends QValue> columns) {
        QSequence[] cols = new QSequence[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = asColumn(columns.get(i), i < names.size() ? names.get(i) : "?");
        }
        return new QTable(names.toArray(new String[0]), cols, Attribute.NONE);
    }

    /**
     * {@return the table}
     *
     * @param names column names, shared
     * @param columns columns, shared
     * @param attribute the table's attribute byte
     */
    public static QTable wrap(String[] names, QSequence[] columns, Attribute attribute) {
        return new QTable(names, columns, attribute);
    }

    private static QSequence asColumn(QValue v, String name) {
        if (v instanceof QSequence s) {
            return s;
        }
        throw new IllegalArgumentException("column `" + name + " must be a list, not a " + v.type().qName());
    }

    /** {@return the number of rows} */
    public int count() {
        return rows;
    }

    /** {@return the column names, in order} */
    public List<String> columnNames() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    /** {@return the columns, in order} */
    public List<QSequence> columns() {
        return Collections.unmodifiableList(Arrays.asList(columns));
    }

    /**
     * {@return the column}
     *
     * @param name a column name
     * @throws IllegalArgumentException when there is no such column
     */
    public QSequence column(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column `" + name + " in " + columnNames());
        }
        return columns[i];
    }

    /**
     * {@return its position, or -1}
     *
     * @param name a column name
     */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@return the row as a dictionary from column names to items, as q's {@code t[i]}}
     *
     * @param index 0-based row number
     */
    public QDict row(int index) {
        Objects.checkIndex(index, rows);
        QValue[] items = new QValue[columns.length];
        for (int c = 0; c < columns.length; c++) {
            items[c] = columns[c].at(index);
        }
        return QDict.of(QSymbolVector.wrap(names), QList.wrap(items, Attribute.NONE));
    }

    /** {@return the attribute byte the table carried (almost always {@link Attribute#NONE})} */
    public Attribute attribute() {
        return attribute;
    }

    /** {@return the column names as a symbol vector} */
    public QSymbolVector namesVector() {
        return QSymbolVector.wrap(names.clone());
    }

    @Override
    public QType type() {
        return QType.TABLE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QTable other && attribute == other.attribute && Arrays.equals(names, other.names)
                && Arrays.equals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(columns);
    }

    @Override
    public String toString() {
        return dev.q4j.text.QText.print(this);
    }
}
