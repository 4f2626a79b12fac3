package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Shapes#depthOf} and {@link Shapes#countOf} answer by class instead of calling through the interfaces: they
 * must know every class whose answer is not the default.
 */
class ShapesTest {

    @Test
    void depthOfKnowsEveryClassThatOverridesDepth() throws Exception {
        Set<Class<?>> overriding = new LinkedHashSet<>();
        for (Class<?> c : implementations(QValue.class)) {
            if (c.getMethod("depth").getDeclaringClass() != QValue.class) {
                overriding.add(c);
            }
        }
        assertThat(overriding).containsExactlyInAnyOrder(QList.class, QTable.class, QDict.class, QKeyedTable.class,
                QProjection.class, QComposition.class, QDerivedFunction.class);
    }

    @Test
    void depthOfAgreesWithDepth() {
        QValue list = QList.of(QLong.of(1), QList.of(QSymbol.of("a")));
        QTable table = QTable.of(List.of("a", "b"), List.of(QLongVector.of(1, 2), QList.of(list, list)));
        List<QValue> values = List.of(QLong.of(1), QLongVector.of(1), QSymbolVector.of("a"), list, table,
                new QDict(QSymbolVector.of("k"), QList.of(list), false),
                new QKeyedTable(table, table, false),
                new QProjection(List.of(QBinaryPrimitive.of(1), list)),
                new QComposition(List.of(QUnaryPrimitive.of(2), QUnaryPrimitive.of(2))),
                new QDerivedFunction(QType.EACH, list),
                new QError("type"));
        for (QValue v : values) {
            assertThat(Shapes.depthOf(v)).as("%s", v).isEqualTo(v.depth());
        }
        assertThat(table.depth()).as("a table of a list of lists of lists").isEqualTo(4);
    }

    @Test
    void countOfAgreesWithCount() {
        byte[] bytes = new byte[24];
        List<QSequence> sequences = List.of(QLongVector.of(1, 2), QTimestampVector.wrap(new long[3]),
                QVectors.inPlace(QType.LONG, bytes, 0, 3, java.nio.ByteOrder.LITTLE_ENDIAN, Attribute.NONE),
                QVectors.inPlace(QType.DATE, bytes, 4, 5, java.nio.ByteOrder.BIG_ENDIAN, Attribute.NONE),
                QFloatVector.of(1.5), QIntVector.of(1, 2, 3, 4), QSymbolVector.of("a", "b"), QCharVector.of("abc"),
                QList.of(QLong.of(1)), QBooleanVector.of(true, false), QGuidVector.of(), QRealVector.of(1f, 2f));
        for (QSequence s : sequences) {
            assertThat(Shapes.countOf(s)).as("%s", s).isEqualTo(s.count());
        }
    }

    /** @return the concrete classes that implement {@code root}, through its sealed hierarchy */
    private static Set<Class<?>> implementations(Class<?> root) {
        Set<Class<?>> out = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (c.isSealed()) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            }
            if (!c.isInterface() && !java.lang.reflect.Modifier.isAbstract(c.getModifiers())) {
                out.add(c);
            }
        }
        assertThat(out).as("the sealed hierarchy has concrete classes").hasSizeGreaterThan(30);
        return out;
    }
}
