package dev.q4j.arrow;

import dev.q4j.Q4jException;

/**
 * A value that cannot cross between q and Arrow: a mixed list column, a timestamp past what Arrow's 1970-based
 * nanoseconds hold, an Arrow null in a boolean column (q booleans have no null), an Arrow type with no q type. The
 * message names the column and, where one is to blame, the row; so do {@link #column()} and {@link #row()}.
 *
 * <pre>{@code
 * try {
 *     QArrow.writeStream(table, out);
 * } catch (QArrowException e) {
 *     System.err.println(e.column() + " " + e.row() + ": " + e.getMessage());
 * }
 * }</pre>
 */
public class QArrowException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /** the column at fault, or {@code null} */
    private final String column;
    /** the row at fault, or -1 */
    private final long row;
    /** what is wrong, without column and row */
    private final String problem;

    /**
     * Creates an exception naming the column and row at fault.
     *
     * @param column the column at fault, or {@code null} when the problem is not one column's
     * @param row the row at fault (0-based), or -1 when the problem is not one row's
     * @param problem what is wrong, without the column and row, which are prefixed
     */
    public QArrowException(String column, long row, String problem) {
        super(describe(column, row, problem));
        this.column = column;
        this.row = row;
        this.problem = problem;
    }

    /** {@return the column at fault, or {@code null} when the problem is not one column's} */
    public String column() {
        return column;
    }

    /** {@return the row at fault (0-based), or -1 when the problem is not one row's} */
    public long row() {
        return row;
    }

    /** {@return what is wrong, without the column and row} */
    String problem() {
        return problem;
    }

    private static String describe(String column, long row, String problem) {
        if (column == null) {
            return problem;
        }
        return row < 0 ? "column " + column + ": " + problem : "column " + column + ", row " + row + ": " + problem;
    }
}
