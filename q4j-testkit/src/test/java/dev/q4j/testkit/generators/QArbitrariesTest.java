package dev.q4j.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Example;

/**
 * The public generators (those q4j-core's own property tests use) reach every shape the property tests rely on,
 * and give attributes only to data that has their form (kdb+ refuses {@code `s#3 1 2} with 's-fail and
 * {@code `u#1 1} with 'u-fail).
 */
class QArbitrariesTest {
    private static final int SAMPLES = 800;

    @Example
    void generatorReachesEveryShape() {
        Set<String> seen = new TreeSet<>();
        Set<QType> keyTypes = EnumSet.noneOf(QType.class);
        Set<Attribute> columnAttributes = EnumSet.noneOf(Attribute.class);
        List<QValue> sample = sample(QArbitraries.values(), SAMPLES);
        for (QValue v : sample) {
            walk(v, seen, keyTypes, columnAttributes);
        }
        assertThat(seen).contains("error", "elided projection", "NaN payload", "real NaN payload",
                "datetime NaN payload",
                "string column", "nested column", "symbol-list column", "nested dictionary", "table keys",
                "general-list keys", "sorted table", "sorted keyed table", "sorted dictionary", "dictionary of tables");
        for (QType t : List.of(QType.BOOLEAN, QType.GUID, QType.BYTE, QType.SHORT, QType.INT, QType.LONG, QType.REAL,
                QType.FLOAT, QType.CHAR, QType.SYMBOL, QType.TIMESTAMP, QType.MONTH, QType.DATE, QType.DATETIME,
                QType.TIMESPAN, QType.MINUTE, QType.SECOND, QType.TIME)) {
            assertThat(keyTypes).as("dictionary keys of type %s", t).contains(t);
        }
        assertThat(columnAttributes).containsAll(EnumSet.allOf(Attribute.class));
    }

