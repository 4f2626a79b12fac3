package dev.q4j.testkit;

import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Row selection on tables, for the fake tickerplant's sym filter. */
final class Tables {
    private Tables() {
    }

    /** {@return the rows of {@code t} whose index passes {@code keep}, columns of the same types} */
    static QTable select(QTable t, Predicate<Integer> keep) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.count(); i++) {
            if (keep.test(i)) {
                rows.add(i);
            }
        }
        List<QSequence> columns = new ArrayList<>();
        for (QSequence c : t.columns()) {
            List<QValue> cells = new ArrayList<>();
            rows.forEach(i -> cells.add(c.at(i)));
            columns.add(c instanceof QVector v ? QVectors.ofAtoms(v.type(), cells) : QList.of(cells));
        }
        return QTable.of(t.columnNames(), columns);
    }
}
