package dev.q4j.value;

/** Counting and indexing across the value kinds that q treats as lists (lists, vectors, tables). */
final class Shapes {
    private Shapes() {
    }

    /**
     * @param children the values a new container holds
     * @return the container's depth: one more than its deepest child
     * @throws IllegalArgumentException when that is more than {@link QValue#MAX_DEPTH}
     */
    static int depthOver(Iterable<? extends QValue> children) {
        int max = 0;
        for (QValue c : children) {
            max = Math.max(max, c.depth());
        }
        return checked(max + 1);
    }

    /**
     * @param a a child
     * @param b another child
     * @return one more than the deeper of the two
     */
    static int depthOver(QValue a, QValue b) {
        return checked(Math.max(a.depth(), b.depth()) + 1);
    }

    static int checked(int depth) {
        if (depth > QValue.MAX_DEPTH) {
            throw new IllegalArgumentException("value nested " + depth + " levels deep; q4j values nest at most "
                    + QValue.MAX_DEPTH + " levels");
        }
        return depth;
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
