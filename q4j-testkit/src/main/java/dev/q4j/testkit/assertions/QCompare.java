package dev.q4j.testkit.assertions;

import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QReal;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares q values as the assertions do: exactly by default, floats and reals within a tolerance, tables with their
 * columns in any order; says where the first difference is.
 *
 * @param tolerance the largest difference between two floats (or reals) taken as equal; 0 for exact
 * @param ignoreColumnOrder whether tables with the same columns in another order are equal
 */
record QCompare(double tolerance, boolean ignoreColumnOrder) {
    static final QCompare EXACT = new QCompare(0, false);

    /** {@return null when equal, else where and how they first differ} */
    String difference(QValue expected, QValue actual) {
        return difference(expected, actual, "");
    }

    private String difference(QValue e, QValue a, String path) {
        if (e.equals(a)) {
            return null;
        }
        if (e.type() != a.type() || e.typeNumber() != a.typeNumber()) {
            return at(path) + "a " + e.type().qName() + (e.typeNumber() < 0 ? " atom" : "") + " was expected ("
                    + shorten(e) + "), a " + a.type().qName() + (a.typeNumber() < 0 ? " atom" : "") + " came ("
                    + shorten(a) + ")";
        }
        if (e instanceof QTable et && a instanceof QTable at) {
            return tables(et, at, path);
        }
        if (e instanceof QKeyedTable ek && a instanceof QKeyedTable ak) {
            String keys = difference(ek.keys(), ak.keys(), path + "key ");
            return keys != null ? keys : difference(ek.values(), ak.values(), path + "value ");
        }
        if (e instanceof QDict ed && a instanceof QDict ad) {
            String keys = difference(ed.keys(), ad.keys(), path + "keys, ");
            return keys != null ? keys : difference(ed.values(), ad.values(), path + "values, ");
        }
        if (e instanceof QSequence es && a instanceof QSequence as) {
            if (es.count() != as.count()) {
                return at(path) + es.count() + " items were expected, " + as.count() + " came";
            }
            for (int i = 0; i < es.count(); i++) {
                String d = difference(es.at(i), as.at(i), path + "item " + i + ", ");
                if (d != null) {
                    return d;
                }
            }
            return attributes(es, as, path);
        }
        if (tolerance > 0 && e instanceof QFloat ef && a instanceof QFloat af && close(ef.value(), af.value())
                || tolerance > 0 && e instanceof QReal er && a instanceof QReal ar && close(er.value(), ar.value())) {
            return null;
        }
        return at(path) + shorten(e) + " was expected, " + shorten(a) + " came";
    }

    private String tables(QTable e, QTable a, String path) {
        List<String> en = e.columnNames();
        List<String> an = a.columnNames();
        boolean sameColumns = ignoreColumnOrder ? en.size() == an.size() && an.containsAll(en) : en.equals(an);
        if (!sameColumns) {
            return at(path) + "columns " + names(en) + " were expected" + (ignoreColumnOrder ? " (in any order)" : "")
                    + ", columns " + names(an) + " came";
        }
        if (e.count() != a.count()) {
            return at(path) + e.count() + " rows were expected, " + a.count() + " came";
        }
        for (String c : en) {
            QSequence ec = e.column(c);
            QSequence ac = a.column(c);
            for (int i = 0; i < ec.count(); i++) {
                String d = difference(ec.at(i), ac.at(i), path + "row " + i + ", column " + c + ": ");
                if (d != null) {
                    return d;
                }
            }
            if (ec.type() != ac.type()) {
                return at(path) + "column " + c + " was expected of type " + ec.type().qName() + ", it is "
                        + ac.type().qName();
            }
        }
        return e.attribute() != a.attribute() ? at(path) + "the table's attribute " + e.attribute()
                + " was expected, " + a.attribute() + " came" : null;
    }

    private String attributes(QSequence e, QSequence a, String path) {
        if (e.attribute() != a.attribute()) {
            return at(path) + "attribute " + e.attribute() + " was expected, " + a.attribute() + " came";
        }
        return tolerance > 0 || ignoreColumnOrder ? null : at(path) + shorten(e) + " was expected, " + shorten(a)
                + " came";
    }

    private boolean close(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.isNaN(x) && Double.isNaN(y);
        }
        return x == y || Math.abs(x - y) <= tolerance;
    }

    private static String names(List<String> names) {
        List<String> out = new ArrayList<>();
        names.forEach(n -> out.add("`" + n));
        return String.join("", out);
    }

    private static String at(String path) {
        if (path.isEmpty()) {
            return "";
        }
        String p = path.endsWith(", ") ? path.substring(0, path.length() - 2) : path.strip();
        return p.endsWith(":") ? p + " " : p + ": ";
    }

    static String shorten(QValue v) {
        String text = v.toString();
        return text.length() <= 200 ? text : text.substring(0, 200) + "..(" + text.length() + " chars)";
    }
}
