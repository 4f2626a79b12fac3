package dev.q4j.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.Attribute;
import dev.q4j.value.QSymbolVector;
import org.junit.jupiter.api.Test;

/** The codec's unchecked way to symbol vectors is QSymbolVector's alone. */
class SymbolVectorsTest {

    @Test
    void onlyQSymbolVectorInstallsTheFactory() {
        assertThatThrownBy(() -> SymbolVectors.install((values, attribute) -> QSymbolVector.wrap(values)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only QSymbolVector");
        String[] symbols = {"", "a", "bc"};
        QSymbolVector v = SymbolVectors.wrapUnchecked(symbols, Attribute.SORTED);
        assertThat(v.array()).containsExactly("", "a", "bc");
        assertThat(v.attribute()).isEqualTo(Attribute.SORTED);
        assertThat(v).isEqualTo(QSymbolVector.wrap(symbols, Attribute.SORTED));
    }

    @Test
    void theUncheckedWaySkipsOnlyTheNulCheckNotTheAttributes() {
        assertThatThrownBy(() -> SymbolVectors.wrapUnchecked(new String[] {"a", "bc", ""}, Attribute.SORTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s-fail");
        assertThatThrownBy(() -> SymbolVectors.wrapUnchecked(new String[] {"a", "a"}, Attribute.UNIQUE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u-fail");
    }
}
