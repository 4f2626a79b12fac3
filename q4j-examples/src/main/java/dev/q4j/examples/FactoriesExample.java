package dev.q4j.examples;

// readme:begin
import dev.q4j.value.*;
import java.time.LocalDate;
import java.util.List;
// readme:end

/**
 * The README's factory methods: atoms, vectors, lists, dictionaries, tables and keyed tables.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.FactoriesExample}
 */
public final class FactoriesExample {
    private FactoriesExample() {
    }

    /**
     * Runs it, printing each value's {@code toString()}, as the README's comments show them.
     *
     * @param args none
     */
    public static void main(String[] args) {
        // readme:begin
        QLong one = QLong.of(1);                                      // 1
        QLongVector xs = QLongVector.of(1, 2, QLong.NULL.value());    // 1 2 0N
        QSymbolVector syms = QSymbolVector.of("a", "b");              // `a`b
        QDate date = QDate.of(LocalDate.of(2001, 1, 1));              // 2001.01.01 (days() == 366)
        QList mixed = QList.of(one, QSymbol.of("bcd"), QCharVector.of("0bc"));   // (1;`bcd;"0bc")
        QDict dict = QDict.of(syms, QLongVector.of(1, 2));            // `a`b!1 2
        QTable trades = QTable.of(List.of("sym", "px"),
                List.of(syms, QFloatVector.of(1.5, 2.5)));   // +`sym`px!(`a`b;1.5 2.5), i.e. ([] sym:`a`b; px:1.5 2.5)
        QKeyedTable keyed = QKeyedTable.of(
                QTable.of(List.of("k"), List.of(QLongVector.of(1, 2))),
                QTable.of(List.of("v"), List.of(syms)));   // (+(,`k)!,1 2)!+(,`v)!,`a`b, i.e. ([k:1 2] v:`a`b)
        QLongVector sorted = QLongVector.of(1, 2, 3).withAttribute(Attribute.SORTED);   // `s#1 2 3 (3 1 2: 's-fail)
        // readme:end
        for (QValue x : List.of(one, xs, syms, date, mixed, dict, trades, keyed, sorted)) {
            System.out.println(x);
        }
        System.out.println("days: " + date.days());
    }
}
