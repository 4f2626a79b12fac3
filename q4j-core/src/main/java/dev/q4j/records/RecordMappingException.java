package dev.q4j.records;

import dev.q4j.Q4jException;
import dev.q4j.value.QType;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A q value and a Java record did not match: the one exception the {@link RecordMapper} throws. Its message names
 * the record class, the component, the column, the column's q type and the row, where they apply; the same facts are
 * available as accessors.
 *
 * <pre>{@code
 * try {
 *     mapper.toList(table, Trade.class);
 * } catch (RecordMappingException e) {
 *     // Trade.size (long) <- column `size (long), row 3: 0Nj (null) cannot go into a primitive long; ...
 *     log.error(e.getMessage());
 *     int row = e.row().orElse(-1);
 * }
 * }</pre>
 */
public final class RecordMappingException extends Q4jException {
    private static final long serialVersionUID = 1L;

    /** the record class, or {@code null} */
    private final transient Class<?> recordClass;
    private final String component;
    private final String column;
    private final QType qType;
    private final int row;

    RecordMappingException(Class<?> recordClass, String component, String column, QType qType, int row,
            String reason, Throwable cause) {
        super(message(recordClass, component, column, qType, row, reason), cause);
        this.recordClass = recordClass;
        this.component = component;
        this.column = column;
        this.qType = qType;
        this.row = row;
    }

    private static String message(Class<?> recordClass, String component, String column, QType qType, int row,
            String reason) {
        StringBuilder b = new StringBuilder();
        if (recordClass != null) {
            b.append(recordClass.getSimpleName());
            if (component != null) {
                b.append('.').append(component);
            }
        }
        if (column != null) {
            b.append(b.length() == 0 ? "" : " <-> ").append("column `").append(column);
            if (qType != null) {
                b.append(" (").append(qType.qName()).append(')');
            }
        }
        if (row >= 0) {
            b.append(b.length() == 0 ? "" : ", ").append("row ").append(row);
        }
        return b.length() == 0 ? reason : b.append(": ").append(reason).toString();
    }

    /** {@return the record class the mapping was for, when known} */
    public Optional<Class<?>> recordClass() {
        return Optional.ofNullable(recordClass);
    }

    /** {@return the record component's name, when the failure concerns one} */
    public Optional<String> component() {
        return Optional.ofNullable(component);
    }

    /** {@return the column's (or dictionary key's) name, when the failure concerns one} */
    public Optional<String> column() {
        return Optional.ofNullable(column);
    }

    /** {@return the column's q type, when known} */
    public Optional<QType> qType() {
        return Optional.ofNullable(qType);
    }

    /** {@return the 0-based row, when the failure concerns one} */
    public OptionalInt row() {
        return row >= 0 ? OptionalInt.of(row) : OptionalInt.empty();
    }
}
