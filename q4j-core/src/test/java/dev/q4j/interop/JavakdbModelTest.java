package dev.q4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison the javakdb oracles rest on tells q types apart, empty or not. */
class JavakdbModelTest {

    @Test
    void emptyTypedVectorDiffersFromEmptyGeneralList() {
        QValue[] empties = {QList.of(), QSymbolVector.of(), QTimestampVector.wrap(new long[0]),
            QDateVector.wrap(new int[0]), QLongVector.of()};
        for (int i = 0; i < empties.length; i++) {
            for (int j = 0; j < empties.length; j++) {
                Object a = JavakdbModel.view(empties[i]);
                Object b = JavakdbModel.view(empties[j]);
                assertThat(JavakdbModel.same(a, b)).as("%s vs %s", JavakdbModel.describe(a), JavakdbModel.describe(b))
                        .isEqualTo(i == j);
            }
        }
    }

    @Test
    void emptyArraysOfDifferentClassesDiffer() {
        assertThat(JavakdbModel.same(new String[0], new Object[0])).isFalse();
        assertThat(JavakdbModel.same(new Object[0], new String[0])).isFalse();
        assertThat(JavakdbModel.same(new Object[0], new Object[0])).isTrue();
        assertThat(JavakdbModel.same(new long[0], new Object[0])).isFalse();
    }

    @Test
    void tableWithEmptyGeneralColumnsDiffersFromOneWithEmptySymbolColumns() {
        Object general = JavakdbModel.view(QTable.of(List.of("name"), List.of(QList.of())));
        Object symbols = JavakdbModel.view(QTable.of(List.of("name"), List.of(QSymbolVector.of())));
        assertThat(general).isInstanceOf(c.Flip.class);
        assertThat(JavakdbModel.same(general, symbols)).isFalse();
        assertThat(JavakdbModel.same(general, JavakdbModel.view(QTable.of(List.of("name"), List.of(QList.of())))))
                .isTrue();
    }
}
