package dev.q4j.testkit.generators;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDate;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QIterator;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonth;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntBinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for every kind of q value: atoms and vectors of every basic type (nulls and infinities made
 * likely, NaNs of every bit pattern), attributes, general lists, dictionaries (sorted too, nested, keyed by vectors of
 * every type, general lists or tables), tables (string, symbol-list and nested columns, attributes on the table and
 * on its columns), keyed tables (sorted too), q errors, functions (projections with elided arguments too) and
 * nesting.
 *
 * <p>Symbols are valid UTF-8 text without NUL. Attributes are given only to data that has their form, as kdb+
 * checks it: {@code s#} to items in ascending order (nulls first), {@code u#} to distinct items, {@code p#} to equal
 * items kept together; {@code g#} to anything.
 */
@SuppressWarnings("exports")   // jqwik is an optional dependency: users of this class have it
public final class QArbitraries {
    private static final int MAX_VECTOR = 12;
    /** code 255 of type 101: the elided argument of a projection */
    private static final int ELIDED = 255;
    /**
     * Generators by size, made once: jqwik reuses a generator it has seen, and building these anew for every value
     * (as flatMap would) costs more than generating from them. Sizes above this are built each time.
     */
    private static final int MAX_MEMO = 16;
    private static final Map<Integer, Arbitrary<QVector>> VECTORS = new ConcurrentHashMap<>();
    private static final Map<Integer, List<Arbitrary<QVector>>> PLAIN = new ConcurrentHashMap<>();
    private static final Map<Integer, Arbitrary<QSequence>> COLUMNS = new ConcurrentHashMap<>();
    private static final Map<Integer, Arbitrary<QValue>> KEYS = new ConcurrentHashMap<>();
    private static final Map<String, Arbitrary<QTable>> TABLES = new ConcurrentHashMap<>();

    private QArbitraries() {
    }

    /** {@return any value, nested up to three levels} */
    public static Arbitrary<QValue> values() {
        return value(3);
    }

    /** {@return atoms of every basic type} */
    public static Arbitrary<QAtom> atoms() {
        return Arbitraries.oneOf(List.of(
                Arbitraries.of(true, false).map(QBoolean::of),
                guids().map(QGuid::of),
                Arbitraries.bytes().map(QByte::of),
                shorts().map(QShort::of),
                ints().map(QInt::of),
                longs().map(QLong::of),
                floats().map(QReal::of),
                doubles().map(QFloat::of),
                Arbitraries.bytes().map(QChar::new),
                symbols().map(QSymbol::of),
                longs().map(QTimestamp::of),
                ints().map(QMonth::of),
                ints().map(QDate::of),
                doubles().map(QDatetime::of),
                longs().map(QTimespan::of),
                ints().map(QMinute::of),
                ints().map(QSecond::of),
                ints().map(QTime::of)));
    }

    /** {@return vectors of every basic type, 0 .. 12 items, sometimes with an attribute} */
    public static Arbitrary<QVector> vectors() {
        return Arbitraries.integers().between(0, MAX_VECTOR).flatMap(QArbitraries::vectorsOfSize);
    }

    /**
     * {@return vectors of every basic type with exactly {@code n} items, sometimes with an attribute}
     *
     * @param n the count
     */
    public static Arbitrary<QVector> vectorsOfSize(int n) {
        return n <= MAX_MEMO ? VECTORS.computeIfAbsent(n, QArbitraries::makeVectorsOfSize) : makeVectorsOfSize(n);
    }

    private static Arbitrary<QVector> makeVectorsOfSize(int n) {
        Arbitrary<QVector> plain = Arbitraries.oneOf(plainVectors(n));
        return Combinators.combine(plain, attributes()).as(QArbitraries::arranged);
    }

    /** One generator per basic type (in the order of {@link #vectorsOfSizeTypes()}), vectors of {@code n} items. */
    private static List<Arbitrary<QVector>> plainVectors(int n) {
        return n <= MAX_MEMO ? PLAIN.computeIfAbsent(n, QArbitraries::makePlainVectors) : makePlainVectors(n);
    }

    private static List<Arbitrary<QVector>> makePlainVectors(int n) {
        return List.of(Arbitraries.of(true, false).list().ofSize(n).map(l -> {
                    boolean[] a = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = l.get(i);
                    }
                    return QBooleanVector.wrap(a);
                }),
                guids().list().ofSize(n).map(l -> QGuidVector.wrap(l.toArray(new UUID[0]))),
                Arbitraries.bytes().array(byte[].class).ofSize(n).map(QByteVector::wrap),
                shorts().array(short[].class).ofSize(n).map(QShortVector::wrap),
                ints().array(int[].class).ofSize(n).map(QIntVector::wrap),
                longs().array(long[].class).ofSize(n).map(QLongVector::wrap),
                floats().array(float[].class).ofSize(n).map(QRealVector::wrap),
                doubles().array(double[].class).ofSize(n).map(QFloatVector::wrap),
                Arbitraries.bytes().array(byte[].class).ofSize(n).map(QCharVector::wrap),
                symbols().list().ofSize(n).map(l -> QSymbolVector.wrap(l.toArray(new String[0]))),
                longs().array(long[].class).ofSize(n).map(QTimestampVector::wrap),
                ints().array(int[].class).ofSize(n).map(QMonthVector::wrap),
                ints().array(int[].class).ofSize(n).map(QDateVector::wrap),
                doubles().array(double[].class).ofSize(n).map(QDatetimeVector::wrap),
                longs().array(long[].class).ofSize(n).map(QTimespanVector::wrap),
                ints().array(int[].class).ofSize(n).map(QMinuteVector::wrap),
                ints().array(int[].class).ofSize(n).map(QSecondVector::wrap),
                ints().array(int[].class).ofSize(n).map(QTimeVector::wrap));
    }

    /**
     * {@return {@code v} with {@code a}, or with {@code g#} where {@code a} is an {@code s#} or {@code u#} that its
     * random items do not satisfy (the value model refuses a false attribute)}
     *
     * @param v a vector
     * @param a the attribute wanted
     */
    public static QVector attributed(QVector v, Attribute a) {
        try {
            return v.withAttribute(a);
        } catch (IllegalArgumentException e) {
            return v.withAttribute(Attribute.GROUPED);
        }
    }

    /**
     * {@return a dictionary, sorted if asked for and its keys are sorted (a false {@code s#} is refused)}
     *
     * @param keys the keys
     * @param values the values
     * @param sorted whether to make it sorted ({@code s#}) when its keys allow
     */
    public static QDict dict(QValue keys, QValue values, boolean sorted) {
        if (sorted && keys instanceof QVector k) {
            try {
                return new QDict(k.withAttribute(Attribute.SORTED), values, true);
            } catch (IllegalArgumentException e) {
                return new QDict(keys, values, false);
            }
        }
        return new QDict(keys, values, sorted);
    }

    /**
     * {@return tables of 1 .. 4 columns of 0 .. 5 rows: columns of every type, some with attributes, some general
     * lists (of atoms, strings, symbol lists or vectors); one table in eight is sorted ({@code `s#}), its rows in
     * the order of its first column, which carries {@code p#} as kdb+ gives it}
     */
    public static Arbitrary<QTable> tables() {
        return Arbitraries.integers().between(0, 5).flatMap(rows -> Combinators.combine(
                columnOf(rows).list().ofMinSize(1).ofMaxSize(4), Arbitraries.integers().between(0, 7))
                .as((cols, sorted) -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < cols.size(); i++) {
                        names.add("c" + i);
                    }
                    QTable t = QTable.of(names, cols);
                    return sorted == 0 ? sortedTable(t, Attribute.PARTED) : t;
                }));
    }

    /** {@return functions of every kind} */
    public static Arbitrary<QValue> functions() {
        Arbitrary<QValue> lambdas = Combinators.combine(
                Arbitraries.of("", "q", "foo", "a.b"),
                Arbitraries.of("{x+y}", "{[a;b] a*b}", "{x}", "{\"}\"}", "k){x*y}", "{`a`b!(x;y)}", "{}"))
                .as(QLambda::new);
        Arbitrary<QValue> primitives = Arbitraries.oneOf(List.of(
                Arbitraries.integers().between(0, 255).map(QUnaryPrimitive::of),
                Arbitraries.integers().between(0, 255).map(QBinaryPrimitive::of),
                Arbitraries.integers().between(0, 5).map(QIterator::of)));
        Arbitrary<QValue> simple = Arbitraries.oneOf(lambdas, primitives);
        // an argument is an atom or, one time in three, elided ({x+y}[;1] holds unary primitive 255 in the gap)
        Arbitrary<QValue> argument = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, atoms().map(a -> (QValue) a)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(QUnaryPrimitive.of(ELIDED))));
        Arbitrary<QValue> projections = Combinators.combine(simple, argument.list().ofMinSize(1).ofMaxSize(3))
                .as((f, args) -> {
                    List<QValue> items = new ArrayList<>();
                    items.add(f);
                    items.addAll(args);
                    return QProjection.of(items.toArray(new QValue[0]));
                });
        Arbitrary<QValue> compositions = simple.list().ofMinSize(2).ofMaxSize(3)
                .map(l -> QComposition.of(l.toArray(new QValue[0])));
        Arbitrary<QValue> derived = Combinators.combine(
                Arbitraries.of(QType.EACH, QType.OVER, QType.SCAN, QType.EACH_PRIOR, QType.EACH_RIGHT, QType.EACH_LEFT),
                simple).as(QDerivedFunction::of);
        return Arbitraries.oneOf(simple, projections, compositions, derived);
    }

    private static Arbitrary<QValue> value(int depth) {
        Arbitrary<QValue> leaf = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, atoms().map(v -> (QValue) v)),
                net.jqwik.api.Tuple.of(8, vectors().map(v -> (QValue) v)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(QUnaryPrimitive.IDENTITY)),
                net.jqwik.api.Tuple.of(1, errors()));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<QValue> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<QValue> list = inner.list().ofMaxSize(5).map(l -> QList.of(l));
        // keys of every type (vectors, general lists, tables); values a column, a list of any values (dictionaries
        // among them) or, for keys that are no table, a table
        Arbitrary<QValue> dict = Arbitraries.integers().between(0, 5).flatMap(n -> Combinators.combine(
                keysOf(n), dictValuesOf(n, inner), Arbitraries.of(false, false, false, true))
                .as((k, v, sorted) -> {
                    // a table keyed by a table is a keyed table, made below
                    QValue values = k instanceof QTable && v instanceof QTable ? QLongVector.wrap(new long[n]) : v;
                    if (sorted && k instanceof QVector kv) {
                        // a sorted dictionary: keys in ascending order with s#, the values kept with their keys
                        int[] order = ascending(kv);
                        return new QDict(permute(kv, order).withAttribute(Attribute.SORTED), permuteAny(values, order),
                                true);
                    }
                    return QDict.of(k, values);
                }));
        Arbitrary<QValue> nestedDict = Arbitraries.integers().between(1, 3).flatMap(n -> Combinators.combine(
                symbols().list().ofSize(n).uniqueElements(), dict.list().ofSize(n))
                .as((k, v) -> (QValue) QDict.of(QSymbolVector.wrap(k.toArray(new String[0])), QList.of(v))));
        Arbitrary<QValue> keyed = Arbitraries.integers().between(0, 4).flatMap(n -> Combinators.combine(
                tableOf(n, "k"), tableOf(n, "v"), Arbitraries.of(false, true)).as((k, v, sorted) -> {
                    if (!sorted) {
                        return QKeyedTable.of(k, v);
                    }
                    // a sorted keyed table: the key table carries s# (its columns none), rows in key order
                    int[] order = k.columns().isEmpty() ? identity(n) : ascendingAny(k.columns().get(0));
                    QTable keys = permuteRows(k, order, Attribute.SORTED);
                    return new QKeyedTable(keys, permuteRows(v, order, Attribute.NONE), true);
                }));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaf),
                net.jqwik.api.Tuple.of(3, list),
                net.jqwik.api.Tuple.of(2, dict),
                net.jqwik.api.Tuple.of(1, nestedDict),
                net.jqwik.api.Tuple.of(2, tables().map(t -> t)),
                net.jqwik.api.Tuple.of(1, keyed),
                net.jqwik.api.Tuple.of(1, functions()));
    }

    /** {@return q errors ({@code 'type}, any text without NUL)} */
    public static Arbitrary<QValue> errors() {
        return Arbitraries.oneOf(Arbitraries.of("type", "length", "rank", "nyi", ""), symbols())
                .map(text -> (QValue) new QError(text));
    }

    private static Arbitrary<QValue> dictValuesOf(int n, Arbitrary<QValue> inner) {
        return Arbitraries.oneOf(
                columnOf(n).map(c -> (QValue) c),
                inner.list().ofSize(n).map(l -> (QValue) QList.of(l)),
                tableOf(n, "v").map(t -> (QValue) t));
    }

    private static Arbitrary<QTable> tableOf(int rows, String prefix) {
        return TABLES.computeIfAbsent(prefix + rows, key -> makeTableOf(rows, prefix));
    }

    private static Arbitrary<QTable> makeTableOf(int rows, String prefix) {
        return columnOf(rows).list().ofMinSize(1).ofMaxSize(3).map(cols -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                names.add(prefix + i);
            }
            return QTable.of(names, cols);
        });
    }

    /**
     * A column of exactly {@code n} items: a vector, or a general list of atoms, of strings, of symbol lists or of
     * vectors of one type (a nested column).
     */
    private static Arbitrary<QSequence> columnOf(int n) {
        return COLUMNS.computeIfAbsent(n, QArbitraries::makeColumnOf);
    }

    private static Arbitrary<QSequence> makeColumnOf(int n) {
        Arbitrary<QVector> strings = Arbitraries.integers().between(0, 6)
                .flatMap(k -> Arbitraries.bytes().array(byte[].class).ofSize(k).map(b
                        -> (QVector) QCharVector.wrap(b)));
        Arbitrary<QVector> symbolLists = Arbitraries.integers().between(0, 3)
                .flatMap(k -> symbols().list().ofSize(k).map(l
                        -> (QVector) QSymbolVector.wrap(l.toArray(new String[0]))));
        Arbitrary<QSequence> nested = Arbitraries.integers().between(0, 17).flatMap(type -> Arbitraries.integers()
                .between(0, 4).flatMap(k -> plainVectors(k).get(type))
                .list().ofSize(n).map(l -> (QSequence) QList.of(l)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, vectorsOfSize(n).map(v -> (QSequence) v)),
                net.jqwik.api.Tuple.of(2, atoms().list().ofSize(n).map(l -> (QSequence) QList.of(l))),
                net.jqwik.api.Tuple.of(2, strings.list().ofSize(n).map(l -> (QSequence) QList.of(l))),
                net.jqwik.api.Tuple.of(1, symbolLists.list().ofSize(n).map(l -> (QSequence) QList.of(l))),
                net.jqwik.api.Tuple.of(1, nested));
    }

    private static List<QType> vectorsOfSizeTypes() {
        return List.of(QType.BOOLEAN, QType.GUID, QType.BYTE, QType.SHORT, QType.INT, QType.LONG, QType.REAL,
                QType.FLOAT, QType.CHAR, QType.SYMBOL, QType.TIMESTAMP, QType.MONTH, QType.DATE, QType.DATETIME,
                QType.TIMESPAN, QType.MINUTE, QType.SECOND, QType.TIME);
    }

    /** Dictionary keys of exactly {@code n} items: a vector of any type, a general list of atoms, or a table. */
    private static Arbitrary<QValue> keysOf(int n) {
        return KEYS.computeIfAbsent(n, QArbitraries::makeKeysOf);
    }

    private static Arbitrary<QValue> makeKeysOf(int n) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, symbols().list().ofSize(n).uniqueElements()
                        .map(l -> (QValue) QSymbolVector.wrap(l.toArray(new String[0])))),
                net.jqwik.api.Tuple.of(6, vectorsOfSize(n).map(v -> (QValue) v)),
                net.jqwik.api.Tuple.of(1, atoms().list().ofSize(n).map(l -> (QValue) QList.of(l))),
                net.jqwik.api.Tuple.of(1, tableOf(n, "k").map(t -> (QValue) t)));
    }

    private static Arbitrary<Attribute> attributes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Attribute.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Attribute.SORTED, Attribute.UNIQUE, Attribute.PARTED,
                        Attribute.GROUPED)));
    }

    /**
     * The vector with attribute {@code a}, its items rearranged into the form the attribute asserts: ascending for
     * {@code s#}, equal items together (in order of first appearance) for {@code p#}; a vector with repeated items
     * cannot be {@code u#} and is returned without attribute.
     */
    static QVector arranged(QVector v, Attribute a) {
        switch (a) {
            case NONE:
                return v;
            case SORTED:
                return permute(v, ascending(v)).withAttribute(a);
            case PARTED: {
                IntBinaryOperator cmp = order(v);
                int n = v.count();
                boolean[] taken = new boolean[n];
                int[] order = new int[n];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (!taken[i]) {
                        for (int j = i; j < n; j++) {
                            if (!taken[j] && cmp.applyAsInt(i, j) == 0) {
                                taken[j] = true;
                                order[k++] = j;
                            }
                        }
                    }
                }
                return permute(v, order).withAttribute(a);
            }
            case UNIQUE: {
                IntBinaryOperator cmp = order(v);
                for (int i = 0; i < v.count(); i++) {
                    for (int j = i + 1; j < v.count(); j++) {
                        if (cmp.applyAsInt(i, j) == 0) {
                            return v;
                        }
                    }
                }
                return v.withAttribute(a);
            }
            default:
                return v.withAttribute(a);
        }
    }

    /**
     * A table whose rows are in the order of its first column, with {@code s#}; the first column gets {@code first}.
     */
    private static QTable sortedTable(QTable t, Attribute first) {
        int[] order = ascendingAny(t.columns().get(0));
        QTable rows = permuteRows(t, order, Attribute.SORTED);
        QSequence[] cols = rows.columns().toArray(new QSequence[0]);
        if (cols[0] instanceof QVector v) {
            cols[0] = v.withAttribute(first);
        }
        return QTable.wrap(rows.columnNames().toArray(new String[0]), cols, Attribute.SORTED);
    }

    private static QTable permuteRows(QTable t, int[] order, Attribute attribute) {
        QSequence[] cols = new QSequence[t.columns().size()];
        for (int c = 0; c < cols.length; c++) {
            QSequence col = t.columns().get(c);
            cols[c] = (QSequence) permuteAny(col, order);
        }
        return QTable.wrap(t.columnNames().toArray(new String[0]), cols, attribute);
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Indices of a vector's items in ascending q order (stable). */
    private static int[] ascending(QVector v) {
        IntBinaryOperator cmp = order(v);
        return java.util.stream.IntStream.range(0, v.count()).boxed().sorted(cmp::applyAsInt)
                .mapToInt(Integer::intValue).toArray();
    }

    /** Ascending order for a vector; a general list keeps its order. */
    private static int[] ascendingAny(QValue column) {
        return column instanceof QVector v ? ascending(v) : identity(((QSequence) column).count());
    }

    /** A vector, general list or table with its items (rows) in the given order; anything else unchanged. */
    private static QValue permuteAny(QValue v, int[] order) {
        if (v instanceof QVector vec) {
            return permute(vec, order).withAttribute(Attribute.NONE);
        }
        if (v instanceof QList l) {
            QValue[] items = new QValue[order.length];
            for (int i = 0; i < order.length; i++) {
                items[i] = l.at(order[i]);
            }
            return QList.of(items);
        }
        if (v instanceof QTable t) {
            return permuteRows(t, order, Attribute.NONE);
        }
        return v;
    }

    /** q's order of two items of a vector, by index: nulls first, unsigned bytes, -0.0 equal to 0.0, NaNs equal. */
    private static IntBinaryOperator order(QVector v) {
        if (v instanceof QBooleanVector x) {
            boolean[] a = x.array();
            return (i, j) -> Boolean.compare(a[i], a[j]);
        } else if (v instanceof QByteVector x) {
            byte[] a = x.array();
            return (i, j) -> Integer.compare(a[i] & 0xFF, a[j] & 0xFF);
        } else if (v instanceof QCharVector x) {
            byte[] a = x.array();
            return (i, j) -> Integer.compare(a[i] & 0xFF, a[j] & 0xFF);
        } else if (v instanceof QShortVector x) {
            short[] a = x.array();
            return (i, j) -> Short.compare(a[i], a[j]);
        } else if (v instanceof IntBackedVector x) {
            return (i, j) -> Integer.compare(x.get(i), x.get(j));
        } else if (v instanceof LongBackedVector x) {
            return (i, j) -> Long.compare(x.get(i), x.get(j));
        } else if (v instanceof QRealVector x) {
            float[] a = x.array();
            return (i, j) -> compareFloats(a[i], a[j]);
        } else if (v instanceof DoubleBackedVector x) {
            return (i, j) -> compareFloats(x.get(i), x.get(j));
        } else if (v instanceof QSymbolVector x) {
            String[] a = x.array();
            return (i, j) -> Arrays.compareUnsigned(QUtf8.encode(a[i]), QUtf8.encode(a[j]));
        } else if (v instanceof QGuidVector x) {
            UUID[] a = x.array();
            return (i, j) -> {
                int c = Long.compareUnsigned(a[i].getMostSignificantBits(), a[j].getMostSignificantBits());
                return c != 0 ? c : Long.compareUnsigned(a[i].getLeastSignificantBits(),
                        a[j].getLeastSignificantBits());
            };
        }
        throw new IllegalArgumentException("no order for " + v.getClass());
    }

    private static int compareFloats(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b)) {
            return Double.isNaN(a) ? (Double.isNaN(b) ? 0 : -1) : 1;
        }
        return Double.compare(a == 0 ? 0.0 : a, b == 0 ? 0.0 : b);
    }

    /** The same vector type with items {@code order[0], order[1], ...}, without attribute. */
    private static QVector permute(QVector v, int[] order) {
        int n = order.length;
        if (v instanceof QBooleanVector x) {
            boolean[] a = x.array();
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[order[i]];
            }
            return QBooleanVector.wrap(out);
        } else if (v instanceof QByteVector x) {
            return QByteVector.wrap(permuteBytes(x.array(), order));
        } else if (v instanceof QCharVector x) {
            return QCharVector.wrap(permuteBytes(x.array(), order));
        } else if (v instanceof QShortVector x) {
            short[] a = x.array();
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[order[i]];
            }
            return QShortVector.wrap(out);
        } else if (v instanceof IntBackedVector x) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = x.get(order[i]);
            }
            return QVectors.wrapInts(x.type(), out, Attribute.NONE);
        } else if (v instanceof LongBackedVector x) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = x.get(order[i]);
            }
            return QVectors.wrapLongs(x.type(), out, Attribute.NONE);
        } else if (v instanceof QRealVector x) {
            float[] a = x.array();
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[order[i]];
            }
            return QRealVector.wrap(out);
        } else if (v instanceof DoubleBackedVector x) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = x.get(order[i]);
            }
            return QVectors.wrapDoubles(x.type(), out, Attribute.NONE);
        } else if (v instanceof QSymbolVector x) {
            String[] a = x.array();
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[order[i]];
            }
            return QSymbolVector.wrap(out);
        } else if (v instanceof QGuidVector x) {
            UUID[] a = x.array();
            UUID[] out = new UUID[n];
            for (int i = 0; i < n; i++) {
                out[i] = a[order[i]];
            }
            return QGuidVector.wrap(out);
        }
        throw new IllegalArgumentException("cannot permute " + v.getClass());
    }

    private static byte[] permuteBytes(byte[] a, int[] order) {
        byte[] out = new byte[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = a[order[i]];
        }
        return out;
    }

    /** {@return text of valid code points (no lone surrogates), no NUL: what a q symbol can hold} */
    public static Arbitrary<String> symbols() {
        Arbitrary<String> idents = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(6)
                .filter(s -> s.indexOf('\0') < 0 && s.codePoints().noneMatch(c -> c >= 0xD800 && c <= 0xDFFF));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, idents),
                net.jqwik.api.Tuple.of(2, any),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("")));
    }

    private static Arbitrary<UUID> guids() {
        return Arbitraries.oneOf(
                Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2())),
                Arbitraries.just(new UUID(0, 0)));
    }

    private static Arbitrary<Short> shorts() {
        return Arbitraries.oneOf(Arbitraries.shorts(),
                Arbitraries.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) -Short.MAX_VALUE, (short) 0));
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-100_000, 100_000),
                Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -Integer.MAX_VALUE, 0));
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1_000_000, 1_000_000),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE, 0L));
    }

    private static Arbitrary<Float> floats() {
        return Arbitraries.oneOf(Arbitraries.floats(),
                Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 1.5f,
                        Float.intBitsToFloat(0xffc00000)),
                // a NaN of any sign and payload: kdb+ sends 0Ne as ffc00000, other writers other bits
                Arbitraries.integers().map(bits -> Float.intBitsToFloat(0x7fc00000 | bits & 0x803fffff)));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.1, 1e300,
                        Double.longBitsToDouble(0xfff8000000000000L)),
                Arbitraries.longs().map(bits
                        -> Double.longBitsToDouble(0x7ff8000000000000L | bits & 0x8007ffffffffffffL)));
    }
}
