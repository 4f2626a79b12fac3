package dev.q4j.examples;

// readme:begin
import dev.q4j.value.Q;
import dev.q4j.value.QValue;
import java.util.List;
import java.util.Map;
// readme:end

/**
 * The README's {@code Q.of}: q values from plain Java values.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.BuildValuesExample}
 */
public final class BuildValuesExample {
    private BuildValuesExample() {
    }

    /**
     * Runs it, printing each value as q text, as the README's comments show them.
     *
     * @param args none
     */
    public static void main(String[] args) {
        // readme:begin
        QValue n = Q.of(42L);                          // 42
        QValue v = Q.of(List.of(1L, 2L, 3L));          // 1 2 3: same-typed atoms make a vector, as in q
        QValue mixed = Q.of(List.of(1L, "a"));         // (1;`a)
        QValue d = Q.of(Map.of("a", 1L));              // (,`a)!,1
        QValue query = Q.string("select from t");      // "select from t"
        // readme:end
        for (QValue x : List.of(n, v, mixed, d, query)) {
            System.out.println(x);
        }
    }
}
