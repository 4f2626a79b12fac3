package dev.q4j.text;

import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.List;

/** Building vectors from atoms, q's list collapsing, and attribute changes that work on every list shape. */
final class Values {
    private Values() {
    }

    /**
     * q's rule for {@code (a;b;c)}: two or more atoms of one basic type make a vector, dictionaries with the same
     * symbol keys make a table (see {@link #rows(List)}), anything else a general list.
     *
     * @param items the items
     * @return a vector, a table or a general list
     * @throws IllegalArgumentException when the list would nest deeper than {@link QValue#MAX_DEPTH}
     */
    static QValue collapse(List<QValue> items) {
        if (items.size() >= 2 && sameAtomType(items) != null) {
            return QVectors.ofAtoms(sameAtomType(items), items);
        }
        QTable rows = rows(items);
        return rows != null ? rows : QList.of(items);
    }

    /**
     * True when q could turn a general list of these items into something else: atoms of one type (a vector) or
     * dictionaries with symbol keys (a table, when their keys agree). The printer writes such lists as
     * {@code -1_(…;::)}, which q keeps as a general list; it is a superset of what {@link #collapse} and
     * {@link #enlist} turn into a vector or a table.
     *
     * @param items a list's items
     * @return true when {@code (a;b)} or {@code ,a} might not read back as a general list
     */
    static boolean mayCollapse(List<QValue> items) {
        if (items.isEmpty()) {
            return false;
        }
        if (sameAtomType(items) != null) {
            return true;
        }
        for (QValue v : items) {
            if (!(v instanceof QDict d) || !(d.keys() instanceof QSymbolVector)) {
                return false;
            }
        }
        return true;
    }

    /**
     * q's "a list of conforming dictionaries is a table": one or more dictionaries whose keys are the same symbols,
     * none repeated, and whose values are lists, make a table with a row for each; a column whose items are atoms of
     * one type is a vector, else a general list. Returns null for anything else.
     *
     * @param items the items of a list
     * @return the table, or null when the items are not conforming dictionaries
     */
    static QTable rows(List<QValue> items) {
        if (items.isEmpty() || !(items.get(0) instanceof QDict first)
                || !(first.keys() instanceof QSymbolVector names) || names.count() == 0) {
            return null;
        }
        String[] keys = names.array();
        if (new java.util.HashSet<>(java.util.Arrays.asList(keys)).size() != keys.length) {
            return null;
        }
        for (QValue v : items) {
            if (!(v instanceof QDict d) || !(d.keys() instanceof QSymbolVector k)
                    || !java.util.Arrays.equals(k.array(), keys) || !(d.values() instanceof QSequence)) {
                return null;
            }
        }
        QSequence[] columns = new QSequence[keys.length];
        for (int c = 0; c < keys.length; c++) {
            List<QValue> column = new java.util.ArrayList<>(items.size());
            for (QValue v : items) {
                column.add(((QSequence) ((QDict) v).values()).at(c));
            }
            QType t = sameAtomType(column);
            columns[c] = t != null ? QVectors.ofAtoms(t, column) : QList.of(column);
        }
        return QTable.wrap(keys.clone(), columns, Attribute.NONE);
    }

    /** {@return the basic type shared by every item when each is an atom, else null (also for no items)} */
    static QType sameAtomType(List<QValue> items) {
        QType t = null;
        for (QValue v : items) {
            if (!(v instanceof QAtom)) {
                return null;
            }
            if (t == null) {
                t = v.type();
            } else if (t != v.type()) {
                return null;
            }
        }
        return t;
    }

    /**
     * {@return q's {@code enlist x}: a one-item vector for an atom, a one-row table for a dictionary with symbol keys
     * (see {@link #rows(List)}), else a one-item general list}
     *
     * @param v any value
     * @throws IllegalArgumentException when the list would nest deeper than {@link QValue#MAX_DEPTH}
     */
    static QValue enlist(QValue v) {
        if (v instanceof QAtom a) {
            return QVectors.ofAtoms(a.type(), List.of(a));
        }
        QTable rows = rows(List.of(v));
        return rows != null ? rows : QList.of(v);
    }

    /**
     * {@return the same items with the attribute}
     *
     * @param v a vector, a general list or a table
     * @param attribute the attribute to give it
     */
    static QValue withAttribute(QValue v, Attribute attribute) {
        if (v instanceof QVector vec) {
            return vec.withAttribute(attribute);
        }
        if (v instanceof QList l) {
            return l.withAttribute(attribute);
        }
        if (v instanceof QTable t) {
            return QTable.wrap(t.columnNames().toArray(new String[0]), t.columns().toArray(new QSequence[0]),
                    attribute);
        }
        throw new IllegalArgumentException("an attribute applies to a list or a table, not a " + describe(v));
    }

    /** {@return the attribute of a list or table, NONE for anything else} */
    static Attribute attributeOf(QValue v) {
        if (v instanceof QSequence s) {
            return s.attribute();
        }
        if (v instanceof QTable t) {
            return t.attribute();
        }
        return Attribute.NONE;
    }

    /** {@return a short description for error messages: "long atom", "symbol vector", "dict"...} */
    static String describe(QValue v) {
        if (v instanceof QAtom) {
            return v.type().qName() + " atom";
        }
        if (v instanceof QVector) {
            return v.type().qName() + " vector";
        }
        if (v instanceof QList) {
            return "general list";
        }
        if (v instanceof QDict || v instanceof QKeyedTable) {
            return v instanceof QKeyedTable ? "keyed table" : "dictionary";
        }
        return v.type().qName();
    }
}
