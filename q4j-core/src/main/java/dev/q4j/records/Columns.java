package dev.q4j.records;

import dev.q4j.internal.SymbolVectors;
import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Column readers and writers: how the cells of one column become values of one Java type, and back, as method
 * handles over the column's primitive array. A record's plan composes one per component.
 */
final class Columns {
    private Columns() {
    }

    /**
     * Reads the cells of a column.
     *
     * @param extract what the reader reads from, taken from the column once per conversion (its primitive array,
     *     or the column itself)
     * @param get {@code (Object data, int row) -> J}
     */
    record Reader(Function<QSequence, Object> extract, MethodHandle get) {
        /** {@return the reader whose cells go through {@code filter}, {@code (J) -> K}} */
        Reader map(MethodHandle filter) {
            return new Reader(extract, MethodHandles.filterReturnValue(get,
                    filter.asType(filter.type().changeParameterType(0, get.type().returnType()))));
        }
    }

    /**
     * Builds a column from Java values.
     *
     * @param qType the column's q type ({@link QType#LIST} for a general list)
     * @param allocate {@code rows -> data}
     * @param set {@code (Object data, int row, J value) -> void}
     * @param finish {@code data -> column}
     */
    record Writer(QType qType, IntFunction<Object> allocate, MethodHandle set, Function<Object, QSequence> finish) {
        /** {@return the writer of values that {@code filter}, {@code (K) -> J}, turns into this writer's} */
        Writer from(MethodHandle filter) {
            return new Writer(qType, allocate, MethodHandles.filterArguments(set, 2,
                    filter.asType(filter.type().changeReturnType(set.type().parameterType(2)))), finish);
        }

