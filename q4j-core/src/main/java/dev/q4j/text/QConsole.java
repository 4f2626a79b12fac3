package dev.q4j.text;

import dev.q4j.value.QAtom;
import dev.q4j.value.QError;
import dev.q4j.value.QFunction;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Values shown as the q console shows them, at a console size ({@code \c rows columns}): what {@code show} prints,
 * the rules of {@code .Q.s} in kdb+ 4.0's {@code q.k}. Where {@link QText#print(QValue)} writes text that reads back,
 * this is text for people: tables as columns, floats to 7 digits, long output cut with {@code ..}.
 *
 * <pre>{@code
 * QValue t = QText.parse("([sym:`IBM`MSFT] px:1.5 2.25)");
 * System.out.print(QConsole.DEFAULT.show(t));        // \c 25 80, as QText.show(t)
 * // sym | px
 * // ----| ----
 * // IBM | 1.5
 * // MSFT| 2.25
 * List<String> lines = new QConsole(50, 200).lines(t);  // a taller, wider console: one string a line
 * }</pre>
 *
 * <ul>
 *   <li>Atoms and simple vectors: one line of {@code -3!} text ({@code 42}, {@code 1 2 3i}, {@code `a`b},
 *       {@code "abc"}, {@code ,1}, {@code 2024.01.02}), floats to 7 significant digits as with q's default
 *       {@code \P 7}. Guids print bare, strings escape bytes outside printable ASCII as octal
 *       ({@code "Z\303\274rich"}).
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
 * <p>Like the console the output is cut: a dictionary or general list shows at most {@code rows - 3} entries and a
 * table at most {@code rows - 5} rows, followed by a {@code ..} line; a line longer than {@code columns - 1}
 * characters is cut to {@code columns - 3} followed by {@code ..}. Tables show at most 1000 columns. Widths count
 * characters, where q counts bytes: only text outside ASCII differs. The cost follows what shows, not the size of
 * the value: a vector of millions of items is not printed whole.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param rows console height, as q's {@code \c} takes it: kept within 10 .. 2000 as q keeps it ({@code \c 5 5}
 *     gives a console of 10 by 10)
 * @param columns console width, kept within 10 .. 2000 likewise
 */
public record QConsole(int rows, int columns) {
    /** q's default console height ({@code \c}): 25 */
    public static final int DEFAULT_ROWS = 25;
    /** q's default console width ({@code \c}): 80 */
    public static final int DEFAULT_COLUMNS = 80;
    /** the smallest height or width q's {@code \c} keeps: 10 */
    public static final int MIN_SIZE = 10;
    /** the largest height or width q's {@code \c} keeps: 2000 */
    public static final int MAX_SIZE = 2000;

    /** the console of a q session started without {@code -c}: {@code \c 25 80} */
    public static final QConsole DEFAULT = new QConsole(DEFAULT_ROWS, DEFAULT_COLUMNS);

    /**
     * A console of the given size, brought within 10 .. 2000 on either side as q's {@code \c} does.
     *
     * @param rows console height
     * @param columns console width
     */
    public QConsole {
        rows = clamp(rows);
        columns = clamp(columns);
    }

    private static int clamp(int n) {
        return Math.max(MIN_SIZE, Math.min(MAX_SIZE, n));
    }

    /**
     * The text the console shows for a value.
     *
     * @param value a value
     * @return its lines, each ended by a newline; empty for {@code ::}
     */
    public String show(QValue value) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(value)) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /**
     * The lines the console shows for a value.
     *
     * @param value a value
     * @return its lines, without line ends, in an unmodifiable list; none for {@code ::}
     */
    public List<String> lines(QValue value) {
        Objects.requireNonNull(value, "value");
        if (value.isGenericNull()) {
            return List.of();
        }
        int height = rows - 2;
        int width = columns - 1;
        // a cell longer than the width makes every line it is on longer than the width: its tail never shows
        int limit = width + 1;
        List<String> raw;
        if (value instanceof QAtom || value instanceof QVector || value instanceof QError) {
            raw = List.of(ConsoleText.show(value, limit));
        } else if (value instanceof QFunction f) {
            raw = Arrays.asList(ConsoleText.function(f).split("\n", -1));
        } else {
            int n = height - (value instanceof QTable || value instanceof QKeyedTable ? 2 : 0);
            boolean cut = n < ConsoleLayout.count(value);
            raw = new ArrayList<>(new ConsoleLayout(limit).lines(cut ? ConsoleLayout.take(value, n - 1) : value));
            if (cut) {
                raw.add("..");
            }
        }
        List<String> out = new ArrayList<>(raw.size());
        for (String line : raw) {
            out.add(clip(line, width));
        }
        return List.copyOf(out);
    }

    /**
     * The text the console shows for an atom in a table cell, a dictionary entry or a row of a matrix: q's
     * {@code string} of it. No type suffix, nulls empty, infinities {@code 0W} and {@code -0W} ({@code 0w} and
     * {@code -0w} for floats and reals), symbols without the backquote, booleans {@code 1} and {@code 0}, bytes as two
     * hex digits, floats to 7 significant digits, temporals as q writes them ({@code 2024.01.02},
     * {@code 2024.01} for a month).
     *
     * <pre>{@code
     * QConsole.cell(QFloat.of(Math.PI));      // 3.141593
     * QConsole.cell(QLong.NULL);              // "" (empty)
     * QConsole.cell(QSymbol.of("IBM"));       // IBM
     * }</pre>
     *
     * @param atom an atom
     * @return its text
     */
    public static String cell(QAtom atom) {
        return ConsoleCells.string(Objects.requireNonNull(atom, "atom"));
    }

    /** A line longer than the width: its first {@code width - 2} characters and {@code ..}. */
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
}
