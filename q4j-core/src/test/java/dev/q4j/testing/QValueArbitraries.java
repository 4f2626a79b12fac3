package dev.q4j.testing;

import dev.q4j.value.Attribute;
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
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators for every kind of q value: atoms and vectors of every basic type (nulls and infinities made
 * likely), attributes, general lists, dictionaries (sorted too), tables, keyed tables, functions and nesting.
 *
 * <p>Symbols are valid UTF-8 text without NUL; floats use q's canonical NaN (the only one kdb+ produces).
 */
public final class QValueArbitraries {
    private static final int MAX_VECTOR = 12;

    private QValueArbitraries() {
    }

    /** @return any value, nested up to three levels */
    public static Arbitrary<QValue> values() {
        return value(3);
    }

    /** @return atoms of every basic type */
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

    /** @return vectors of every basic type, 0 .. 12 items, sometimes with an attribute */
    public static Arbitrary<QVector> vectors() {
        return Arbitraries.integers().between(0, MAX_VECTOR).flatMap(QValueArbitraries::vectorsOfSize);
    }

    /**
     * @param n the count
     * @return vectors of every basic type with exactly {@code n} items, sometimes with an attribute
     */
    public static Arbitrary<QVector> vectorsOfSize(int n) {
        Arbitrary<QVector> plain = Arbitraries.oneOf(List.of(
                Arbitraries.of(true, false).list().ofSize(n).map(l -> {
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
                ints().array(int[].class).ofSize(n).map(QTimeVector::wrap)));
        return Combinators.combine(plain, attributes()).as(QValueArbitraries::attributed);
    }

    /**
     * @return {@code v} with {@code a}, or with {@code g#} where {@code a} is an {@code s#} or {@code u#} that its
     *     random items do not satisfy (the value model refuses a false one since issue 13)
     */
    public static QVector attributed(QVector v, Attribute a) {
        try {
            return v.withAttribute(a);
        } catch (IllegalArgumentException e) {
            return v.withAttribute(Attribute.GROUPED);
        }
    }

    /** @return a dictionary, sorted if asked for and its keys are sorted (a false {@code s#} is refused) */
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

    /** @return tables of 0 .. 4 columns of equal length */
    public static Arbitrary<QTable> tables() {
        return Arbitraries.integers().between(0, 5).flatMap(rows ->
                columnOf(rows).list().ofMinSize(1).ofMaxSize(4).map(cols -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < cols.size(); i++) {
                        names.add("c" + i);
                    }
                    return QTable.of(names, cols);
                }));
    }

    /** @return functions of every kind */
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
        Arbitrary<QValue> projections = Combinators.combine(simple, atoms().list().ofMinSize(1).ofMaxSize(3))
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
        Arbitrary<QValue> leaf = Arbitraries.oneOf(List.of(atoms().map(v -> v), vectors().map(v -> v),
                Arbitraries.just(QUnaryPrimitive.IDENTITY)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<QValue> inner = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<QValue> list = inner.list().ofMaxSize(5).map(l -> QList.of(l));
        Arbitrary<QValue> dict = Arbitraries.integers().between(0, 5).flatMap(n -> Combinators.combine(
                keysOf(n), columnOf(n), Arbitraries.of(false, false, false, true))
                .as(QValueArbitraries::dict));
        Arbitrary<QValue> keyed = Arbitraries.integers().between(0, 4).flatMap(n -> Combinators.combine(
                tableOf(n, "k"), tableOf(n, "v"), Arbitraries.of(false, true)).as(QKeyedTable::new));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, leaf),
                net.jqwik.api.Tuple.of(3, list),
                net.jqwik.api.Tuple.of(2, dict),
                net.jqwik.api.Tuple.of(2, tables().map(t -> t)),
                net.jqwik.api.Tuple.of(1, keyed),
                net.jqwik.api.Tuple.of(1, functions()));
    }

    private static Arbitrary<QTable> tableOf(int rows, String prefix) {
        return columnOf(rows).list().ofMinSize(1).ofMaxSize(3).map(cols -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                names.add(prefix + i);
            }
            return QTable.of(names, cols);
        });
    }

    /** Vector (or sometimes a general list of atoms) of exactly {@code n} items. */
    private static Arbitrary<QSequence> columnOf(int n) {
        return Arbitraries.oneOf(
                vectorsOfSize(n).map(v -> (QSequence) v),
                atoms().list().ofSize(n).map(l -> (QSequence) QList.of(l)));
    }

    private static Arbitrary<QVector> keysOf(int n) {
        return Arbitraries.oneOf(
                symbols().list().ofSize(n).uniqueElements().map(l -> (QVector) QSymbolVector.wrap(l.toArray(new String[0]))),
                longs().array(long[].class).ofSize(n).map(a -> (QVector) QLongVector.wrap(a)));
    }

    private static Arbitrary<Attribute> attributes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(Attribute.NONE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Attribute.SORTED, Attribute.UNIQUE, Attribute.PARTED,
                        Attribute.GROUPED)));
    }

    /** Text of valid code points (no lone surrogates), no NUL: what a q symbol can hold. */
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
                Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0.0f, 0.0f, 1.5f));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.doubles().between(-1e6, 1e6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 0.1, 1e300));
    }
}
