package dev.q4j.records;

/**
 * What reading records does with a column (or dictionary key) that no record component maps.
 *
 * <pre>{@code
 * RecordMapper lenient = RecordMapper.builder().unmatchedColumns(UnmatchedColumns.IGNORE).build();
 * }</pre>
 */
public enum UnmatchedColumns {
    /** an error that names the column and the record class (the default): nothing is dropped unnoticed */
    FAIL,
    /** skipped: the record takes the columns it names */
    IGNORE
}
