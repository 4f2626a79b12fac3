package dev.q4j.text;

import dev.q4j.value.QAtom;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lines of lists, dictionaries and tables as the console lays them out ({@code .Q.s2} in kdb+ 4.0's
 * {@code q.k}): tables as a header, dashes and aligned rows; dictionaries and keyed tables as {@code key| value};
 * general lists one item per line, or a matrix of aligned rows when the items are vectors of one length. Cells are
 * q's {@code string} ({@link ConsoleCells}), items of general lists {@code -3!} text ({@link ConsoleText}) cut at a
 * length past which nothing shows.
 */
final class ConsoleLayout {
    /** .Q.s shows this many columns of a table and items of a matrix row: half the HTTP width of {@code \C 36 2000} */
    static final int MAX_ITEMS = 1000;

    private final int limit;

    /** @param limit the length at which a cell's text may be cut: a line that long never shows whole */
    ConsoleLayout(int limit) {
        this.limit = limit;
    }

    /**
     * {@return its count: items, entries or rows; 1 for anything else}
     *
     * @param v a value
     */
    static int count(QValue v) {
        if (v instanceof QSequence s) {
            return s.count();
        }
        if (v instanceof QDict d) {
            return d.count();
        }
        if (v instanceof QTable t) {
            return t.count();
        }
        if (v instanceof QKeyedTable k) {
            return k.count();
        }
        return 1;
    }

    /**
     * {@return its first {@code n} items, entries or rows (q's {@code sublist}); attributes are dropped}
     *
     * @param v a list, dictionary, table or keyed table
     * @param n how many
     */
    static QValue take(QValue v, int n) {
        if (count(v) <= n) {
            return v;
        }
        if (v instanceof QList l) {
            return QList.of(l.items().subList(0, n));
        }
        if (v instanceof QVector vec) {
            List<QAtom> atoms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                atoms.add(vec.at(i));
            }
            return QVectors.ofAtoms(vec.type(), atoms);
        }
        if (v instanceof QDict d) {
            return QDict.of(take(d.keys(), n), take(d.values(), n));
        }
        if (v instanceof QTable t) {
            List<QValue> cols = new ArrayList<>(t.columns().size());
            for (QSequence c : t.columns()) {
                cols.add(take(c, n));
            }
            return QTable.of(t.columnNames(), cols);
        }
        QKeyedTable k = (QKeyedTable) v;
        return QKeyedTable.of((QTable) take(k.keys(), n), (QTable) take(k.values(), n));
    }

    /**
     * {@return its lines, not yet cut to the console's width}
     *
     * @param x a value
     */
    List<String> lines(QValue x) {
        if (x instanceof QDict d) {
            return dict(lines(d.keys()), lines(d.values()));
        }
        if (x instanceof QKeyedTable k) {
            return dict(lines(k.keys()), lines(k.values()));
        }
        if (x instanceof QTable t) {
            return table(t);
        }
        if (x instanceof QVector v) {
            // $x: q's string of each item
            int n = v.count();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ConsoleCells.string(v.at(i)));
            }
            return out;
        }
        if (x instanceof QList l) {
            return list(l);
        }
        if (x instanceof QAtom a) {
            return List.of(ConsoleCells.string(a));
        }
        return List.of(ConsoleText.show(x, limit));
    }

    private List<String> list(QList l) {
        int n = l.count();
        if (n == 0) {
            return List.of();
        }
        boolean shown = false;
        Set<Integer> counts = new HashSet<>();
        Set<QType> types = new HashSet<>();
        for (QValue item : l.items()) {
            if (!(item instanceof QSequence s)) {
                // an atom, or a table, dictionary, function or error: each item as -3! text
                shown = true;
                break;
            }
            counts.add(s.count());
            types.add(s.type());
        }
        if (!shown) {
            shown = counts.size() > 1 || (types.size() == 1 && (types.contains(QType.BOOLEAN)
                    || types.contains(QType.BYTE) || types.contains(QType.CHAR)));
        }
        if (shown) {
            List<String> out = new ArrayList<>(n);
            for (QValue item : l.items()) {
                out.add(ConsoleText.show(item, limit));
            }
            return out;
        }
        // same-length lists: a matrix, one aligned row per item
        List<List<String>> matrix = new ArrayList<>(n);
        for (QValue item : l.items()) {
            matrix.add(lines(take(item, MAX_ITEMS)));
        }
        return tab(matrix);
    }

    private List<String> table(QTable t) {
        List<String> names = t.columnNames();
        int nc = Math.min(names.size(), MAX_ITEMS);
        List<List<String>> cells = new ArrayList<>(nc);
        for (int c = 0; c < nc; c++) {
            cells.add(lines(t.columns().get(c)));
        }
        List<List<String>> grid = new ArrayList<>(t.count() + 1);
        grid.add(names.subList(0, nc));
        int nr = nc == 0 ? 0 : cells.get(0).size();
        for (int r = 0; r < nr; r++) {
            List<String> row = new ArrayList<>(nc);
            for (List<String> column : cells) {
                row.add(r < column.size() ? column.get(r) : "");
            }
            grid.add(row);
        }
        List<String> lines = tab(grid);
        List<String> out = new ArrayList<>(lines.size() + 1);
        out.add(lines.get(0));
        out.add("-".repeat(lines.get(0).length()));
        out.addAll(lines.subList(1, lines.size()));
        return out;
    }

    /** Keys and values side by side, {@code key| value}; a table on one side only gets two lines of padding. */
    private static List<String> dict(List<String> keys, List<String> values) {
        List<String> k = headed(values.size(), keys);
        List<String> v = headed(keys.size(), values);
        int width = 0;
        for (String s : k) {
            width = Math.max(width, s.length());
        }
        int n = Math.max(k.size(), v.size());
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String key = i < k.size() ? k.get(i) : "";
            out.add(key + " ".repeat(width - key.length()) + "| " + (i < v.size() ? v.get(i) : ""));
        }
        return out;
    }

    /** {@code .Q.t0}: blanks and dashes above {@code lines} when the other side has a header and they do not. */
    private static List<String> headed(int otherCount, List<String> lines) {
        if (otherCount <= lines.size()) {
            return lines;
        }
        int w = lines.isEmpty() ? 0 : lines.get(0).length();
        List<String> out = new ArrayList<>(lines.size() + 2);
        out.add(" ".repeat(w));
        out.add("-".repeat(w));
        out.addAll(lines);
        return out;
    }

    /** {@code .Q.tab}: rows of cells, each column padded to its widest cell, cells joined by one space. */
    private static List<String> tab(List<List<String>> grid) {
        int nc = 0;
        for (List<String> row : grid) {
            nc = Math.max(nc, row.size());
        }
        int[] widths = new int[nc];
        for (List<String> row : grid) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        List<String> out = new ArrayList<>(grid.size());
        for (List<String> row : grid) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < nc; c++) {
                if (c > 0) {
                    sb.append(' ');
                }
                String cell = c < row.size() ? row.get(c) : "";
                sb.append(cell);
                for (int i = cell.length(); i < widths[c]; i++) {
                    sb.append(' ');
                }
            }
            out.add(sb.toString());
        }
        return out;
    }
}
