package dev.q4j.arrow;

import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;

/** What a q column is, as far as Arrow is concerned: it decides the Arrow type. */
sealed interface Kind {
    /** A vector of one basic type. */
    record Vector(QType type) implements Kind {
        @Override
        public String toString() {
            return type.qName();
        }
    }

    /** A general list of char vectors: q's strings. */
    record Strings() implements Kind {
        @Override
        public String toString() {
            return "string";
        }
    }

    /** A general list whose items are all of one kind. */
    record Nested(Kind item) implements Kind {
        @Override
        public String toString() {
            return "list of " + item;
        }
    }

    /** A mixed general list written as q text. */
    record Text() implements Kind {
        @Override
        public String toString() {
            return "mixed list (q text)";
        }
    }

    /** An empty general list, whose items have no type. */
    record Empty() implements Kind {
        @Override
        public String toString() {
            return "empty list";
        }
    }

    /**
     * {@return its kind, or {@code null} when it is a mixed list (items of different kinds, or atoms)}
     *
     * @param column a column or an item of one
     */
    static Kind of(QSequence column) {
        if (column instanceof QVector v) {
            return new Vector(v.type());
        }
        QList list = (QList) column;
        int n = list.count();
        if (n == 0) {
            return new Empty();
        }
        boolean strings = true;
        for (int i = 0; i < n && strings; i++) {
            QValue item = list.at(i);
            strings = item instanceof QCharVector || isEmptyList(item);
        }
        if (strings) {
            return new Strings();
        }
        Kind item = null;
        for (int i = 0; i < n; i++) {
            if (!(list.at(i) instanceof QSequence s)) {
                return null;
            }
            Kind k = of(s);
            if (k == null) {
                return null;
            }
            if (k instanceof Empty) {
                continue;   // () fits any kind of list
            }
            if (item == null) {
                item = k;
            } else if (!item.equals(k)) {
                return null;
            }
        }
        return item == null ? null : new Nested(item);
    }

    private static boolean isEmptyList(QValue v) {
        return v instanceof QList l && l.count() == 0;
    }
}