    @Example
    void attributesOnlyOnDataOfTheirForm() {
        Set<String> seen = new HashSet<>();
        for (QVector v : sample(QArbitraries.vectors(), SAMPLES / 2)) {
            List<String> items = v.count() == 0 ? List.of() : itemsOf(v);
            switch (v.attribute()) {
                case SORTED -> {
                    seen.add("s");
                    assertThat(QArbitraries.arranged(v.withAttribute(Attribute.NONE), Attribute.SORTED))
                            .as("s# vector already in order: %s", v).isEqualTo(v);
                }
                case UNIQUE -> {
                    seen.add("u");
                    assertThat(new HashSet<>(items)).as("u# vector of distinct items: %s", v).hasSize(items.size());
                }
                case PARTED -> {
                    seen.add("p");
                    for (int i = 0; i < items.size(); i++) {
                        for (int j = i + 2; j < items.size(); j++) {
                            if (items.get(i).equals(items.get(j))) {
                                assertThat(items.get(i + 1)).as("p# keeps equal items together: %s", v)
                                        .isEqualTo(items.get(i));
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        assertThat(seen).contains("s", "u", "p");
    }

    /** A fixed-seed sample, the same at every run. */
    private static <T> List<T> sample(Arbitrary<T> arbitrary, int n) {
        RandomGenerator<T> generator = arbitrary.generator(1000);
        Random random = new Random(20261205L);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(generator.next(random).value());
        }
        return out;
    }

    /** Items by their printed form, with every NaN and both zeros counted as q counts them: equal. */
    private static List<String> itemsOf(QVector v) {
        return java.util.stream.IntStream.range(0, v.count()).mapToObj(i -> {
            QValue item = v.at(i);
            if (item instanceof QFloat f && (Double.isNaN(f.value()) || f.value() == 0)) {
                return Double.isNaN(f.value()) ? "NaN" : "0";
            }
            if (item instanceof QReal r && (Float.isNaN(r.value()) || r.value() == 0)) {
                return Float.isNaN(r.value()) ? "NaN" : "0";
            }
            if (item instanceof dev.q4j.value.QDatetime z && (Double.isNaN(z.days()) || z.days() == 0)) {
                return Double.isNaN(z.days()) ? "NaN" : "0";
            }
            return item.type() + ":" + item;
        }).toList();
    }

    private static void walk(QValue v, Set<String> seen, Set<QType> keyTypes, Set<Attribute> columnAttributes) {
        if (v instanceof QError) {
            seen.add("error");
        } else if (v instanceof QProjection p) {
            if (p.items().stream().skip(1).anyMatch(a -> a instanceof QUnaryPrimitive u && u.code() == 255)) {
                seen.add("elided projection");
            }
            p.items().forEach(x -> walk(x, seen, keyTypes, columnAttributes));
        } else if (v instanceof QDerivedFunction d) {
            walk(d.function(), seen, keyTypes, columnAttributes);
        } else if (v instanceof QFloat f && nonCanonicalNaN(f.value())) {
            seen.add("NaN payload");
        } else if (v instanceof QFloatVector x) {
            for (double d : x.array()) {
                if (nonCanonicalNaN(d)) {
                    seen.add("NaN payload");
                }
            }
        } else if (v instanceof QDatetimeVector x) {
            for (double d : x.array()) {
                if (nonCanonicalNaN(d)) {
                    seen.add("datetime NaN payload");
                }
            }
        } else if (v instanceof QReal r && Float.isNaN(r.value())
                && Float.floatToRawIntBits(r.value()) != Float.floatToRawIntBits(Float.NaN)) {
            seen.add("real NaN payload");
        } else if (v instanceof QRealVector x) {
            for (float f : x.array()) {
                if (Float.isNaN(f) && Float.floatToRawIntBits(f) != Float.floatToRawIntBits(Float.NaN)) {
                    seen.add("real NaN payload");
                }
            }
        } else if (v instanceof QList l) {
            l.items().forEach(x -> walk(x, seen, keyTypes, columnAttributes));
        } else if (v instanceof QDict d) {
            if (d.sorted()) {
                seen.add("sorted dictionary");
            }
            if (d.keys() instanceof QVector k) {
                keyTypes.add(k.type());
            } else if (d.keys() instanceof QList) {
                seen.add("general-list keys");
            } else if (d.keys() instanceof QTable) {
                seen.add("table keys");
            }
            if (d.values() instanceof QTable) {
                seen.add("dictionary of tables");
            }
            if (d.values() instanceof QList l && l.items().stream().anyMatch(x -> x instanceof QDict)) {
                seen.add("nested dictionary");
            }
            walk(d.keys(), seen, keyTypes, columnAttributes);
            walk(d.values(), seen, keyTypes, columnAttributes);
        } else if (v instanceof QTable t) {
            if (t.attribute() == Attribute.SORTED) {
                seen.add("sorted table");
            }
            for (QSequence col : t.columns()) {
                if (col instanceof QVector cv) {
                    columnAttributes.add(cv.attribute());
                } else if (col instanceof QList l && l.count() > 0) {
                    QValue first = l.at(0);
                    if (first.type() == QType.CHAR && first instanceof QVector) {
                        seen.add("string column");
                    } else if (first.type() == QType.SYMBOL && first instanceof QVector) {
                        seen.add("symbol-list column");
                    } else if (first instanceof QVector) {
                        seen.add("nested column");
                    }
                }
                walk(col, seen, keyTypes, columnAttributes);
            }
        } else if (v instanceof QKeyedTable k) {
            if (k.sorted()) {
                seen.add("sorted keyed table");
            }
            walk(k.keys(), seen, keyTypes, columnAttributes);
            walk(k.values(), seen, keyTypes, columnAttributes);
        }
    }

    private static boolean nonCanonicalNaN(double d) {
        return Double.isNaN(d) && Double.doubleToRawLongBits(d) != Double.doubleToRawLongBits(Double.NaN);
    }
}
