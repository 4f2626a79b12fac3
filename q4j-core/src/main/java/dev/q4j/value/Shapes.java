package dev.q4j.value;

/** Counting and indexing across the value kinds that q treats as lists (lists, vectors, tables). */
final class Shapes {
    private Shapes() {
    }

    static int count(QValue v, String what) {
        if (v instanceof QSequence s) {
            return s.count();
        }
        if (v instanceof QTable t) {
            return t.count();
        }
        throw new IllegalArgumentException(what + " must be a list or a table, not a " + v.type().qName()
                + (v instanceof QAtom ? " atom" : ""));
    }

    static QValue item(QValue v, int i) {
        if (v instanceof QSequence s) {
            return s.at(i);
        }
        return ((QTable) v).row(i);
    }
}
