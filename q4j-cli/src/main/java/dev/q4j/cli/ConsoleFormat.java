package dev.q4j.cli;

import dev.q4j.text.QText;
import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFunction;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QReal;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QType;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Values laid out the way the q console shows them: the rules of {@code .Q.s} (what {@code show} prints), from the
 * {@code q.k} of kdb+ 4.0, applied to q4j values.
 *
 * <ul>
 *   <li>Atoms and simple vectors: one line of {@code -3!} text ({@code 42}, {@code 1 2 3i}, {@code `a`b},
 *       {@code "abc"}, {@code ,1}, {@code 2024.01.02}), floats to 7 significant digits as with q's default {@code \P 7}.
 *       Guids print bare, strings escape bytes outside printable ASCII as octal ({@code "Z\303\274rich"}).
 *   <li>Dictionaries: one {@code key| value} line per entry, keys padded to the widest.
 *   <li>Tables: a header line of column names, a line of dashes as long as it, then one line per row; each column
 *       is as wide as its widest cell or name, cells are left-aligned and padded (the last column too), columns are
 *       separated by one space.
 *   <li>Keyed tables: the key columns and the value columns side by side, joined by {@code | } on every line,
 *       dashes included ({@code k| v} / {@code -| -}).
 *   <li>General lists: one item per line.
 *   <li>Functions: their source text.
 *   <li>The generic null {@code ::}: nothing at all.
 * </ul>
 *
 * <p>Cells and entries from a simple vector show as q's {@code string} does: no type suffix, nulls empty ({@code 0N}
 * is a blank cell), symbols without the backquote, booleans as {@code 1}/{@code 0}. Items of a general list show as
 * {@code -3!} text ({@code `a}, {@code "abc"}, {@code 1.5}) except that a list of same-length vectors (not boolean,
 * byte or char ones) is a matrix, one row per line with aligned columns.
 *
 * <p>Like the console ({@code \c}, default 25 rows and 80 columns) the output is cut: a dictionary or general list
 * shows at most {@code rows - 3} entries and a table at most {@code rows - 5} rows, followed by a {@code ..} line;
 * a line longer than {@code columns - 1} characters is cut to {@code columns - 3} followed by {@code ..}. Tables show
 * at most 1000 columns. Widths count characters, where q counts bytes: only text outside ASCII differs.
 *
 * <p>Instances are immutable and thread-safe.
 */
final class ConsoleFormat {
    /** q's default console height ({@code \c}) */
    static final int DEFAULT_ROWS = 25;
    /** q's default console width ({@code \c}) */
    static final int DEFAULT_COLUMNS = 80;
    /** q's limits on either dimension of {@code \c} */
    static final int MIN_SIZE = 10;
    static final int MAX_SIZE = 2000;

    /** the console format of a default q session: {@code \c 25 80} */
    static final ConsoleFormat DEFAULT = new ConsoleFormat(DEFAULT_ROWS, DEFAULT_COLUMNS);

    /** .Q.s shows this many columns of a table and items of a matrix row: half the HTTP width of {@code \C 36 2000} */
    private static final int MAX_ITEMS = 1000;
    /** q's default print precision ({@code \P 7}) */
    private static final int PRECISION = 7;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final int rows;
    private final int columns;

    /**
     * @param rows console height as q's {@code \c} takes it, kept within 10 .. 2000 as q keeps it
     * @param columns console width, kept within 10 .. 2000
     */
    ConsoleFormat(int rows, int columns) {
        this.rows = clamp(rows);
        this.columns = clamp(columns);
    }

    private static int clamp(int n) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, n));
    }

    /** {@return the console height} */
    int rows() {
        return rows;
    }

    /** {@return the console width} */
    int columns() {
        return columns;
    }

    /**
     * {@return the text the q console shows for it, each line ended by a newline; empty for {@code ::}}
     *
     * @param value a value
     */
    String format(QValue value) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(value)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * {@return the lines the q console shows for it; none for {@code ::}}
     *
     * @param value a value
     */
    List<String> lines(QValue value) {
        if (value.isGenericNull()) {
            return List.of();
        }
        int height = rows - 2;
        int width = columns - 1;
        // a cell longer than the width makes every line it is on longer than the width: its tail never shows
        int limit = width + 1;
        List<String> raw;
        if (value instanceof QAtom || value instanceof QVector || value instanceof QError) {
            raw = List.of(show(value, limit));
        } else if (value instanceof QFunction f) {
            raw = Arrays.asList(functionText(f).split("\n", -1));
        } else {
            int n = height - (isTable(value) ? 2 : 0);
            boolean cut = n < count(value);
            raw = new ArrayList<>(new Layout(limit).lines(cut ? take(value, n - 1) : value));
            if (cut) {
                raw.add("..");
            }
        }
        List<String> out = new ArrayList<>(raw.size());
        for (String line : raw) {
            out.add(clip(line, width));
        }
        return out;
    }

    private static String clip(String line, int width) {
        if (line.length() <= width) {
            return line;
        }
        int end = width - 2;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end) + "..";
    }

    private static boolean isTable(QValue v) {
        return v instanceof QTable || v instanceof QKeyedTable;
    }

    private static int count(QValue v) {
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

    /** The first {@code n} items, entries or rows (q's {@code sublist}); attributes are dropped. */
    private static QValue take(QValue v, int n) {
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

    private static String functionText(QFunction f) {
        return f instanceof QLambda l ? l.source() : QText.print(f);
    }

    // ------------------------------------------------------------------ .Q.s2: lines of a structure

    /** The lines of lists, dictionaries and tables ({@code .Q.s2}), with cells cut at {@code limit} characters. */
    private static final class Layout {
        private final int limit;

        Layout(int limit) {
            this.limit = limit;
        }

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
                    out.add(string(v.at(i)));
                }
                return out;
            }
            if (x instanceof QList l) {
                return list(l);
            }
            if (x instanceof QAtom a) {
                return List.of(string(a));
            }
            return List.of(show(x, limit));
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
                    out.add(show(item, limit));
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

    // ------------------------------------------------------------------ q's string: cells

    /**
     * q's {@code string} of an atom, as a table cell or dictionary entry shows it: no type suffix, nulls empty,
     * infinities {@code 0W} ({@code 0w} for floats and reals).
     *
     * @param a an atom
     * @return its text
     */
    static String string(QAtom a) {
        if (a.isNull() && a.type() != QType.CHAR && a.type() != QType.GUID && a.type() != QType.SYMBOL) {
            return "";
        }
        switch (a.type()) {
            case BOOLEAN:
                return ((QBoolean) a).value() ? "1" : "0";
            case GUID:
                return ((QGuid) a).value().toString();
            case BYTE: {
                byte b = ((QByte) a).value();
                return new String(new char[] {HEX[(b >> 4) & 15], HEX[b & 15]});
            }
            case SHORT:
                return integral(((QShort) a).value(), Short.MAX_VALUE);
            case INT:
                return integral(((QInt) a).value(), Integer.MAX_VALUE);
            case LONG:
                return integral(((QLong) a).value(), Long.MAX_VALUE);
            case REAL:
                return decimal(((QReal) a).value());
            case FLOAT:
                return decimal(((QFloat) a).value());
            case CHAR:
                return charText(((QChar) a).value());
            case SYMBOL:
                return ((QSymbol) a).value();
            default:
                return a.isInfinite() ? (Atoms.positive(a) ? "0W" : "-0W") : temporal(a);
        }
    }

    private static String integral(long v, long max) {
        if (v == max) {
            return "0W";
        }
        if (v == -max) {
            return "-0W";
        }
        return Long.toString(v);
    }

    /** A float or real item: 7 significant digits, {@code 0w}/{@code -0w} for infinities, empty for NaN. */
    private static String decimal(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "0w" : "-0w";
        }
        return g(d);
    }

    private static String charText(byte b) {
        return b >= 0 ? String.valueOf((char) b) : QUtf8.decode(new byte[] {b}, 0, 1);
    }

    /** The q text of a finite, non-null temporal atom, without a type suffix. */
    private static String temporal(QAtom a) {
        switch (a.type()) {
            case TIMESTAMP:
                return TemporalText.qTimestamp(((QTimestamp) a).nanos());
            case MONTH:
                return TemporalText.qMonth(((QMonth) a).months());
            case DATE:
                return TemporalText.qDate(((QDate) a).days());
            case DATETIME:
                return TemporalText.qDatetime(((QDatetime) a).days());
            case TIMESPAN:
                return TemporalText.qTimespan(((QTimespan) a).nanos());
            case MINUTE:
                return TemporalText.minute(((QMinute) a).minutes());
            case SECOND:
                return TemporalText.second(((QSecond) a).seconds());
            default:
                return TemporalText.time(((QTime) a).millis());
        }
    }

    /**
     * C's {@code %.7g} with trailing zeros removed, as q displays floats at {@code \P 7}: {@code 3.141593},
     * {@code 100}, {@code 0.0001}, {@code 1e-05}, {@code 1.234568e+08}.
     *
     * @param d a finite double
     * @return its text
     */
    static String g(double d) {
        String sign = Double.doubleToRawLongBits(d) < 0 ? "-" : "";
        double a = Math.abs(d);
        if (a == 0) {
            return sign + "0";
        }
        BigDecimal v = new BigDecimal(a).round(new MathContext(PRECISION, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        String digits = v.unscaledValue().toString();
        int n = digits.length();
        int x = n - 1 - v.scale();
        StringBuilder sb = new StringBuilder(sign);
        if (x < -4 || x >= PRECISION) {
            sb.append(digits.charAt(0));
            if (n > 1) {
                sb.append('.').append(digits, 1, n);
            }
            sb.append('e').append(x < 0 ? '-' : '+');
            int ax = Math.abs(x);
            if (ax < 10) {
                sb.append('0');
            }
            sb.append(ax);
        } else if (x >= 0) {
            if (n <= x + 1) {
                sb.append(digits).append("0".repeat(x + 1 - n));
            } else {
                sb.append(digits, 0, x + 1).append('.').append(digits, x + 1, n);
            }
        } else {
            sb.append("0.").append("0".repeat(-x - 1)).append(digits);
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------ -3!: one-line text

    /**
     * q's {@code -3!}: a value on one line as the console shows an atom or a list item, e.g. {@code 1.5},
     * {@code 1 2 3i}, {@code `a`b!1 2}, {@code +`a`b!(1 2;`x`y)}.
     *
     * @param value a value
     * @return its text
     */
    static String show(QValue value) {
        return show(value, Integer.MAX_VALUE);
    }

    /**
     * {@return its text, possibly cut after {@code limit} characters}
     *
     * @param value a value
     * @param limit a length past which the text may stop early: whatever is longer is cut anyway
     */
    static String show(QValue value, int limit) {
        Shower s = new Shower(limit);
        s.value(value);
        return s.sb.length() > limit ? s.sb.substring(0, limit) : s.sb.toString();
    }

    /** Builds {@code -3!} text, stopping early once it is past its limit. */
    private static final class Shower {
        final StringBuilder sb = new StringBuilder();
        private final int limit;

        Shower(int limit) {
            this.limit = limit;
        }

        private boolean full() {
            return sb.length() > limit;
        }

        void value(QValue v) {
            if (full()) {
                return;
            }
            if (v instanceof QAtom a) {
                atom(a);
            } else if (v instanceof QVector vec) {
                vector(vec);
            } else if (v instanceof QList l) {
                list(l);
            } else if (v instanceof QDict d) {
                keys(d.sorted(), d.keys());
                sb.append('!');
                value(d.values());
            } else if (v instanceof QTable t) {
                table(t);
            } else if (v instanceof QKeyedTable k) {
                keys(k.sorted(), k.keys());
                sb.append('!');
                table(k.values());
            } else if (v instanceof QFunction f) {
                sb.append(functionText(f));
            } else {
                sb.append('\'').append(((QError) v).message());
            }
        }

        /**
         * Keys of a dictionary: in parentheses unless they are a plain list of two or more items. The {@code `s#} of
         * a sorted dictionary stands in front of it, and gives its keys their own {@code s}.
         */
        private void keys(boolean sorted, QValue keys) {
            if (sorted) {
                sb.append("`s#");
                if (keys instanceof QVector v) {
                    keys = v.withAttribute(Attribute.NONE);
                } else if (keys instanceof QList l) {
                    keys = l.withAttribute(Attribute.NONE);
                }
            }
            boolean plain = keys instanceof QSequence s && s.count() > 1 && s.attribute() == Attribute.NONE;
            if (!plain) {
                sb.append('(');
            }
            value(keys);
            if (!plain) {
                sb.append(')');
            }
        }

        private void table(QTable t) {
            sb.append('+');
            keys(false, t.namesVector());
            sb.append('!');
            list(QList.of(t.columns()));
        }

        private void list(QList l) {
            attribute(l.attribute());
            int n = l.count();
            if (n == 0) {
                sb.append("()");
            } else if (n == 1) {
                sb.append(',');
                value(l.at(0));
            } else {
                sb.append('(');
                for (int i = 0; i < n && !full(); i++) {
                    if (i > 0) {
                        sb.append(';');
                    }
                    value(l.at(i));
                }
                sb.append(')');
            }
        }

        private void attribute(Attribute a) {
            if (a != Attribute.NONE) {
                sb.append('`').append(a.letter()).append('#');
            }
        }

        private void atom(QAtom a) {
            QType t = a.type();
            switch (t) {
                case BOOLEAN:
                    sb.append(((QBoolean) a).value() ? "1b" : "0b");
                    return;
                case GUID:
                    sb.append(((QGuid) a).value());
                    return;
                case BYTE:
                    sb.append("0x").append(string(a));
                    return;
                case CHAR:
                    quoted(new byte[] {((QChar) a).value()});
                    return;
                case SYMBOL:
                    sb.append('`').append(((QSymbol) a).value());
                    return;
                case FLOAT: {
                    double d = ((QFloat) a).value();
                    int start = sb.length();
                    floatItem(d);
                    if (plainDigits(start)) {
                        sb.append('f');
                    }
                    return;
                }
                case REAL: {
                    float f = ((QReal) a).value();
                    if (Float.isInfinite(f)) {
                        sb.append(f > 0 ? "0we" : "-0we");
                    } else {
                        realItem(f);
                        sb.append('e');
                    }
                    return;
                }
                case LONG:
                    special(a);
                    return;
                case SHORT: case INT:
                    special(a);
                    sb.append(t.letter());
                    return;
                default:
                    // temporal: 2024.01.02, 12:00, 2024.01m; 0Nd, 0Wp
                    if (a.isNull() || a.isInfinite()) {
                        special(a);
                        sb.append(t.letter());
                    } else {
                        sb.append(string(a));
                        if (t == QType.MONTH) {
                            sb.append('m');
                        }
                    }
            }
        }

        /** An integral or temporal item: {@code 0N}, {@code 0W}, {@code -0W} or its text without suffix. */
        private void special(QAtom a) {
            // string gives 0W and -0W for infinities
            sb.append(a.isNull() ? "0N" : string(a));
        }

        private void floatItem(double d) {
            if (Double.isNaN(d)) {
                sb.append("0n");
            } else if (Double.isInfinite(d)) {
                sb.append(d > 0 ? "0w" : "-0w");
            } else {
                sb.append(g(d));
            }
        }

        private void realItem(float f) {
            if (Float.isNaN(f)) {
                sb.append("0N");
            } else if (Float.isInfinite(f)) {
                sb.append(f > 0 ? "0W" : "-0W");
            } else {
                sb.append(g(f));
            }
        }

        /** {@return true when the text from {@code start} has no '.', 'e', 'n' or 'w': it would read as a long} */
        private boolean plainDigits(int start) {
            for (int i = start; i < sb.length(); i++) {
                char c = sb.charAt(i);
                if (c == '.' || c == 'e' || c == 'n' || c == 'w') {
                    return false;
                }
            }
            return true;
        }

        private void vector(QVector v) {
            attribute(v.attribute());
            int n = v.count();
            QType t = v.type();
            if (n == 0) {
                sb.append(t == QType.CHAR ? "\"\"" : "`" + t.qName() + "$()");
                return;
            }
            if (n == 1) {
                sb.append(',');
            }
            switch (t) {
                case BOOLEAN:
                    for (int i = 0; i < n && !full(); i++) {
                        sb.append(((QBoolean) v.at(i)).value() ? '1' : '0');
                    }
                    sb.append('b');
                    return;
                case BYTE:
                    sb.append("0x");
                    for (int i = 0; i < n && !full(); i++) {
                        sb.append(string(v.at(i)));
                    }
                    return;
                case CHAR:
                    quoted(((QCharVector) v).array());
                    return;
                case SYMBOL:
                    for (int i = 0; i < n && !full(); i++) {
                        sb.append('`').append(((QSymbol) v.at(i)).value());
                    }
                    return;
                case GUID:
                    for (int i = 0; i < n && !full(); i++) {
                        space(i);
                        sb.append(((QGuid) v.at(i)).value());
                    }
                    return;
                case FLOAT: {
                    int start = sb.length();
                    for (int i = 0; i < n && !full(); i++) {
                        space(i);
                        floatItem(((QFloat) v.at(i)).value());
                    }
                    if (plainDigits(start)) {
                        sb.append('f');
                    }
                    return;
                }
                case REAL:
                    for (int i = 0; i < n && !full(); i++) {
                        space(i);
                        realItem(((QReal) v.at(i)).value());
                    }
                    sb.append('e');
                    return;
                case SHORT: case INT: case LONG:
                    for (int i = 0; i < n && !full(); i++) {
                        space(i);
                        special(v.at(i));
                    }
                    if (t != QType.LONG) {
                        sb.append(t.letter());
                    }
                    return;
                default: {
                    // temporal: nulls and infinities as 0N 0W -0W, the type letter only when no item shows the type
                    boolean typed = false;
                    for (int i = 0; i < n && !full(); i++) {
                        space(i);
                        QAtom a = v.at(i);
                        typed |= !a.isNull() && !a.isInfinite();
                        special(a);
                    }
                    if (!typed || t == QType.MONTH) {
                        sb.append(t.letter());
                    }
                }
            }
        }

        private void space(int i) {
            if (i > 0) {
                sb.append(' ');
            }
        }

        /** A q string literal: {@code " \ newline tab return} escaped, other bytes outside 0x20 .. 0x7e as octal. */
        private void quoted(byte[] bytes) {
            sb.append('"');
            for (int i = 0; i < bytes.length && !full(); i++) {
                int c = bytes[i] & 0xFF;
                switch (c) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\t': sb.append("\\t"); break;
                    case '\r': sb.append("\\r"); break;
                    default:
                        if (c < 0x20 || c >= 0x7f) {
                            sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                    .append((char) ('0' + (c & 7)));
                        } else {
                            sb.append((char) c);
                        }
                }
            }
            sb.append('"');
        }
    }
}
