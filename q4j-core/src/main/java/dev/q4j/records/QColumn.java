package dev.q4j.records;

import dev.q4j.value.QType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the column of a record component, and picks its q type where the Java type leaves a choice.
 *
 * <pre>{@code
 * record Trade(
 *         @QColumn("time") Instant at,                       // the column `time
 *         @QColumn(type = QType.CHAR) String comment,        // a string column (char vectors), not symbols
 *         @QColumn(type = QType.SECOND) LocalTime close,     // second, not the default time
 *         @QColumn(type = QType.TIMESTAMP) long nanos) {}    // raw nanoseconds as a timestamp
 * }</pre>
 *
 * <p>The type matters when writing records to q. Reading accepts every q type the component's Java type can hold
 * (see {@link RecordMapper}), whatever the annotation says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD})
public @interface QColumn {
    /** {@return the column name; empty (the default) for the component's own name} */
    String value() default "";

    /**
     * {@return the q type written for the component: {@link QType#LIST} (the default) for the Java type's natural q
     * type; {@link QType#CHAR} on a {@code String} for a string column}
     */
    QType type() default QType.LIST;
}
