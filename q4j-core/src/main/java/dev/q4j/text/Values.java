package dev.q4j.text;

import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
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
     * q's rule for {@code (a;b;c)}: two or more atoms of one basic type make a vector, anything else a general list.
     *
     * @param items the items
     * @return a vector or a general list
     */
    static QSequence collapse(List<QValue> items) {
        if (items.size() >= 2 && sameAtomType(items) != null) {
            return QVectors.ofAtoms(sameAtomType(items), items);
        }
        return QList.of(items);
    }

    /** @return the basic type shared by every item when each is an atom, else null (also for no items) */
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

    /** @return q's {@code enlist x}: a one-item vector for an atom, else a one-item general list */
    static QSequence enlist(QValue v) {
        if (v instanceof QAtom a) {
            return QVectors.ofAtoms(a.type(), List.of(a));
        }
        return QList.of(v);
    }

    /**
     * @param v a vector, a general list or a table
     * @param attribute the attribute to give it
     * @return the same items with the attribute
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

    /** @return the attribute of a list or table, NONE for anything else */
    static Attribute attributeOf(QValue v) {
        if (v instanceof QSequence s) {
            return s.attribute();
        }
        if (v instanceof QTable t) {
            return t.attribute();
        }
        return Attribute.NONE;
    }

    /** @return a short description for error messages: "long atom", "symbol vector", "dict"... */
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
