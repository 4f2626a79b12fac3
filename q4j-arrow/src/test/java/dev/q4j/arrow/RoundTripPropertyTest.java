package dev.q4j.arrow;

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
import dev.q4j.value.QType;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Random tables of every column type (nulls, infinities and values up to the edges of what Arrow holds, random
 * attributes, nested and string columns) come back exactly: in memory with either null option, and through an IPC
 * stream cut into random batches.
 */
class RoundTripPropertyTest {
    private static final long TIMESTAMP_SHIFT = 946_684_800_000_000_000L;
    private static final QType[] TYPES = {QType.BOOLEAN, QType.GUID, QType.BYTE, QType.SHORT, QType.INT, QType.LONG,
        QType.REAL, QType.FLOAT, QType.CHAR, QType.SYMBOL, QType.TIMESTAMP, QType.MONTH, QType.DATE, QType.DATETIME,
        QType.TIMESPAN, QType.MINUTE, QType.SECOND, QType.TIME};

    @Property(tries = 500)
    void tablesComeBackExactly(@ForAll("tables") QTable t, @ForAll boolean qNullValues) {
        ArrowOptions options = ArrowOptions.builder()
                .nulls(qNullValues ? ArrowOptions.Nulls.Q_VALUES : ArrowOptions.Nulls.ARROW).build();
        try (BufferAllocator allocator = new RootAllocator();
             ArrowTable arrow = QArrow.toArrow(t, allocator, options)) {
            assertThat(QArrow.toQ(arrow.root(), arrow.dictionaries())).isEqualTo(t);
        }
    }

    @Property(tries = 200)
    void tablesComeBackExactlyThroughAStreamOfBatches(@ForAll("tables") QTable t,
            @ForAll("batchRows") int batchRows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QArrow.writeStream(List.of(t), out, ArrowOptions.builder().batchRows(batchRows).build());
        assertThat(QArrow.readStream(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(t);
    }

    @Provide
    Arbitrary<Integer> batchRows() {
        return Arbitraries.integers().between(1, 40);
    }

    @Provide
    Arbitrary<QTable> tables() {
        return Arbitraries.integers().between(0, 30).flatMap(rows ->
                columns(rows).list().ofMinSize(1).ofMaxSize(6).map(columns -> {
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        names.add("c" + i);
                    }
                    return QTable.of(names, columns);
                }));
    }

    private static Arbitrary<QSequence> columns(int rows) {
        Arbitrary<QSequence> vectors = Arbitraries.of(TYPES).flatMap(type -> vector(type, rows));
        Arbitrary<QSequence> strings = Arbitraries.strings().withChars("ab é✓ ").ofMaxLength(5)
                .map(QCharVector::of).list().ofSize(rows).map(items -> QList.of(items));
        Arbitrary<QSequence> nested = Arbitraries.of(TYPES).filter(t -> t != QType.CHAR).flatMap(type ->
                Arbitraries.integers().between(0, 4).flatMap(k -> vector(type, k)).list().ofSize(rows)
                        .map(items -> (QSequence) QList.of(items)));
        Arbitrary<Attribute> attributes = Arbitraries.of(Attribute.values());
        return Combinators.combine(Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(6, vectors), net.jqwik.api.Tuple.of(1, strings),
                        net.jqwik.api.Tuple.of(1, nested)), attributes)
                // only an attribute that holds, as q keeps them (s# sorted, u# unique, p# parted): a false one is
                // dropped where batches are joined, and kdb+ would search such a list wrongly
                .as(JoinedAttributes::withHolding);
    }

    private static Arbitrary<QSequence> vector(QType type, int n) {
        switch (type) {
            case BOOLEAN:
                return Arbitraries.of(true, false).list().ofSize(n).map(l -> {
                    boolean[] a = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        a[i] = l.get(i);
                    }
                    return QBooleanVector.wrap(a);
                });
            case GUID:
                return Arbitraries.oneOf(Arbitraries.just(new UUID(0, 0)),
                        Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2())))
                        .list().ofSize(n).map(l -> QGuidVector.wrap(l.toArray(new UUID[0])));
            case BYTE:
                return Arbitraries.bytes().array(byte[].class).ofSize(n).map(QByteVector::wrap);
            case CHAR:
                return Arbitraries.bytes().between((byte) 0, (byte) 127).array(byte[].class).ofSize(n)
                        .map(QCharVector::wrap);
            case SHORT:
                return Arbitraries.shorts().array(short[].class).ofSize(n).map(QShortVector::wrap);
            case REAL:
                return Arbitraries.oneOf(Arbitraries.floats(), Arbitraries.of(Float.NaN, Float.POSITIVE_INFINITY,
                        Float.NEGATIVE_INFINITY, -0f)).list().ofSize(n).map(l -> {
                            float[] a = new float[n];
                            for (int i = 0; i < n; i++) {
                                a[i] = l.get(i);
                            }
                            return QRealVector.wrap(a);
                        });
            case SYMBOL:
                return Arbitraries.strings().withChars("abcé✓").ofMaxLength(4).list().ofSize(n)
                        .map(l -> QSymbolVector.wrap(l.toArray(new String[0])));
            case FLOAT:
                return doubles(Arbitraries.doubles(), n, type);
            case DATETIME:
                // whole milliseconds, as q makes them: those come back as the very same doubles
                return doubles(Arbitraries.longs().between(-100_000L * 86_400_000, 100_000L * 86_400_000)
                        .map(ms -> ms / 86_400_000.0), n, type);
            case LONG: case TIMESPAN:
                return longs(Arbitraries.longs(), n, type);
            case TIMESTAMP:
                return longs(Arbitraries.longs().between(-Long.MAX_VALUE + 1, Long.MAX_VALUE - TIMESTAMP_SHIFT - 1),
                        n, type);
            case INT: case SECOND: case TIME:
                return ints(Arbitraries.integers(), n, type);
            case DATE:
                return ints(Arbitraries.integers().between(-Integer.MAX_VALUE + 1, Integer.MAX_VALUE - 10_958), n,
                        type);
            case MONTH:
                return ints(Arbitraries.integers().between(-1_000_000, 1_000_000), n, type);
            case MINUTE:
                return ints(Arbitraries.integers().between(-35_000_000, 35_000_000), n, type);
            default:
                throw new IllegalArgumentException(type.toString());
        }
    }

    private static Arbitrary<QSequence> longs(Arbitrary<Long> ordinary, int n, QType type) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ordinary),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -Long.MAX_VALUE)))
                .list().ofSize(n).map(l -> (QSequence) QVectors.wrapLongs(type,
                        l.stream().mapToLong(Long::longValue).toArray(), Attribute.NONE));
    }

    private static Arbitrary<QSequence> ints(Arbitrary<Integer> ordinary, int n, QType type) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ordinary), net.jqwik.api.Tuple.of(1,
                        Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -Integer.MAX_VALUE)))
                .list().ofSize(n).map(l -> (QSequence) QVectors.wrapInts(type,
                        l.stream().mapToInt(Integer::intValue).toArray(), Attribute.NONE));
    }

    private static Arbitrary<QSequence> doubles(Arbitrary<Double> ordinary, int n, QType type) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, ordinary), net.jqwik.api.Tuple.of(1,
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .list().ofSize(n).map(l -> (QSequence) QVectors.wrapDoubles(type,
                        l.stream().mapToDouble(Double::doubleValue).toArray(), Attribute.NONE));
    }

}