        /**
         * {@return a column of the given values, one by one (for nested values, not for records' columns)}
         *
         * @param outer where a failure is reported, with the item's position; {@code null} for a single value
         */
        QSequence column(java.util.List<?> values, Site outer) {
            Object data = allocate.apply(values.size());
            MethodHandle generic = set.asType(MethodType.methodType(void.class, Object.class, int.class,
                    Object.class));
            int row = 0;
            for (Object v : values) {
                try {
                    generic.invokeExact(data, row, v);
                } catch (CellFailure f) {
                    throw outer == null ? f : outer.fail("item " + row + ": " + f.reason(), f.getCause());
                } catch (Throwable t) {
                    throw Columns.rethrow(t);
                }
                row++;
            }
            return finish.apply(data);
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * {@return the fast reader of the vector's cells as {@code javaType}, or {@code null} when the type cannot hold the
     * vector's items}
     *
     * @param column a vector
     * @param javaType a scalar Java type
     */
    static Reader vectorReader(Site site, QVector column, Class<?> javaType) {
        QType t = column.type();
        MethodHandle decoder = Scalars.decoder(t, javaType);
        if (decoder == null) {
            return null;
        }
        Site at = site.withQType(t);
        MethodHandle get = MethodHandles.filterReturnValue(rawGetter(t), MethodHandles.insertArguments(decoder, 0, at));
        return new Reader(Columns::storage, get);
    }

    /** {@return the array a vector's items are in (a vector decoded in place copies them once)} */
    static Object storage(QSequence column) {
        if (column instanceof LongBackedVector v) {
            return v.array();
        } else if (column instanceof IntBackedVector v) {
            return v.array();
        } else if (column instanceof DoubleBackedVector v) {
            return v.array();
        } else if (column instanceof QSymbolVector v) {
            return v.array();
        } else if (column instanceof QCharVector v) {
            return v.array();
        } else if (column instanceof QBooleanVector v) {
            return v.array();
        } else if (column instanceof QByteVector v) {
            return v.array();
        } else if (column instanceof QShortVector v) {
            return v.array();
        } else if (column instanceof QRealVector v) {
            return v.array();
        } else if (column instanceof QGuidVector v) {
            return v.array();
        }
        throw new IllegalArgumentException("no storage for " + column.type());
    }

    /** A reader of a general list's items through a decoder of any value. */
    static Reader listReader(Values.Decoder decoder) {
        return new Reader(c -> c, MethodHandles.insertArguments(ITEM, 0, decoder));
    }

    private static MethodHandle rawGetter(QType t) {
        Class<?> raw = Scalars.rawClass(t);
        return GETTERS.get(raw);
    }

    private static final Map<Class<?>, MethodHandle> GETTERS = new HashMap<>();
    private static final Map<Class<?>, MethodHandle> SETTERS = new HashMap<>();
    private static final MethodHandle ITEM = own("item",
            MethodType.methodType(Object.class, Values.Decoder.class, Object.class, int.class));
    private static final MethodHandle SET_CELL = own("cellSet",
            MethodType.methodType(void.class, Values.Encoder.class, Object.class, int.class, Object.class));
    private static final MethodHandle SET_SYMBOL = own("symbolSet",
            MethodType.methodType(void.class, Object.class, int.class, String.class));

    static {
        for (Class<?> raw : new Class<?>[] {boolean.class, byte.class, short.class, int.class, long.class,
                float.class, double.class, String.class, UUID.class}) {
            String name = raw.isPrimitive() ? raw.getName() : raw.getSimpleName().toLowerCase(java.util.Locale.ROOT);
            GETTERS.put(raw, own(name + "At", MethodType.methodType(raw, Object.class, int.class)));
            if (raw != String.class) {
                SETTERS.put(raw, own(name + "Set", MethodType.methodType(void.class, Object.class, int.class, raw)));
            }
        }
    }

    private static MethodHandle own(String name, MethodType type) {
        return Handles.findStatic(MethodHandles.lookup(), Columns.class, name, type);
    }

    static boolean booleanAt(Object a, int row) {
        return ((boolean[]) a)[row];
    }

    static byte byteAt(Object a, int row) {
        return ((byte[]) a)[row];
    }

    static short shortAt(Object a, int row) {
        return ((short[]) a)[row];
    }

    static int intAt(Object a, int row) {
        return ((int[]) a)[row];
    }

    static long longAt(Object a, int row) {
        return ((long[]) a)[row];
    }

    static float floatAt(Object a, int row) {
        return ((float[]) a)[row];
    }

    static double doubleAt(Object a, int row) {
        return ((double[]) a)[row];
    }

    static String stringAt(Object a, int row) {
        return ((String[]) a)[row];
    }

    static UUID uuidAt(Object a, int row) {
        return ((UUID[]) a)[row];
    }

    static Object item(Values.Decoder decoder, Object list, int row) {
        return decoder.decode(((QSequence) list).at(row));
    }

    // ------------------------------------------------------------------ writing

    /**
     * {@return the fast writer of {@code javaType} values into a vector of q type {@code t}, or {@code null} when the
     * Java type is not written as that q type}
     */
    static Writer vectorWriter(Site site, Class<?> javaType, QType t) {
        MethodHandle encoder = Scalars.encoder(javaType, t);
        if (encoder == null) {
            return null;
        }
        Site at = site.withQType(t);
        MethodHandle set = t == QType.SYMBOL ? SET_SYMBOL : SETTERS.get(Scalars.rawClass(t));
        set = MethodHandles.filterArguments(set, 2, MethodHandles.insertArguments(encoder, 0, at));
        return new Writer(t, n -> allocate(at, t, n), set, data -> finish(t, data));
    }

    /** A writer of a general list, each cell made by {@code encoder}. */
    static Writer listWriter(Values.Encoder encoder) {
        return new Writer(QType.LIST, QValue[]::new, MethodHandles.insertArguments(SET_CELL, 0, encoder),
                data -> QList.wrap((QValue[]) data, Attribute.NONE));
    }

    private static Object allocate(Site site, QType t, int n) {
        switch (t) {
            case BOOLEAN: return new boolean[n];
            case GUID: return new UUID[n];
            case BYTE: case CHAR: return new byte[n];
            case SHORT: return new short[n];
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME: return new int[n];
            case LONG: case TIMESTAMP: case TIMESPAN: return new long[n];
            case REAL: return new float[n];
            case FLOAT: case DATETIME: return new double[n];
            case SYMBOL: return new SymbolColumn(site, n);
            default: throw new IllegalArgumentException(t + " is not a basic type");
        }
    }

    private static QSequence finish(QType t, Object data) {
        switch (t) {
            case BOOLEAN: return QBooleanVector.wrap((boolean[]) data);
            case GUID: return QGuidVector.wrap((UUID[]) data);
            case BYTE: return QByteVector.wrap((byte[]) data);
            case CHAR: return QCharVector.wrap((byte[]) data);
            case SHORT: return QShortVector.wrap((short[]) data);
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME:
                return QVectors.wrapInts(t, (int[]) data, Attribute.NONE);
            case LONG: case TIMESTAMP: case TIMESPAN:
                return QVectors.wrapLongs(t, (long[]) data, Attribute.NONE);
            case REAL: return QRealVector.wrap((float[]) data);
            case FLOAT: case DATETIME: return QVectors.wrapDoubles(t, (double[]) data, Attribute.NONE);
            case SYMBOL: return ((SymbolColumn) data).finish();
            default: throw new IllegalArgumentException(t + " is not a basic type");
        }
    }

    static void booleanSet(Object a, int row, boolean v) {
        ((boolean[]) a)[row] = v;
    }

    static void byteSet(Object a, int row, byte v) {
        ((byte[]) a)[row] = v;
    }

    static void shortSet(Object a, int row, short v) {
        ((short[]) a)[row] = v;
    }

    static void intSet(Object a, int row, int v) {
        ((int[]) a)[row] = v;
    }

    static void longSet(Object a, int row, long v) {
        ((long[]) a)[row] = v;
    }

    static void floatSet(Object a, int row, float v) {
        ((float[]) a)[row] = v;
    }

    static void doubleSet(Object a, int row, double v) {
        ((double[]) a)[row] = v;
    }

    static void uuidSet(Object a, int row, UUID v) {
        ((UUID[]) a)[row] = v;
    }

    static void symbolSet(Object a, int row, String v) {
        ((SymbolColumn) a).set(row, v);
    }

    static void cellSet(Values.Encoder encoder, Object a, int row, Object v) {
        ((QValue[]) a)[row] = encoder.encode(v);
    }

    /**
     * A symbol column being built: one {@code String} instance per distinct symbol, so that the encoder, which
     * remembers symbols by identity, finds repeats cheaply. A symbol is checked for NUL the first time it is seen.
     */
    static final class SymbolColumn {
        private final Site site;
        private final String[] items;
        private final Map<String, String> seen = new HashMap<>();
        private String lastIn;
        private String lastOut;

        SymbolColumn(Site site, int n) {
            this.site = site;
            this.items = new String[n];
        }

        void set(int row, String s) {
            if (s != lastIn) {
                String known = seen.get(s);
                if (known == null) {
                    if (s.indexOf('\0') >= 0) {
                        throw site.fail("a symbol cannot hold a NUL character: " + s.replace("\0", "\\0"));
                    }
                    seen.put(s, s);
                    known = s;
                }
                lastIn = s;
                lastOut = known;
            }
            items[row] = lastOut;
        }

        QSymbolVector finish() {
            // every distinct symbol was checked for NUL in set
            return SymbolVectors.wrapUnchecked(items, Attribute.NONE);
        }
    }

    /** {@return {@code t} unchecked, or wrapped: for rethrowing what a method handle threw} */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
