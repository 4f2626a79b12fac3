package dev.q4j.testkit.assertions;

import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions on any q value; every failure shows the values as q text and where they first differ.
 *
 * <pre>{@code
 * assertThat(q.query("til 3")).isEqualToQ("0 1 2");
 * assertThat(q.query("select from trade")).usingTolerance(1e-9).ignoringColumnOrder().isEqualTo(expected);
 * assertThat(q.query("`a`b!1 2")).containsEntry("a", 1L);
 * assertThat(q.query("`IBM`MSFT")).containsExactly("IBM", "MSFT");
 * }</pre>
 */
@SuppressWarnings("exports")   // AssertJ is an optional dependency: users of this class have it
public final class QValueAssert extends AbstractAssert<QValueAssert, QValue> {
    private QCompare compare = QCompare.EXACT;

    QValueAssert(QValue actual) {
        super(actual, QValueAssert.class);
    }

    /**
     * Compares floats and reals within this tolerance from here on.
     *
     * @param tolerance the largest difference taken as equal
     * @return this assertion
     */
    public QValueAssert usingTolerance(double tolerance) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("a tolerance is 0 or more, not " + tolerance);
        }
        compare = new QCompare(tolerance, compare.ignoreColumnOrder());
        return this;
    }

    /**
     * Takes tables with the same columns in another order as equal from here on.
     *
     * @return this assertion
     */
    public QValueAssert ignoringColumnOrder() {
        compare = new QCompare(compare.tolerance(), true);
        return this;
    }

    /**
     * Checks that the value is the expected one (within the tolerance and column order asked for).
     *
     * @param expected a q value, or a Java value for {@link Q#of(Object)} (a {@code String} is a symbol)
     * @return this assertion
     */
    @Override
    public QValueAssert isEqualTo(Object expected) {
        isNotNull();
        QValue e = expected instanceof QValue v ? v : Q.of(expected);
        String d = compare.difference(e, actual);
        if (d != null) {
            failWithMessage("%nexpected (q): %s%n but was (q): %s%n%s", QCompare.shorten(e), QCompare.shorten(actual),
                    d);
        }
        return this;
    }

    /**
     * Checks that the value is the one this q text reads as ({@link QText#parse(String)}).
     *
     * @param qText a q literal: {@code "1 2 3"}, {@code "`a`b!1 2"}, {@code "([] sym:`a`b; px:1 2f)"}
     * @return this assertion
     */
    public QValueAssert isEqualToQ(String qText) {
        return isEqualTo(QText.parse(qText));
    }

    /**
     * Checks the value's type.
     *
     * @param type the type ({@link QType#LONG} for a long atom and a long vector alike)
     * @return this assertion
     */
    public QValueAssert hasType(QType type) {
        isNotNull();
        if (actual.type() != type) {
            failWithMessage("%nexpected a value of type %s, a %s came: %s", type.qName(), actual.type().qName(),
                    QCompare.shorten(actual));
        }
        return this;
    }

    /**
     * Checks that the value is a q error with this text.
     *
     * @param message the text without the quote ({@code "type"})
     * @return this assertion
     */
    public QValueAssert isQError(String message) {
        isNotNull();
        if (!(actual instanceof QError e) || !e.message().equals(message)) {
            failWithMessage("%nexpected the q error '%s, %s came", message, QCompare.shorten(actual));
        }
        return this;
    }

    /**
     * Checks that the value is a vector or list with exactly these items, in order.
     *
     * @param items q values, or Java values for {@link Q#of(Object)}
     * @return this assertion
     */
    public QValueAssert containsExactly(Object... items) {
        isNotNull();
        if (!(actual instanceof QSequence s)) {
            failWithMessage("%nexpected a vector or a list, a %s came: %s", actual.type().qName(),
                    QCompare.shorten(actual));
            return this;
        }
        List<String> expected = new ArrayList<>();
        String d = s.count() == items.length ? null : items.length + " items were expected, " + s.count() + " came";
        for (int i = 0; i < items.length; i++) {
            QValue e = items[i] instanceof QValue v ? v : Q.of(items[i]);
            expected.add(e.toString());
            if (d == null) {
                String di = compare.difference(e, s.at(i));
                d = di == null ? null : "item " + i + ": " + di;
            }
        }
        if (d != null) {
            failWithMessage("%nexpected the items (q): %s%n but was (q): %s%n%s", String.join("; ", expected),
                    QCompare.shorten(actual), d);
        }
        return this;
    }

    /**
     * Checks that the value is a dictionary (or keyed table) with this key mapped to this value.
     *
     * @param key the key: a q value, or a Java value for {@link Q#of(Object)}
     * @param value the value expected for it
     * @return this assertion
     */
    public QValueAssert containsEntry(Object key, Object value) {
        isNotNull();
        if (!(actual instanceof QDict dict)) {
            failWithMessage("%nexpected a dictionary, a %s came: %s", actual.type().qName(), QCompare.shorten(actual));
            return this;
        }
        QValue k = key instanceof QValue v ? v : Q.of(key);
        QValue e = value instanceof QValue v ? v : Q.of(value);
        QValue got;
        try {
            got = dict.get(k);
        } catch (RuntimeException x) {
            got = null;
        }
        if (got == null) {
            failWithMessage("%nexpected the key %s in (q): %s%nit is not there", k, QCompare.shorten(actual));
            return this;
        }
        String d = compare.difference(e, got);
        if (d != null) {
            failWithMessage("%nexpected %s!%s in (q): %s%n but the key maps to %s%n%s", k, e, QCompare.shorten(actual),
                    got, d);
        }
        return this;
    }

    /** {@return table assertions on the value, after checking it is a table (a keyed table's value columns too)} */
    public QTableAssert isTable() {
        isNotNull();
        if (actual instanceof QKeyedTable k) {
            return new QTableAssert(QTable.of(concat(k.keys().columnNames(), k.values().columnNames()),
                    concat(k.keys().columns(), k.values().columns())), compare);
        }
        if (!(actual instanceof QTable t)) {
            failWithMessage("%nexpected a table, a %s came: %s", actual.type().qName(), QCompare.shorten(actual));
            return null;
        }
        return new QTableAssert(t, compare);
    }

    private static <T> List<T> concat(List<? extends T> a, List<? extends T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
