package dev.q4j.value;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plain Java values to q values without ceremony, and typed factories where a Java type is ambiguous.
 *
 * <pre>{@code
 * QValue n = Q.of(42L);                          // 42 (long)
 * QValue s = Q.of("IBM");                        // `IBM (a String is a symbol...)
 * QValue text = Q.string("select from t");       // ..."select from t" when you mean text
 * QValue v = Q.of(new double[] {1.5, 2.5});      // 1.5 2.5
 * QValue d = Q.of(Map.of("a", 1L));              // (,`a)!,1
 * QValue l = Q.of(List.of(1L, 2L, 3L));          // 1 2 3: a list of same-typed atoms is a vector, as in q
 * QValue mixed = Q.of(List.of(1L, "a"));         // (1;`a)
 * }</pre>
 */
public final class Q {
    /** {@code ::}, the generic null; Java {@code null} converts to it */
    public static final QUnaryPrimitive NIL = QUnaryPrimitive.IDENTITY;

    private Q() {
    }

    /**
     * Converts a Java value: {@link QValue} as is; {@code null} to {@code ::}; Boolean, Byte, Short, Integer, Long,
     * Float, Double, Character to the q atom of the same width; String to a symbol; UUID to a guid; Instant and
     * LocalDateTime (UTC) to a timestamp; LocalDate to a date; LocalTime to a time (whole milliseconds); YearMonth to
     * a month; Duration to a timespan; primitive arrays to vectors ({@code char[]} to a string); arrays and
     * collections of the types above to vectors when every item has the same atom type, else general lists; a Map
     * to a dictionary.
     *
     * @param value a Java value
     * @return the q value
     * @throws IllegalArgumentException when there is no conversion, naming the Java type
     */
    public static QValue of(Object value) {
        if (value == null) {
            return NIL;
        }
        if (value instanceof QValue v) {
            return v;
        }
        QAtom atom = atomOrNull(value);
        if (atom != null) {
            return atom;
        }
        QVector vector = primitiveArrayOrNull(value);
        if (vector != null) {
            return vector;
        }
        if (value instanceof Object[] array) {
            return list(Arrays.asList(array));
        }
        if (value instanceof Collection<?> c) {
            return list(c);
        }
        if (value instanceof Map<?, ?> m) {
            return dict(m);
        }
        throw new IllegalArgumentException("no q type for " + value.getClass().getName()
                + ": convert it to a QValue or to a supported Java type");
    }

    /**
     * {@return a vector when every item converts to an atom of one type (as q collapses such lists), else a general
     * list; an empty collection gives {@code ()}}
     *
     * @param items Java values
     */
    public static QSequence list(Collection<?> items) {
        List<QValue> converted = new ArrayList<>(items.size());
        QType common = null;
        boolean uniform = !items.isEmpty();
        for (Object item : items) {
            QValue v = of(item);
            converted.add(v);
            if (uniform) {
                if (!(v instanceof QAtom) || (common != null && common != v.type())) {
                    uniform = false;
                }
                common = v.type();
            }
        }
        return uniform ? QVectors.ofAtoms(common, converted) : QList.of(converted);
    }

    /**
     * {@return the dictionary; keys and values become vectors where they can}
     *
     * @param map keys and values (in the map's iteration order)
     */
    public static QDict dict(Map<?, ?> map) {
        return QDict.of(list(map.keySet()), list(map.values()));
    }

    /**
     * {@return a symbol}
     *
     * @param text text
     */
    public static QSymbol symbol(String text) {
        return QSymbol.of(text);
    }

    /**
     * {@return a symbol vector}
     *
     * @param texts texts
     */
    public static QSymbolVector symbols(String... texts) {
        return QSymbolVector.of(texts);
    }

    /**
     * {@return a char vector (a q string)}
     *
     * @param text text, sent as UTF-8
     */
    public static QCharVector string(String text) {
        return QCharVector.of(text);
    }

    /**
     * {@return a long vector}
     *
     * @param values values
     */
    public static QLongVector longs(long... values) {
        return QLongVector.of(values);
    }

    /**
     * {@return an int vector}
     *
     * @param values values
     */
    public static QIntVector ints(int... values) {
        return QIntVector.of(values);
    }

    /**
     * {@return a float vector}
     *
     * @param values values
     */
    public static QFloatVector floats(double... values) {
        return QFloatVector.of(values);
    }

    /**
     * {@return a general list, kept general even when the items are atoms of one type}
     *
     * @param items q values
     */
    public static QList generalList(QValue... items) {
        return QList.of(items);
    }

    private static QAtom atomOrNull(Object value) {
        if (value instanceof Long x) {
            return QLong.of(x);
        } else if (value instanceof String x) {
            return QSymbol.of(x);
        } else if (value instanceof Integer x) {
            return QInt.of(x);
        } else if (value instanceof Double x) {
            return QFloat.of(x);
        } else if (value instanceof Boolean x) {
            return QBoolean.of(x);
        } else if (value instanceof Short x) {
            return QShort.of(x);
        } else if (value instanceof Byte x) {
            return QByte.of(x);
        } else if (value instanceof Float x) {
            return QReal.of(x);
        } else if (value instanceof Character x) {
            return QChar.of(x);
        } else if (value instanceof UUID x) {
            return QGuid.of(x);
        } else if (value instanceof Instant x) {
            return QTimestamp.of(x);
        } else if (value instanceof LocalDateTime x) {
            return QTimestamp.of(x);
        } else if (value instanceof LocalDate x) {
            return QDate.of(x);
        } else if (value instanceof LocalTime x) {
            return QTime.of(x);
        } else if (value instanceof YearMonth x) {
            return QMonth.of(x);
        } else if (value instanceof Duration x) {
            return QTimespan.of(x);
        }
        return null;
    }

    private static QVector primitiveArrayOrNull(Object value) {
        if (value instanceof long[] x) {
            return QLongVector.of(x);
        } else if (value instanceof double[] x) {
            return QFloatVector.of(x);
        } else if (value instanceof int[] x) {
            return QIntVector.of(x);
        } else if (value instanceof String[] x) {
            return QSymbolVector.of(x);
        } else if (value instanceof boolean[] x) {
            return QBooleanVector.of(x);
        } else if (value instanceof byte[] x) {
            return QByteVector.of(x);
        } else if (value instanceof short[] x) {
            return QShortVector.of(x);
        } else if (value instanceof float[] x) {
            return QRealVector.of(x);
        } else if (value instanceof char[] x) {
            return QCharVector.of(new String(x));
        }
        return null;
    }
}
