package dev.q4j.records;

import dev.q4j.value.QType;
import java.lang.reflect.Type;

/**
 * Where a conversion happens: record class, component (with its declared type, also for a failure inside an
 * {@code Optional} or a list), column and q type, for error messages. Bound into every cell reader and writer when a
 * plan is built, so that a failure names them without any cost on the way.
 */
record Site(Class<?> recordClass, String component, Type javaType, String column, QType qType) {

    Site withQType(QType type) {
        return new Site(recordClass, component, javaType, column, type);
    }

    String javaTypeName() {
        return javaType == null ? "?" : javaType.getTypeName().replaceAll("\\b[a-z][\\w]*\\.", "")
                .replaceAll("\\w+\\$", "");
    }

    /** {@return a failure at this site, whose row the caller adds} */
    CellFailure fail(String reason) {
        return new CellFailure(this, reason, null);
    }

    CellFailure fail(String reason, Throwable cause) {
        return new CellFailure(this, reason, cause);
    }

    RecordMappingException exception(int row, String reason, Throwable cause) {
        String component = this.component == null ? null
                : this.component + (javaType == null ? "" : " (" + javaTypeName() + ")");
        return new RecordMappingException(recordClass, component, column, qType, row, reason, cause);
    }
}
