package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random tables of every q type, nulls and infinities made likely, read into records and written back give the
 * same table; random records written and read back give the same records.
 */
class RecordsPropertiesTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    enum Side { BUY, SELL, HOLD }

    /** One component per q type, in a type that holds every value of it that a Java type can. */
    record Row(boolean b, UUID g, byte x, Short h, Integer i, Long j, Float e, Double f, Character c, String s,
            Instant p, YearMonth m, LocalDate d, @QColumn(type = QType.DATETIME) Instant z, Duration n,
            @QColumn(type = QType.MINUTE) Duration u, @QColumn(type = QType.SECOND) Duration v, LocalTime t,
            @QColumn(type = QType.TIMESTAMP) long praw, long jraw, double fraw, Side side,
            @QColumn(type = QType.CHAR) String text, List<Long> longs, double[] prices) {
    }

    private static final String[] NAMES = {"b", "g", "x", "h", "i", "j", "e", "f", "c", "s", "p", "m", "d", "z",
        "n", "u", "v", "t", "praw", "jraw", "fraw", "side", "text", "longs", "prices"};

    @Property(tries = 200)
    void tablesReadIntoRecordsAndWrittenBackAreTheSame(@ForAll("tables") QTable table) {
        List<Row> rows = MAPPER.toList(table, Row.class);
        assertThat(rows).hasSize(table.count());
        assertThat(MAPPER.toTable(rows, Row.class)).isEqualTo(table);
    }

    @Property(tries = 200)
    void recordsReadFromRandomTablesSurviveAWriteAndARead(@ForAll("tables") QTable table) {
        List<Row> rows = MAPPER.toList(table, Row.class);
        List<Row> again = MAPPER.toList(MAPPER.toTable(rows, Row.class), Row.class);
        assertThat(again).hasSize(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            Row a = rows.get(k);
            Row b = again.get(k);
            // records compare double and float components as Double.compare does (NaN equals NaN); arrays apart
            assertThat(withoutArrays(b)).isEqualTo(withoutArrays(a));
            assertThat(Arrays.equals(b.prices(), a.prices())).as("prices of row %d", k).isTrue();
        }
    }

    private static Row withoutArrays(Row r) {
        return new Row(r.b(), r.g(), r.x(), r.h(), r.i(), r.j(), r.e(), r.f(), r.c(), r.s(), r.p(), r.m(), r.d(),
                r.z(), r.n(), r.u(), r.v(), r.t(), r.praw(), r.jraw(), r.fraw(), r.side(), r.text(), r.longs(), null);
    }

    @Provide
    Arbitrary<QTable> tables() {
        return Arbitraries.integers().between(0, 8).flatMap(n -> {
            List<Arbitrary<QSequence>> columns = List.of(
                    Arbitraries.of(true, false).list().ofSize(n).map(l -> {
                        boolean[] a = new boolean[n];
                        for (int k = 0; k < n; k++) {
                            a[k] = l.get(k);
                        }
                        return QBooleanVector.wrap(a);
                    }),
                    Arbitraries.oneOf(Arbitraries.just(new UUID(0, 0)), Arbitraries.create(UUID::randomUUID))
                            .list().ofSize(n).map(l -> QGuidVector.wrap(l.toArray(new UUID[0]))),
                    Arbitraries.bytes().array(byte[].class).ofSize(n).map(QByteVector::wrap),
                    edge(Arbitraries.shorts(), List.of(Short.MIN_VALUE, Short.MAX_VALUE, (short) -Short.MAX_VALUE))
                            .array(short[].class).ofSize(n).map(QShortVector::wrap),
                    ints(n, QType.INT),
                    longs(n, QType.LONG, true),
                    edge(Arbitraries.floats(),
                            List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f))
                            .array(float[].class).ofSize(n).map(QRealVector::wrap),
                    doubles(n),
                    Arbitraries.bytes().array(byte[].class).ofSize(n).map(QCharVector::wrap),
                    symbols(n),
                    longs(n, QType.TIMESTAMP, false),
                    ints(n, QType.MONTH),
                    ints(n, QType.DATE),
                    datetimes(n),
                    longs(n, QType.TIMESPAN, false),
                    ints(n, QType.MINUTE),
                    ints(n, QType.SECOND),
                    Arbitraries.oneOf(Arbitraries.integers().between(0, 86_399_999),
                                    Arbitraries.just(Integer.MIN_VALUE))
                            .list().ofSize(n).map(l -> QVectors.wrapInts(QType.TIME,
                                    l.stream().mapToInt(Integer::intValue).toArray(), Attribute.NONE)),
                    primitiveLongs(n, QType.TIMESTAMP),
                    primitiveLongs(n, QType.LONG),
                    doubles(n),
                    Arbitraries.of("BUY", "SELL", "HOLD", "").list().ofSize(n)
                            .map(l -> QSymbolVector.wrap(l.toArray(new String[0]))),
                    Arbitraries.strings().ofMaxLength(5).list().ofSize(n).map(l -> {
                        List<QValue> cells = new ArrayList<>();
                        l.forEach(x -> cells.add(QCharVector.of(x)));
                        return QList.of(cells);
                    }),
                    longs(3, QType.LONG, true).list().ofSize(n).map(QList::of),
                    doubles(2).list().ofSize(n).map(QList::of));
            return Combinators.combine(columns).as(cols -> QTable.of(List.of(NAMES), cols));
        });
    }

    private static <T> Arbitrary<T> edge(Arbitrary<T> any, List<T> edges) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(edges)));
    }

    /** ints of a type: its null, and for int itself its infinities (no java.time type holds a temporal's) */
    private static Arbitrary<QSequence> ints(int n, QType type) {
        Arbitrary<Integer> any = Arbitraries.integers().between(-Integer.MAX_VALUE + 1, Integer.MAX_VALUE - 1);
        Arbitrary<Integer> values = type == QType.INT
                ? edge(any, List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -Integer.MAX_VALUE))
                : edge(any, List.of(Integer.MIN_VALUE, 0));
        return values.list().ofSize(n).map(l -> QVectors.wrapInts(type, l.stream().mapToInt(Integer::intValue)
                .toArray(), Attribute.NONE));
    }

    private static Arbitrary<QSequence> longs(int n, QType type, boolean infinities) {
        Arbitrary<Long> any = Arbitraries.longs().between(-Long.MAX_VALUE + 1, Long.MAX_VALUE - 1);
        Arbitrary<Long> values = infinities ? edge(any, List.of(Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE))
                : edge(any, List.of(Long.MIN_VALUE, 0L));
        return values.list().ofSize(n).map(l -> QVectors.wrapLongs(type, l.stream().mapToLong(Long::longValue)
                .toArray(), Attribute.NONE));
    }

    /** for primitive components: infinities, no null */
    private static Arbitrary<QSequence> primitiveLongs(int n, QType type) {
        return edge(Arbitraries.longs().between(-Long.MAX_VALUE, Long.MAX_VALUE), List.of(Long.MAX_VALUE,
                -Long.MAX_VALUE)).list().ofSize(n).map(l -> QVectors.wrapLongs(type,
                        l.stream().mapToLong(Long::longValue).toArray(), Attribute.NONE));
    }

    private static Arbitrary<QSequence> doubles(int n) {
        // q's canonical NaN only: Double.NaN is that one
        return edge(Arbitraries.doubles(),
                List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0))
                .array(double[].class).ofSize(n).map(a -> QVectors.wrapDoubles(QType.FLOAT, a, Attribute.NONE));
    }

    /** datetimes as q makes them from whole milliseconds, which an Instant holds exactly */
    private static Arbitrary<QSequence> datetimes(int n) {
        Arbitrary<Double> days = Arbitraries.longs().between(-100_000_000_000_000L, 100_000_000_000_000L)
                .map(ms -> QTemporal.datetimeOf(Instant.ofEpochMilli(ms)));
        return edge(days, List.of(Double.NaN)).list().ofSize(n).map(l -> QVectors.wrapDoubles(QType.DATETIME,
                l.stream().mapToDouble(Double::doubleValue).toArray(), Attribute.NONE));
    }

    private static Arbitrary<QSequence> symbols(int n) {
        return Arbitraries.strings().withCharRange('a', 'z').withChars('\u00e9', '\u4e2d').ofMaxLength(4).list()
                .ofSize(n).map(l -> QSymbolVector.wrap(l.toArray(new String[0])));
    }

}
