package dev.q4j.records;

import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.Q;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chooses the reader and writer of a column for a Java type (declared, with its type arguments): the fast
 * vector readers and writers of {@link Columns} for scalars, and decoders and encoders of single values for what
 * nests (lists, arrays, maps, records, optionals), through the mapper's converters.
 */
final class Values {
    /** A value to a Java value; throws {@link CellFailure}. */
    interface Decoder {
        Object decode(QValue v);
    }

    /** A Java value to a q value; throws {@link CellFailure}. */
    interface Encoder {
        QValue encode(Object v);
    }

    private static final MethodHandle FROM_CARRIER = Handles.findStatic(MethodHandles.lookup(), Values.class,
            "fromCarrier", MethodType.methodType(Object.class, ColumnConverter.class, Site.class, Object.class));
    private static final MethodHandle TO_CARRIER = Handles.findStatic(MethodHandles.lookup(), Values.class,
            "toCarrier", MethodType.methodType(Object.class, ColumnConverter.class, Site.class, Object.class));
    private static final MethodHandle OF_NULLABLE = Handles.findStatic(MethodHandles.lookup(), Optional.class,
            "ofNullable", MethodType.methodType(Optional.class, Object.class));
    private static final MethodHandle OR_NULL = Handles.findStatic(MethodHandles.lookup(), Values.class, "orNull",
            MethodType.methodType(Object.class, Optional.class));

    /** As a component's converter: none at all, not even the global one (a converter's carrier maps directly). */
    static final ColumnConverter<Object, Object> DIRECT =
            ColumnConverter.of(Object.class, Object.class, x -> x, x -> x);

    private final RecordMapper mapper;

    Values(RecordMapper mapper) {
        this.mapper = mapper;
    }

    // ------------------------------------------------------------------ types

