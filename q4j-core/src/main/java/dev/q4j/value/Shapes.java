package dev.q4j.value;

/** Counting and indexing across the value kinds that q treats as lists (lists, vectors, tables). */
final class Shapes {
    private Shapes() {
    }

    /**
     * {@return the container's depth: one more than its deepest child}
     *
     * @param children the values a new container holds
     * @throws IllegalArgumentException when that is more than {@link QValue#MAX_DEPTH}
     */
    static int depthOver(Iterable<? extends QValue> children) {
        int max = 0;
        for (QValue c : children) {
            max = Math.max(max, depthOf(c));
        }
        return checked(max + 1);
    }

    /**
     * {@return one more than the deeper of the two}
     *
     * @param a a child
     * @param b another child
     */
    static int depthOver(QValue a, QValue b) {
        return checked(Math.max(depthOf(a), depthOf(b)) + 1);
    }

    /**
     * {@link QValue#depth} without a call through {@code QValue}: the containers by their own classes, and 0 for
     * everything else. A list or a table holds values of many classes, and on JDK 17 a call whose target changes from
     * item to item costs more than reading a 10-item vector (BENCHMARKS.md, "Small values: dispatch by class").
     * {@code QValue} is sealed, and {@code ShapesTest} checks that these are all the classes that override depth.
     *
     * @param v a value
     * @return its depth
     */
    static int depthOf(QValue v) {
        if (v instanceof QList l) {
            return l.depth();
        }
        if (v instanceof QTable t) {
            return t.depth();
        }
        if (v instanceof QDict d) {
            return d.depth();
        }
        if (v instanceof QKeyedTable k) {
            return k.depth();
        }
        if (v instanceof QProjection p) {
            return p.depth();
        }
        if (v instanceof QComposition c) {
            return c.depth();
        }
        if (v instanceof QDerivedFunction f) {
            return f.depth();
        }
        return 0;
    }

    /**
     * {@link QSequence#count} without a call through the interface for the usual columns (see {@link #depthOf}).
     *
     * @param s a list or vector
     * @return its count
     */
    static int countOf(QSequence s) {
        if (s instanceof LongBackedVector x) {
            return x.count();
        }
        if (s instanceof DoubleBackedVector x) {
            return x.count();
        }
        if (s instanceof IntBackedVector x) {
            return x.count();
        }
        if (s instanceof QSymbolVector x) {
            return x.count();
        }
        if (s instanceof QCharVector x) {
            return x.count();
        }
        if (s instanceof QList x) {
            return x.count();
        }
        return s.count();
    }

    static int checked(int depth) {
        if (depth > QValue.MAX_DEPTH) {
            throw new IllegalArgumentException("value nested " + depth + " levels deep; q4j values nest at most "
                    + QValue.MAX_DEPTH + " levels");
        }
        return depth;
    }

    static int count(QValue v, String what) {
        // the class before the interface (see depthOf)
        if (v instanceof QTable t) {
            return t.count();
        }
        if (v instanceof QSequence s) {
            return countOf(s);
        }
        throw new IllegalArgumentException(what + " must be a list or a table, not a " + v.type().qName()
                + (v instanceof QAtom ? " atom" : ""));
    }

    static QValue item(QValue v, int i) {
        if (v instanceof QTable t) {
            return t.row(i);
        }
        return ((QSequence) v).at(i);
    }
}
