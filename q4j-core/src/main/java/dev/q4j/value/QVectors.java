package dev.q4j.value;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

/**
 * Building vectors and atoms when the q type is only known at run time, as parsers and converters need.
 *
 * <pre>{@code
 * QVector v = QVectors.ofAtoms(QType.DATE, List.of(QDate.of(0), QDate.of(1)));   // 2000.01.01 2000.01.02
 * QVector t = QVectors.wrapLongs(QType.TIMESTAMP, nanos, Attribute.NONE);
 * QAtom m = QVectors.intAtom(QType.MONTH, 12);                                  // 2001.01m
 * }</pre>
 */
public final class QVectors {
    private QVectors() {
    }

    /**
     * {@return the vector holding them}
     *
     * @param type a basic type
     * @param atoms atoms of exactly that type
     * @throws ClassCastException when an item is not an atom of {@code type}
     */
    public static QVector ofAtoms(QType type, List<? extends QValue> atoms) {
        int n = atoms.size();
        switch (type) {
            case BOOLEAN: {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QBoolean) atoms.get(i)).value();
                }
                return QBooleanVector.wrap(a);
            }
            case GUID: {
                UUID[] a = new UUID[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QGuid) atoms.get(i)).value();
                }
                return QGuidVector.wrap(a);
            }
            case BYTE: case CHAR: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    QValue v = atoms.get(i);
                    a[i] = type == QType.BYTE ? ((QByte) v).value() : ((QChar) v).value();
                }
                return type == QType.BYTE ? QByteVector.wrap(a) : QCharVector.wrap(a);
            }
            case SHORT: {
                short[] a = new short[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QShort) atoms.get(i)).value();
                }
                return QShortVector.wrap(a);
            }
            case REAL: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QReal) atoms.get(i)).value();
                }
                return QRealVector.wrap(a);
            }
            case SYMBOL: {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QSymbol) atoms.get(i)).value();
                }
                return QSymbolVector.wrap(a);
            }
            case FLOAT: case DATETIME: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    QValue v = atoms.get(i);
                    a[i] = v instanceof QFloat x ? x.value() : ((QDatetime) v).days();
                }
                return type == QType.FLOAT ? QFloatVector.wrap(a) : QDatetimeVector.wrap(a);
            }
            case LONG: case TIMESTAMP: case TIMESPAN: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    QValue v = atoms.get(i);
                    a[i] = v instanceof QLong x ? x.value()
                            : v instanceof QTimestamp x ? x.nanos() : ((QTimespan) v).nanos();
                }
                return wrapLongs(type, a, Attribute.NONE);
            }
            default: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = rawInt(atoms.get(i));
                }
                return wrapInts(type, a, Attribute.NONE);
            }
        }
    }

    /**
     * {@return its empty vector}
     *
     * @param type a basic type
     */
    public static QVector empty(QType type) {
        return ofAtoms(type, List.of());
    }

    /**
     * {@return the vector}
     *
     * @param type int, month, date, minute, second or time
     * @param values raw items, shared: do not modify them afterwards
     * @param attribute the attribute
     */
    public static IntBackedVector wrapInts(QType type, int[] values, Attribute attribute) {
        switch (type) {
            case INT: return QIntVector.wrap(values, attribute);
            case MONTH: return QMonthVector.wrap(values, attribute);
            case DATE: return QDateVector.wrap(values, attribute);
            case MINUTE: return QMinuteVector.wrap(values, attribute);
            case SECOND: return QSecondVector.wrap(values, attribute);
            case TIME: return QTimeVector.wrap(values, attribute);
            default: throw new IllegalArgumentException(type + " is not stored as int");
        }
    }

    /**
     * {@return the vector}
     *
     * @param type long, timestamp or timespan
     * @param values raw items, shared: do not modify them afterwards
     * @param attribute the attribute
     */
    public static LongBackedVector wrapLongs(QType type, long[] values, Attribute attribute) {
        switch (type) {
            case LONG: return QLongVector.wrap(values, attribute);
            case TIMESTAMP: return QTimestampVector.wrap(values, attribute);
            case TIMESPAN: return QTimespanVector.wrap(values, attribute);
            default: throw new IllegalArgumentException(type + " is not stored as long");
        }
    }

    /**
     * {@return the vector}
     *
     * @param type float or datetime
     * @param values raw items, shared: do not modify them afterwards
     * @param attribute the attribute
     * @throws IllegalArgumentException for a false {@code s#} or {@code u#}, as {@link QVector#withAttribute}
     *     refuses them
     */
    public static DoubleBackedVector wrapDoubles(QType type, double[] values, Attribute attribute) {
        switch (type) {
            case FLOAT: return QFloatVector.wrap(values, attribute);
            case DATETIME: return QDatetimeVector.wrap(values, attribute);
            default: throw new IllegalArgumentException(type + " is not stored as double");
        }
    }

    /**
     * A vector whose items are read in place from {@code bytes}, without copying them: how a message is decoded in
     * place, its vectors of 4- and 8-byte items reading the received bytes. The vector behaves as one over an array;
     * its {@code array()} copies the items into one at the first call.
     *
     * <pre>{@code
     * byte[] bytes = {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0};
     * QLongVector v = (QLongVector) QVectors.inPlace(QType.LONG, bytes, 0, 2, ByteOrder.LITTLE_ENDIAN, Attribute.NONE);
     * v.get(1);   // 2
     * }</pre>
     *
     * @param type int, month, date, minute, second, time, long, timestamp, timespan, float or datetime
     * @param bytes the array holding the items, shared: do not modify it afterwards
     * @param offset where the first item starts
     * @param count how many items
     * @param order the byte order of the items
     * @param attribute the attribute
     * @return the vector
     * @throws IllegalArgumentException when {@code type} is not one of those, or for a false {@code s#} or
     *     {@code u#} (as {@link QVector#withAttribute} refuses them)
     * @throws IndexOutOfBoundsException when the items do not lie within {@code bytes}
     */
    public static QVector inPlace(QType type, byte[] bytes, int offset, int count, ByteOrder order,
            Attribute attribute) {
        return Attributes.checked(inPlaceUnchecked(type, bytes, offset, count, order, attribute));
    }

    /**
     * A vector whose items are read in place from buffers, without copying them: how a file mapped in memory is
     * read (q4j-hdb's column files), in several mappings when it is over 2 GB, a Java buffer's limit. The vector
     * behaves as one over an array; its {@code array()} copies the items into one at the first call, and so does its
     * {@code buffer()} over several buffers.
     *
     * <pre>{@code
     * ByteBuffer b = ByteBuffer.allocateDirect(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2).flip();
     * QLongVector v = (QLongVector) QVectors.inPlace(QType.LONG, List.of(b), 2, Attribute.NONE);
     * v.get(1);   // 2
     * }</pre>
     *
     * @param type int, month, date, minute, second, time, long, timestamp, timespan, float or datetime
     * @param buffers the items, each buffer's from its position to its limit, in its byte order (all alike); every
     *     buffer but the last holds the same number of items, a power of two (so that an item's buffer is found by a
     *     shift). Shared: do not modify them afterwards
     * @param count how many items: as many as the buffers hold
     * @param attribute the attribute
     * @return the vector
     * @throws IllegalArgumentException when {@code type} is not one of those, the buffers are not as above or hold
     *     other than {@code count} items, or for a false {@code s#} or {@code u#}
     */
    public static QVector inPlace(QType type, List<ByteBuffer> buffers, int count, Attribute attribute) {
        ByteBuffer[] parts = buffers.toArray(new ByteBuffer[0]);
        QVector v;
        switch (type) {
            case INT: v = new QIntVector(null, new ByteView(parts, count, 4), attribute); break;
            case MONTH: v = new QMonthVector(null, new ByteView(parts, count, 4), attribute); break;
            case DATE: v = new QDateVector(null, new ByteView(parts, count, 4), attribute); break;
            case MINUTE: v = new QMinuteVector(null, new ByteView(parts, count, 4), attribute); break;
            case SECOND: v = new QSecondVector(null, new ByteView(parts, count, 4), attribute); break;
            case TIME: v = new QTimeVector(null, new ByteView(parts, count, 4), attribute); break;
            case LONG: v = new QLongVector(null, new ByteView(parts, count, 8), attribute); break;
            case TIMESTAMP: v = new QTimestampVector(null, new ByteView(parts, count, 8), attribute); break;
            case TIMESPAN: v = new QTimespanVector(null, new ByteView(parts, count, 8), attribute); break;
            case FLOAT: v = new QFloatVector(null, new ByteView(parts, count, 8), attribute); break;
            case DATETIME: v = new QDatetimeVector(null, new ByteView(parts, count, 8), attribute); break;
            default: throw new IllegalArgumentException(type + " vectors are not read in place");
        }
        return Attributes.checked(v);
    }

    private static QVector inPlaceUnchecked(QType type, byte[] bytes, int offset, int count, ByteOrder order,
            Attribute attribute) {
        switch (type) {
            case INT: return new QIntVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case MONTH: return new QMonthVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case DATE: return new QDateVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case MINUTE: return new QMinuteVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case SECOND: return new QSecondVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case TIME: return new QTimeVector(null, new ByteView(bytes, offset, count, 4, order), attribute);
            case LONG: return new QLongVector(null, new ByteView(bytes, offset, count, 8, order), attribute);
            case TIMESTAMP: return new QTimestampVector(null, new ByteView(bytes, offset, count, 8, order), attribute);
            case TIMESPAN: return new QTimespanVector(null, new ByteView(bytes, offset, count, 8, order), attribute);
            case FLOAT: return new QFloatVector(null, new ByteView(bytes, offset, count, 8, order), attribute);
            case DATETIME: return new QDatetimeVector(null, new ByteView(bytes, offset, count, 8, order), attribute);
            default: throw new IllegalArgumentException(type + " vectors are not read in place");
        }
    }

    /**
     * {@return the atom}
     *
     * @param type int, month, date, minute, second or time
     * @param raw the raw value
     */
    public static QAtom intAtom(QType type, int raw) {
        switch (type) {
            case INT: return QInt.of(raw);
            case MONTH: return QMonth.of(raw);
            case DATE: return QDate.of(raw);
            case MINUTE: return QMinute.of(raw);
            case SECOND: return QSecond.of(raw);
            case TIME: return QTime.of(raw);
            default: throw new IllegalArgumentException(type + " is not stored as int");
        }
    }

    /**
     * {@return the atom}
     *
     * @param type long, timestamp or timespan
     * @param raw the raw value
     */
    public static QAtom longAtom(QType type, long raw) {
        switch (type) {
            case LONG: return QLong.of(raw);
            case TIMESTAMP: return QTimestamp.of(raw);
            case TIMESPAN: return QTimespan.of(raw);
            default: throw new IllegalArgumentException(type + " is not stored as long");
        }
    }

    private static int rawInt(QValue v) {
        if (v instanceof QInt x) {
            return x.value();
        } else if (v instanceof QMonth x) {
            return x.months();
        } else if (v instanceof QDate x) {
            return x.days();
        } else if (v instanceof QMinute x) {
            return x.minutes();
        } else if (v instanceof QSecond x) {
            return x.seconds();
        }
        return ((QTime) v).millis();
    }
}
