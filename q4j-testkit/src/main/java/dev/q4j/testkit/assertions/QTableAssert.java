package dev.q4j.testkit.assertions;

import dev.q4j.value.Q;
import dev.q4j.value.QDict;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on a q table: its columns, their types, its rows; failures show the table as q text.
 *
 * <pre>{@code
 * assertThat(trades).isTable()
 *         .hasColumns("sym", "px", "size")
 *         .hasRowCount(2)
 *         .containsRow("IBM", 101.5, 100L)                   // cells in column order: a String is a symbol
 *         .containsRows(QTable.of(List.of("px", "sym"), List.of(QFloatVector.of(101.5), QSymbolVector.of("IBM"))));
 * }</pre>
 */
@SuppressWarnings("exports")   // AssertJ is an optional dependency: users of this class have it
public final class QTableAssert extends AbstractAssert<QTableAssert, QTable> {
    private final QCompare compare;

    QTableAssert(QTable actual, QCompare compare) {
        super(actual, QTableAssert.class);
        this.compare = compare;
    }

    /**
     * Checks the column names, in order.
     *
     * @param names the names
     * @return this assertion
     */
    public QTableAssert hasColumns(String... names) {
        if (!actual.columnNames().equals(Arrays.asList(names))) {
            failWithMessage("%nexpected the columns %s, the table has %s:%n%s", symbols(Arrays.asList(names)),
                    symbols(actual.columnNames()), QCompare.shorten(actual));
        }
        return this;
    }

    /**
     * Checks a column's type.
     *
     * @param column the column's name
     * @param type its type ({@link QType#LIST} for a general list)
     * @return this assertion
     */
    public QTableAssert hasColumnType(String column, QType type) {
        checkColumn(column);
        QType t = actual.column(column).type();
        if (t != type) {
            failWithMessage("%nexpected column %s of type %s, it is %s", column, type.qName(), t.qName());
        }
        return this;
    }

    /**
     * Checks the number of rows.
     *
     * @param rows how many
     * @return this assertion
     */
    public QTableAssert hasRowCount(int rows) {
        if (actual.count() != rows) {
            failWithMessage("%nexpected %s rows, the table has %s:%n%s", rows, actual.count(),
                    QCompare.shorten(actual));
        }
        return this;
    }

    /**
     * Checks that a row has these cells, in the order of the columns.
     *
     * @param cells q values, or Java values for {@link Q#of(Object)} (a {@code String} is a symbol)
     * @return this assertion
     */
    public QTableAssert containsRow(Object... cells) {
        if (cells.length != actual.columnNames().size()) {
            failWithMessage("%na row of %s cells was given, the table has %s columns %s", cells.length,
                    actual.columnNames().size(), symbols(actual.columnNames()));
        }
        List<QValue> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c instanceof QValue v ? v : Q.of(c));
        }
        if (find(actual.columnNames(), row) < 0) {
            failWithMessage("%nexpected a row (q): %s%n in the table (q): %s%nno row has those cells", row(row),
                    QCompare.shorten(actual));
        }
        return this;
    }

    /**
     * Checks that every row of {@code rows} is in the table (matched by column name, so the columns may come in
     * another order; the table may have more columns and rows).
     *
     * @param rows the rows expected
     * @return this assertion
     */
    public QTableAssert containsRows(QTable rows) {
        for (String c : rows.columnNames()) {
            checkColumn(c);
        }
        for (int r = 0; r < rows.count(); r++) {
            List<QValue> row = new ArrayList<>();
            for (String c : rows.columnNames()) {
                row.add(rows.column(c).at(r));
            }
            if (find(rows.columnNames(), row) < 0) {
                failWithMessage("%nexpected the row %s (q): %s%n in the table (q): %s%nno row has those cells", r,
                        QDict.of(QSymbolVector.of(rows.columnNames().toArray(String[]::new)), Q.list(row)),
                        QCompare.shorten(actual));
            }
        }
        return this;
    }

    /**
     * {@return assertions on one column, as a q value}
     *
     * @param name the column's name
     */
    public QValueAssert column(String name) {
        checkColumn(name);
        QValueAssert a = new QValueAssert(actual.column(name));
        if (compare.tolerance() > 0) {
            a.usingTolerance(compare.tolerance());
        }
        return a;
    }

    private void checkColumn(String name) {
        if (actual.indexOf(name) < 0) {
            failWithMessage("%nexpected a column %s, the table has %s", name, symbols(actual.columnNames()));
        }
    }

    private int find(List<String> columns, List<QValue> cells) {
        for (int r = 0; r < actual.count(); r++) {
            boolean all = true;
            for (int c = 0; c < columns.size() && all; c++) {
                all = compare.difference(cells.get(c), actual.column(columns.get(c)).at(r)) == null;
            }
            if (all) {
                return r;
            }
        }
        return -1;
    }

    private static String row(List<QValue> cells) {
        List<String> out = new ArrayList<>();
        cells.forEach(c -> out.add(c.toString()));
        return "(" + String.join(";", out) + ")";
    }

    private static String symbols(List<String> names) {
        StringBuilder b = new StringBuilder();
        names.forEach(n -> b.append('`').append(n));
        return b.length() == 0 ? "none" : b.toString();
    }
}
