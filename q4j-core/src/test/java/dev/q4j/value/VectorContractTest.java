package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every vector class keeps, checked on each of them alike: the per-type classes are written out by hand
 * for speed (one primitive array each, no boxing), so this one test is what keeps them the same.
 *
 * <p>Each class is found through {@link QVector}'s sealed hierarchy, so a new vector class fails
 * {@link #everyVectorClassHasItems()} until it gets items here, and then runs the whole contract.
 */
class VectorContractTest {
    /**
     * Items of each class's array type, by position: index 0, 1, 2 in q's ascending order and distinct (for
     * booleans, which have two values, ascending but not distinct).
     */
    private static final Map<Class<?>, IntFunction<Object>> ITEMS = Map.ofEntries(
            Map.entry(QBooleanVector.class, i -> i > 0),
            Map.entry(QGuidVector.class, i -> new UUID(0, i + 1)),
            Map.entry(QByteVector.class, i -> (byte) (i + 1)),
            Map.entry(QShortVector.class, i -> (short) (i + 1)),
            Map.entry(QIntVector.class, i -> i + 1),
            Map.entry(QLongVector.class, i -> (long) i + 1),
            Map.entry(QRealVector.class, i -> i + 1.5f),
            Map.entry(QFloatVector.class, i -> i + 1.5),
            Map.entry(QCharVector.class, i -> (byte) ('a' + i)),
            Map.entry(QSymbolVector.class, i -> String.valueOf((char) ('a' + i))),
            Map.entry(QTimestampVector.class, i -> 1_000_000_000L * (i + 1)),
            Map.entry(QMonthVector.class, i -> 300 + i),
            Map.entry(QDateVector.class, i -> 9000 + i),
            Map.entry(QDatetimeVector.class, i -> 9000.25 + i),
            Map.entry(QTimespanVector.class, i -> 60_000_000_000L * (i + 1)),
            Map.entry(QMinuteVector.class, i -> 60 * (i + 1)),
            Map.entry(QSecondVector.class, i -> 3600 * (i + 1)),
            Map.entry(QTimeVector.class, i -> 3_600_000 * (i + 1)));

    static Stream<Class<? extends QVector>> vectorClasses() {
        return concreteVectorClasses().stream();
    }

    @Test
    void everyVectorClassHasItems() {
        assertThat(new LinkedHashSet<Class<?>>(concreteVectorClasses()))
                .containsExactlyInAnyOrderElementsOf(ITEMS.keySet());
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void ofCopiesItsInput(Class<? extends QVector> c) throws Exception {
        Object items = items(c, 0, 1, 2);
        QVector v = (QVector) factory(c, "of").invoke(null, items);
        Array.set(items, 0, Array.get(items(c, 2), 0));

        assertThat(array(v)).as("%s.of then the input changed", c.getSimpleName()).isNotSameAs(items);
        assertThat(Array.get(array(v), 0)).isEqualTo(Array.get(items(c, 0), 0));
        assertThat(v.count()).isEqualTo(3);
        assertThat(v.attribute()).isEqualTo(Attribute.NONE);
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void wrapSharesTheArrayAndToArrayCopiesIt(Class<? extends QVector> c) throws Exception {
        Object items = items(c, 0, 1, 2);
        QVector v = wrap(c, items);

        assertThat(array(v)).as("%s.wrap(...).array()", c.getSimpleName()).isSameAs(items);
        Object copy = c.getMethod("toArray").invoke(v);
        assertThat(copy).isNotSameAs(items).isEqualTo(items);
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void itemsAtomsAndTypeAgree(Class<? extends QVector> c) throws Exception {
        QVector v = wrap(c, items(c, 0, 1, 2));
        QType type = v.type();

        assertThat((int) type.code()).as("%s is a vector type", c.getSimpleName()).isBetween(1, 19);
        assertThat(QVectors.empty(type)).isInstanceOf(c);
        for (int i = 0; i < v.count(); i++) {
            QAtom atom = v.at(i);
            assertThat(atom.type()).as("%s.at(%d)", c.getSimpleName(), i).isEqualTo(type);
            assertThat(type.atomCode()).isEqualTo((byte) -type.code());
            assertThat(v.isNull(i)).isEqualTo(atom.isNull()).isFalse();
            assertThat(QVectors.ofAtoms(type, List.of(atom))).isEqualTo(wrap(c, items(c, i)));
        }
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void theTypesNullIsNullItemByItem(Class<? extends QVector> c) throws Exception {
        QType type = wrap(c, items(c, 0)).type();
        if (type == QType.BOOLEAN || type == QType.BYTE) {
            return; // q has no boolean or byte null
        }
        QAtom nullAtom = nullAtom(type);
        QVector v = QVectors.ofAtoms(type, List.of(nullAtom, wrap(c, items(c, 1)).at(0)));

        assertThat(v).isInstanceOf(c);
        assertThat(v.isNull(0)).as("%s item 0 is %s", c.getSimpleName(), nullAtom).isTrue();
        assertThat(v.at(0).isNull()).isTrue();
        assertThat(v.isNull(1)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void equalityIsClassItemsAndAttribute(Class<? extends QVector> c) throws Exception {
        QVector a = wrap(c, items(c, 0, 1, 2));
        QVector same = (QVector) factory(c, "of").invoke(null, items(c, 0, 1, 2));
        QVector other = wrap(c, items(c, 1, 1, 2));
        QVector sorted = a.withAttribute(Attribute.SORTED);

        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(a).isNotEqualTo(other).isNotEqualTo(sorted);
        assertThat(sorted).isEqualTo(same.withAttribute(Attribute.SORTED)).hasSameHashCodeAs(same.withAttribute(
                Attribute.SORTED));
        for (Class<? extends QVector> d : concreteVectorClasses()) {
            if (d != c && d.getMethod("array").getReturnType() == c.getMethod("array").getReturnType()) {
                assertThat(wrap(d, items(c, 0, 1, 2))).as("%s against %s with the same array",
                        d.getSimpleName(), c.getSimpleName()).isNotEqualTo(a);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void withAttributeChecksSortedAndUniqueAsKdbDoes(Class<? extends QVector> c) throws Exception {
        QVector ascending = wrap(c, items(c, 0, 1, 2));
        QVector descending = wrap(c, items(c, 2, 1, 0));
        QVector repeating = wrap(c, items(c, 1, 1, 2));

        assertThat(ascending.withAttribute(Attribute.NONE)).isSameAs(ascending);
        assertThat(ascending.withAttribute(Attribute.SORTED).attribute()).isEqualTo(Attribute.SORTED);
        assertThat(repeating.withAttribute(Attribute.SORTED).attribute()).isEqualTo(Attribute.SORTED);
        assertThat(descending.withAttribute(Attribute.PARTED).attribute()).isEqualTo(Attribute.PARTED);
        assertThat(descending.withAttribute(Attribute.GROUPED).attribute()).isEqualTo(Attribute.GROUPED);
        QVector sorted = ascending.withAttribute(Attribute.SORTED);
        assertThat(sorted.withAttribute(Attribute.SORTED)).isSameAs(sorted);
        assertThat(array(sorted)).as("a new attribute shares the items").isSameAs(array(ascending));
        if (c == QGuidVector.class) {
            return; // kdb+'s guid order is not checked (QVector#withAttribute says so)
        }
        assertThatThrownBy(() -> descending.withAttribute(Attribute.SORTED)).as("%s s# on 3 2 1", c.getSimpleName())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        if (c != QBooleanVector.class) {
            assertThatThrownBy(() -> repeating.withAttribute(Attribute.UNIQUE))
                    .as("%s u# on a repeated item", c.getSimpleName())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u-fail");
            assertThat(descending.withAttribute(Attribute.UNIQUE).attribute()).isEqualTo(Attribute.UNIQUE);
        }
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void wrapWithAnAttributeChecksItAsWithAttributeDoes(Class<? extends QVector> c) throws Exception {
        Object descending = items(c, 2, 1, 0);
        Object repeating = items(c, 1, 1, 2);
        Class<?> array = factory(c, "of").getParameterTypes()[0];
        Method wrap = c.getMethod("wrap", array, Attribute.class);

        QVector sorted = (QVector) wrap.invoke(null, items(c, 0, 1, 2), Attribute.SORTED);
        assertThat(sorted).isEqualTo(wrap(c, items(c, 0, 1, 2)).withAttribute(Attribute.SORTED));
        QType type = sorted.type();
        if (c == QGuidVector.class) {
            return; // guid order is not checked
        }
        assertThatThrownBy(() -> invoke(wrap, descending, Attribute.SORTED)).as("%s.wrap(3 2 1, s#)", c.getSimpleName())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        if (c != QBooleanVector.class) {
            assertThatThrownBy(() -> invoke(wrap, repeating, Attribute.UNIQUE))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u-fail");
        }
        if (array == int[].class) {
            assertThatThrownBy(() -> QVectors.wrapInts(type, (int[]) descending, Attribute.SORTED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        } else if (array == long[].class) {
            assertThatThrownBy(() -> QVectors.wrapLongs(type, (long[]) descending, Attribute.SORTED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        } else if (array == double[].class) {
            assertThatThrownBy(() -> QVectors.wrapDoubles(type, (double[]) descending, Attribute.SORTED))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        }
    }

    private static Object invoke(Method m, Object... args) throws Exception {
        try {
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void emptyIsTheVectorOfNothing(Class<? extends QVector> c) throws Exception {
        QVector empty = (QVector) c.getField("EMPTY").get(null);

        assertThat(empty.count()).isZero();
        assertThat(empty).isEqualTo(factory(c, "of").invoke(null, items(c))).isEqualTo(QVectors.empty(empty.type()));
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void toStringIsItsQText(Class<? extends QVector> c) throws Exception {
        QVector v = wrap(c, items(c, 0, 1, 2)).withAttribute(Attribute.SORTED);

        assertThat(v.toString()).isEqualTo(QText.print(v));
        assertThat(QText.parse(v.toString())).as("%s printed and parsed back", c.getSimpleName()).isEqualTo(v);
    }

    @ParameterizedTest
    @MethodSource("vectorClasses")
    void aVectorDecodedInPlaceKeepsTheSameContract(Class<? extends QVector> c) throws Exception {
        QVector v = wrap(c, items(c, 0, 1, 2));
        int width = switch (c.getMethod("array").getReturnType().getComponentType().getName()) {
            case "int" -> 4;
            case "long", "double" -> 8;
            default -> 0;
        };
        if (width == 0) {
            return; // only 4- and 8-byte items are read in place
        }
        byte[] bytes = new byte[3 * width + 5];
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes, 5, 3 * width).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < 3; i++) {
            Object item = Array.get(array(v), i);
            if (item instanceof Integer n) {
                buffer.putInt(n);
            } else if (item instanceof Long n) {
                buffer.putLong(n);
            } else {
                buffer.putDouble((Double) item);
            }
        }
        QVector inPlace = QVectors.inPlace(v.type(), bytes, 5, 3, ByteOrder.BIG_ENDIAN, Attribute.NONE);

        assertThat(inPlace).isInstanceOf(c).isEqualTo(v).hasSameHashCodeAs(v);
        assertThat(inPlace.toString()).isEqualTo(v.toString());
        assertThat(array(inPlace)).isEqualTo(array(v));
        assertThat(inPlace.withAttribute(Attribute.UNIQUE).withAttribute(Attribute.SORTED))
                .isEqualTo(v.withAttribute(Attribute.SORTED));
        QVector descending = QVectors.inPlace(v.type(), reversed(bytes, width), 5, 3, ByteOrder.BIG_ENDIAN,
                Attribute.NONE);
        assertThatThrownBy(()
                -> descending.withAttribute(Attribute.SORTED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s-fail");
        assertThatThrownBy(() -> QVectors.inPlace(v.type(), reversed(bytes, width), 5, 3, ByteOrder.BIG_ENDIAN,
                Attribute.SORTED)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
    }

    // ---------------------------------------------------------------- helpers

    private static QAtom nullAtom(QType type) {
        try {
            Class<?> atom = Class.forName("dev.q4j.value.Q" + simpleName(type));
            return (QAtom) atom.getField("NULL").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no NULL constant for " + type, e);
        }
    }

    /** @return {@code bytes} with the three items after the first 5 bytes in reverse order */
    private static byte[] reversed(byte[] bytes, int width) {
        byte[] r = bytes.clone();
        for (int i = 0; i < 3; i++) {
            System.arraycopy(bytes, 5 + i * width, r, 5 + (2 - i) * width, width);
        }
        return r;
    }

    private static String simpleName(QType type) {
        String vector = QVectors.empty(type).getClass().getSimpleName();
        return vector.substring(1, vector.length() - "Vector".length());
    }

    private static Object items(Class<? extends QVector> c, int... indexes) throws Exception {
        Class<?> component = factory(c, "of").getParameterTypes()[0].getComponentType();
        Object array = Array.newInstance(component, indexes.length);
        for (int i = 0; i < indexes.length; i++) {
            Array.set(array, i, ITEMS.get(c).apply(indexes[i]));
        }
        return array;
    }

    private static QVector wrap(Class<? extends QVector> c, Object items) throws Exception {
        try {
            return (QVector) c.getMethod("wrap", factory(c, "of").getParameterTypes()[0]).invoke(null, items);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Object array(QVector v) throws Exception {
        return v.getClass().getMethod("array").invoke(v);
    }

    private static Method factory(Class<?> c, String name) {
        for (Method m : c.getMethods()) {
            if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].isArray()) {
                return m;
            }
        }
        throw new AssertionError(c.getSimpleName() + " has no " + name + "(T[])");
    }

    @SuppressWarnings("unchecked")
    private static Set<Class<? extends QVector>> concreteVectorClasses() {
        Set<Class<? extends QVector>> found = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(QVector.class));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            } else if (!Modifier.isAbstract(c.getModifiers())) {
                found.add((Class<? extends QVector>) c);
            }
        }
        return found;
    }
}