    static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        } else if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        } else if (type instanceof GenericArrayType g) {
            return Array.newInstance(rawClass(g.getGenericComponentType()), 0).getClass();
        }
        return null;   // a type variable or wildcard: no mapping
    }

    private static Type argument(Site site, Type type, int i) {
        if (type instanceof ParameterizedType p) {
            Type a = p.getActualTypeArguments()[i];
            if (rawClass(a) != null) {
                return a;
            }
        }
        throw site.fail("the type " + type.getTypeName() + " needs concrete type arguments");
    }

    private static boolean isList(Class<?> raw) {
        return raw == List.class || raw == Collection.class || raw == Iterable.class;
    }

    private boolean fastScalar(Class<?> raw) {
        return Scalars.isScalar(raw) && mapper.converter(raw) == null;
    }

    private static CellFailure unsupported(Site site, Type type) {
        return site.fail("no q mapping for the Java type " + type.getTypeName() + " (register a ColumnConverter)");
    }

    static String describe(QValue v) {
        if (v instanceof QAtom) {
            return v.type().qName() + " atom";
        } else if (v instanceof QVector) {
            return v.type().qName() + " vector";
        }
        return v.type().qName();
    }

    // ------------------------------------------------------------------ reading

    /**
     * {@return the reader of {@code column}'s cells as {@code type}}
     *
     * @param converter the component's own converter, or {@code null}
     * @throws CellFailure when the column's type cannot go into {@code type}
     */
    Columns.Reader reader(Site site, QSequence column, Type type, ColumnConverter<?, ?> converter) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            throw unsupported(site, type);
        }
        ColumnConverter<?, ?> c = converterOf(raw, converter);
        if (c != null) {
            Columns.Reader r = reader(site, column, c.carrier(), DIRECT);
            MethodHandle from = MethodHandles.insertArguments(FROM_CARRIER, 0, c, site);
            return r.map(from.asType(MethodType.methodType(raw, c.carrier())));
        }
        if (column instanceof QVector vector) {
            if (Scalars.isScalar(raw)) {
                return vectorReader(site, vector, raw);
            } else if (raw == Optional.class && fastScalar(rawClass(argument(site, type, 0)))) {
                Class<?> item = rawClass(argument(site, type, 0));
                return vectorReader(site, vector, item).map(OF_NULLABLE.asType(MethodType.methodType(
                        Optional.class, item)));
            }
        }
        Columns.Reader r = Columns.listReader(decoder(site, type, DIRECT));
        return new Columns.Reader(r.extract(), r.get().asType(MethodType.methodType(raw, Object.class, int.class)));
    }

    private static Columns.Reader vectorReader(Site site, QVector vector, Class<?> raw) {
        Columns.Reader r = Columns.vectorReader(site, vector, raw);
        if (r == null) {
            throw site.withQType(vector.type()).fail("a " + vector.type().qName() + " column cannot go into "
                    + raw.getSimpleName() + ", which reads " + names(Scalars.readableAs(raw)));
        }
        return r;
    }

    private static String names(List<QType> types) {
        if (types.isEmpty()) {
            return "no q type";
        }
        StringBuilder b = new StringBuilder();
        for (QType t : types) {
            b.append(b.length() == 0 ? "" : ", ").append(t.qName());
        }
        return b.toString();
    }

    private ColumnConverter<?, ?> converterOf(Class<?> raw, ColumnConverter<?, ?> converter) {
        return converter == DIRECT ? null : converter != null ? converter : mapper.converter(raw);
    }

    /** {@return the decoder of one value (an atom, or a list, dictionary or table for nested types)} */
    Decoder decoder(Site site, Type type) {
        return decoder(site, type, null);
    }

    /**
     * {@return the decoder of one value (an atom, or a list, dictionary or table for nested types)}
     *
     * @param converter the component's own converter, {@code null} for the global one of the type, or
     *     {@link #DIRECT}
     */
    Decoder decoder(Site site, Type type, ColumnConverter<?, ?> converter) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            throw unsupported(site, type);
        }
        ColumnConverter<?, ?> c = converterOf(raw, converter);
        if (c != null) {
            Decoder inner = decoder(site, c.carrier(), DIRECT);
            return v -> fromCarrier(c, site, inner.decode(v));
        } else if (Scalars.isScalar(raw)) {
            return atomDecoder(site, raw);
        } else if (raw == Optional.class) {
            Decoder inner = decoder(site, argument(site, type, 0));
            return v -> Optional.ofNullable(inner.decode(v));
        } else if (raw.isArray()) {
            return arrayDecoder(site, raw, type);
        } else if (isList(raw)) {
            return listDecoder(site, argument(site, type, 0));
        } else if (raw == Map.class) {
            return mapDecoder(site, argument(site, type, 0), argument(site, type, 1));
        } else if (raw.isRecord()) {
            return v -> {
                if (v.isGenericNull()) {
                    return null;
                }
                if (v instanceof QDict d) {
                    return mapper.nestedRecord(site, d, raw);
                }
                throw site.fail("a " + describe(v) + " cannot go into the record " + raw.getSimpleName()
                        + ", which reads a dictionary");
            };
        }
        throw unsupported(site, type);
    }

    private Decoder atomDecoder(Site site, Class<?> raw) {
        Map<QType, MethodHandle> readers = new ConcurrentHashMap<>();
        return v -> {
            if (v.isGenericNull()) {
                if (raw.isPrimitive()) {
                    throw site.fail(":: (generic null) cannot go into a primitive " + raw.getName());
                }
                return raw == OptionalLong.class ? OptionalLong.empty() : raw == OptionalInt.class
                        ? OptionalInt.empty() : raw == OptionalDouble.class ? OptionalDouble.empty() : null;
            }
            if (raw == String.class) {
                if (v instanceof QCharVector s) {
                    return s.asString();
                } else if (v instanceof QChar ch) {
                    return String.valueOf(ch.toChar());
                }
            }
            if (!(v instanceof QAtom a)) {
                throw site.fail("a " + describe(v) + " cannot go into " + raw.getSimpleName());
            }
            if (Scalars.decoder(a.type(), raw) == null) {
                throw site.fail("a " + a.type().qName() + " atom cannot go into " + raw.getSimpleName()
                        + ", which reads "
                        + names(Scalars.readableAs(raw)));
            }
            QVector one = QVectors.ofAtoms(a.type(), List.of(a));
            MethodHandle get = readers.computeIfAbsent(a.type(), t -> vectorReader(site, one, raw).get()
                    .asType(MethodType.methodType(Object.class, Object.class, int.class)));
            try {
                return (Object) get.invokeExact(Columns.storage(one), 0);
            } catch (Throwable t) {
                throw Columns.rethrow(t);
            }
        };
    }

    private Decoder arrayDecoder(Site site, Class<?> raw, Type type) {
        Class<?> item = raw.getComponentType();
        Decoder items = item.isPrimitive() ? null : listDecoder(site, type instanceof GenericArrayType g
                ? g.getGenericComponentType() : item);
        return v -> {
            if (v.isGenericNull()) {
                return null;
            }
            if (v instanceof QList l && l.count() == 0) {
                return Array.newInstance(item, 0);
            }
            if (raw == long[].class && v instanceof LongBackedVector x) {
                return x.toArray();
            } else if (raw == int[].class && v instanceof IntBackedVector x) {
                return x.toArray();
            } else if (raw == double[].class && v instanceof DoubleBackedVector x) {
                return x.toArray();
            } else if (raw == float[].class && v instanceof QRealVector x) {
                return x.toArray();
            } else if (raw == short[].class && v instanceof QShortVector x) {
                return x.toArray();
            } else if (raw == byte[].class && v instanceof QByteVector x) {
                return x.toArray();
            } else if (raw == byte[].class && v instanceof QCharVector x) {
                return x.toArray();
            } else if (raw == boolean[].class && v instanceof QBooleanVector x) {
                return x.toArray();
            } else if (raw == char[].class && v instanceof QCharVector x) {
                return x.asString().toCharArray();   // the text, as char[] is written
            } else if (raw == String[].class && v instanceof QSymbolVector x) {
                return nullSymbols(x.toArray());
            } else if (items != null) {
                List<?> list = (List<?>) items.decode(v);
                return list.toArray((Object[]) Array.newInstance(item, list.size()));
            }
            throw site.fail("a " + describe(v) + " cannot go into " + raw.getSimpleName());
        };
    }

    /** {@return the symbols, the null symbol as {@code null}, as a {@code String} or {@code List<String>} reads it} */
    private static String[] nullSymbols(String[] symbols) {
        for (int i = 0; i < symbols.length; i++) {
            if (symbols[i].isEmpty()) {
                symbols[i] = null;
            }
        }
        return symbols;
    }

    private Decoder listDecoder(Site site, Type itemType) {
        Class<?> item = rawClass(itemType);
        boolean scalar = item != null && fastScalar(item);
        Decoder items = decoder(site, itemType);
        Map<QType, Columns.Reader> readers = new ConcurrentHashMap<>();
        return v -> {
            if (v.isGenericNull()) {
                return null;
            }
            if (v instanceof QTable t && item != null && item.isRecord()) {
                return mapper.nestedList(site, t, item);
            }
            if (!(v instanceof QSequence s)) {
                throw site.fail("a " + describe(v) + " cannot go into a List");
            }
            int n = s.count();
            List<Object> out = new ArrayList<>(n);
            if (scalar && s instanceof QVector vector) {
                Columns.Reader r = readers.computeIfAbsent(vector.type(), t -> vectorReader(site, vector, item));
                MethodHandle get = r.get().asType(MethodType.methodType(Object.class, Object.class, int.class));
                Object data = r.extract().apply(vector);
                for (int i = 0; i < n; i++) {
                    try {
                        out.add((Object) get.invokeExact(data, i));
                    } catch (CellFailure f) {
                        throw site.fail("item " + i + ": " + f.reason(), f.getCause());
                    } catch (Throwable t) {
                        throw Columns.rethrow(t);
                    }
                }
            } else {
                for (int i = 0; i < n; i++) {
                    try {
                        out.add(items.decode(s.at(i)));
                    } catch (CellFailure f) {
                        throw site.fail("item " + i + ": " + f.reason(), f.getCause());
                    }
                }
            }
            return Collections.unmodifiableList(out);
        };
    }

    private Decoder mapDecoder(Site site, Type keyType, Type valueType) {
        Decoder keys = listDecoder(site, keyType);
        Decoder values = listDecoder(site, valueType);
        return v -> {
            if (v.isGenericNull()) {
                return null;
            }
            if (!(v instanceof QDict d) || d.keys() instanceof QTable) {
                throw site.fail("a " + describe(v) + " cannot go into a Map, which reads a dictionary");
            }
            List<?> k = (List<?>) keys.decode(d.keys());
            List<?> x = (List<?>) values.decode(d.values());
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < k.size(); i++) {
                if (out.containsKey(k.get(i))) {
                    throw site.fail("the dictionary's key " + k.get(i) + " repeats (entry " + i + ")");
                }
                out.put(k.get(i), x.get(i));
            }
            return Collections.unmodifiableMap(out);
        };
    }

    static Object fromCarrier(ColumnConverter<?, ?> c, Site site, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return c.fromCarrier(value);
        } catch (RuntimeException e) {
            throw site.fail(c + " failed on " + value + ": " + e, e);
        }
    }

    static Object toCarrier(ColumnConverter<?, ?> c, Site site, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return c.toCarrier(value);
        } catch (RuntimeException e) {
            throw site.fail(c + " failed on " + value + ": " + e, e);
        }
    }

    static Object orNull(Optional<?> value) {
        return value == null ? null : value.orElse(null);
    }

    // ------------------------------------------------------------------ writing

    /**
     * {@return the writer of a column of {@code type} values}
     *
     * @param hint the q type asked for, or {@code null} for the natural one
     * @param converter the component's own converter, or {@code null}
     * @throws CellFailure when the type has no mapping, or not to {@code hint}
     */
    Columns.Writer writer(Site site, Type type, QType hint, ColumnConverter<?, ?> converter) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            throw unsupported(site, type);
        }
        ColumnConverter<?, ?> c = converterOf(raw, converter);
        if (c != null) {
            Columns.Writer w = writer(site, c.carrier(),
                    hint != null ? hint : c.qType().orElse(null), DIRECT);
            MethodHandle to = MethodHandles.insertArguments(TO_CARRIER, 0, c, site);
            return w.from(to.asType(MethodType.methodType(c.carrier(), raw)));
        }
        if (Scalars.isScalar(raw) && !(raw == String.class && hint == QType.CHAR)) {
            return scalarWriter(site, raw, hint);
        } else if (raw == Optional.class) {
            Class<?> item = rawClass(argument(site, type, 0));
            if (fastScalar(item) && !(item == String.class && hint == QType.CHAR)) {
                return scalarWriter(site, item, hint).from(OR_NULL.asType(MethodType.methodType(item,
                        Optional.class)));
            }
        }
        return Columns.listWriter(encoder(site, type, hint, DIRECT));
    }

    private static Columns.Writer scalarWriter(Site site, Class<?> raw, QType hint) {
        List<QType> types = Scalars.writtenAs(raw);
        QType t = hint == null ? types.get(0) : hint;
        Columns.Writer w = types.contains(t) ? Columns.vectorWriter(site, raw, t) : null;
        if (w == null) {
            throw site.fail("@QColumn(type = " + t + ") does not fit " + raw.getSimpleName() + ", which is written as "
                    + names(types) + (raw == String.class ? ", or as char (a string column)" : ""));
        }
        return w;
    }

    /** {@return the encoder of one value (an atom, or a list, dictionary or table for nested types)} */
    Encoder encoder(Site site, Type type, QType hint) {
        return encoder(site, type, hint, null);
    }

    /**
     * {@return the encoder of one value (an atom, or a list, dictionary or table for nested types)}
     *
     * @param converter the component's own converter, {@code null} for the global one of the type, or
     *     {@link #DIRECT}
     */
    Encoder encoder(Site site, Type type, QType hint, ColumnConverter<?, ?> converter) {
        Class<?> raw = rawClass(type);
        if (raw == null) {
            throw unsupported(site, type);
        }
        ColumnConverter<?, ?> c = converterOf(raw, converter);
        if (c != null) {
            Encoder inner = encoder(site, c.carrier(),
                    hint != null ? hint : c.qType().orElse(null), DIRECT);
            return v -> inner.encode(toCarrier(c, site, v));
        } else if (raw == String.class && hint == QType.CHAR) {
            return v -> v == null ? QCharVector.EMPTY : QCharVector.of((String) v);
        } else if (Scalars.isScalar(raw)) {
            Columns.Writer w = scalarWriter(site, raw, hint);
            return v -> w.column(Collections.singletonList(v), null).at(0);
        } else if (raw == Optional.class) {
            Encoder inner = encoder(site, argument(site, type, 0), hint);
            return v -> inner.encode(orNull((Optional<?>) v));
        } else if (raw.isArray()) {
            return arrayEncoder(site, raw, type, hint);
        } else if (isList(raw)) {
            return listEncoder(site, argument(site, type, 0), hint);
        } else if (raw == Map.class) {
            Encoder keys = listEncoder(site, argument(site, type, 0), null);
            Encoder values = listEncoder(site, argument(site, type, 1), hint);
            return v -> {
                if (v == null) {
                    return Q.NIL;
                }
                Map<?, ?> m = (Map<?, ?>) v;
                return QDict.of(keys.encode(new ArrayList<>(m.keySet())), values.encode(new ArrayList<>(m.values())));
            };
        } else if (raw.isRecord()) {
            return v -> v == null ? Q.NIL : mapper.nestedDict(site, v, raw);
        }
        throw unsupported(site, type);
    }

    private Encoder arrayEncoder(Site site, Class<?> raw, Type type, QType hint) {
        Class<?> item = raw.getComponentType();
        if (!item.isPrimitive()) {
            Encoder list = listEncoder(site, type instanceof GenericArrayType g ? g.getGenericComponentType() : item,
                    hint);
            return v -> v == null ? Q.NIL : list.encode(Arrays.asList((Object[]) v));
        }
        QType t = hint != null ? hint : raw == long[].class ? QType.LONG : raw == int[].class ? QType.INT
                : raw == double[].class ? QType.FLOAT : raw == byte[].class ? QType.BYTE : null;
        boolean fits = raw == long[].class ? Scalars.rawClass(t) == long.class
                : raw == int[].class ? Scalars.rawClass(t) == int.class
                : raw == double[].class ? Scalars.rawClass(t) == double.class
                : raw == byte[].class ? t == QType.BYTE || t == QType.CHAR
                : hint == null;
        if (!fits) {
            throw site.fail("@QColumn(type = " + t + ") does not fit " + raw.getSimpleName());
        }
        return v -> {
            if (v == null) {
                return Q.NIL;
            } else if (v instanceof long[] a) {
                return QVectors.wrapLongs(t, a.clone(), dev.q4j.value.Attribute.NONE);
            } else if (v instanceof int[] a) {
                return QVectors.wrapInts(t, a.clone(), dev.q4j.value.Attribute.NONE);
            } else if (v instanceof double[] a) {
                return QVectors.wrapDoubles(t, a.clone(), dev.q4j.value.Attribute.NONE);
            } else if (v instanceof byte[] a) {
                return t == QType.CHAR ? QCharVector.of(a) : QByteVector.of(a);
            } else if (v instanceof float[] a) {
                return QRealVector.of(a);
            } else if (v instanceof short[] a) {
                return QShortVector.of(a);
            } else if (v instanceof boolean[] a) {
                return QBooleanVector.of(a);
            } else if (v instanceof char[] a) {
                return QCharVector.of(new String(a));
            }
            throw unsupported(site, raw);
        };
    }

    private Encoder listEncoder(Site site, Type itemType, QType hint) {
        Class<?> item = rawClass(itemType);
        if (item == null) {
            throw unsupported(site, itemType);
        }
        if (item.isRecord() && mapper.converter(item) == null) {
            return v -> v == null ? Q.NIL : mapper.nestedTable(site, asList(v), item);
        }
        Columns.Writer w = writer(site, itemType, hint, null);
        if (w.qType() != QType.LIST) {
            // scalars, through a converter too, make a vector
            return v -> v == null ? Q.NIL : w.column(asList(v), site);
        }
        Encoder items = encoder(site, itemType, hint);
        return v -> {
            if (v == null) {
                return Q.NIL;
            }
            List<?> list = asList(v);
            QValue[] out = new QValue[list.size()];
            int i = 0;
            for (Object x : list) {
                try {
                    out[i] = items.encode(x);
                } catch (CellFailure f) {
                    throw site.fail("item " + i + ": " + f.reason(), f.getCause());
                }
                i++;
            }
            return QList.wrap(out, dev.q4j.value.Attribute.NONE);
        };
    }

    private static List<?> asList(Object v) {
        if (v instanceof List<?> l) {
            return l;
        } else if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        List<Object> out = new ArrayList<>();
        for (Object x : (Iterable<?>) v) {
            out.add(x);
        }
        return out;
    }
}
