package dev.q4j.value;

/**
 * An atom of one of the basic types. Each type is a record holding the exact wire value, with named constants for
 * its null and infinities and conversions to the natural Java type.
 *
 * <pre>{@code
 * QLong n = QLong.of(42);
 * QLong.NULL.isNull();          // true: 0Nj is not a number
 * QDate.of(LocalDate.of(2001, 1, 1)).days();   // 366
 * }</pre>
 */
public sealed interface QAtom extends QValue
        permits QBoolean, QGuid, QByte, QShort, QInt, QLong, QReal, QFloat, QChar, QSymbol,
                QTimestamp, QMonth, QDate, QDatetime, QTimespan, QMinute, QSecond, QTime {

    /** {@return true when this is the type's null ({@code 0N}, {@code 0n}, {@code `}, {@code " "}, {@code 0Ng}...)} */
    boolean isNull();

    /** {@return true for {@code 0W} or {@code -0W} of types that have infinities} */
    default boolean isInfinite() {
        return false;
    }

    @Override
    default int typeNumber() {
        return type().atomCode();
    }
}
