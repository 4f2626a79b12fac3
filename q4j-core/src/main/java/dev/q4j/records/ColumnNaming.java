package dev.q4j.records;

/**
 * How a record component's name becomes a column name when records are written to q. Reading matches either form
 * (component {@code tradeTime} reads column {@code tradeTime} or {@code trade_time}); a {@link QColumn} name wins
 * over both.
 *
 * <pre>{@code
 * RecordMapper snake = RecordMapper.builder().columnNaming(ColumnNaming.SNAKE_CASE).build();
 * }</pre>
 */
public enum ColumnNaming {
    /** the component's name as declared: {@code tradeTime} (the default) */
    AS_DECLARED,
    /** lower snake case: {@code tradeTime} becomes {@code trade_time} */
    SNAKE_CASE
}
