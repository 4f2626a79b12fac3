package dev.q4j.jdbc;

import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of a {@link java.sql.DatabaseMetaData} result, with the columns JDBC names for it, each typed by a letter:
 * {@code s} text (null for {@code null}), {@code i} int, {@code h} short, {@code j} long (both nullable),
 * {@code b} boolean.
 */
final class MetaRows {
    private final String[] names;
    private final char[] types;
    private final List<Object[]> rows = new ArrayList<>();

    /** @param spec the columns, {@code "NAME:t"} each */
    MetaRows(String... spec) {
        names = new String[spec.length];
        types = new char[spec.length];
        for (int i = 0; i < spec.length; i++) {
            int colon = spec[i].indexOf(':');
            names[i] = colon < 0 ? spec[i] : spec[i].substring(0, colon);
            types[i] = colon < 0 ? 's' : spec[i].charAt(colon + 1);
        }
    }

    MetaRows add(Object... row) {
        if (row.length != names.length) {
            throw new IllegalArgumentException(row.length + " values for " + names.length + " columns");
        }
        rows.add(row);
        return this;
    }

    List<Column> columns() {
        List<Column> out = new ArrayList<>(names.length);
        int n = rows.size();
        for (int c = 0; c < names.length; c++) {
            QSequence v;
            switch (types[c]) {
                case 'i', 'h' -> {
                    int[] a = new int[n];
                    for (int r = 0; r < n; r++) {
                        Object o = rows.get(r)[c];
                        a[r] = o == null ? Integer.MIN_VALUE : ((Number) o).intValue();
                    }
                    v = QIntVector.wrap(a);
                }
                case 'j' -> {
                    long[] a = new long[n];
                    for (int r = 0; r < n; r++) {
                        Object o = rows.get(r)[c];
                        a[r] = o == null ? Long.MIN_VALUE : ((Number) o).longValue();
                    }
                    v = QLongVector.wrap(a);
                }
                case 'b' -> {
                    boolean[] a = new boolean[n];
                    for (int r = 0; r < n; r++) {
                        a[r] = Boolean.TRUE.equals(rows.get(r)[c]);
                    }
                    v = QBooleanVector.wrap(a);
                }
                default -> {
                    String[] a = new String[n];
                    for (int r = 0; r < n; r++) {
                        Object o = rows.get(r)[c];
                        a[r] = o == null ? "" : o.toString();
                    }
                    v = QSymbolVector.wrap(a);
                }
            }
            out.add(Column.of(names[c], v));
        }
        return out;
    }

    QResultSet resultSet() {
        return new QResultSet(null, columns(), 0);
    }
}
