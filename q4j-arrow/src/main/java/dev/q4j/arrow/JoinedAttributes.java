package dev.q4j.arrow;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QValue;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Whether an attribute still holds for a column joined from several record batches (several q tables, or one cut
 * in pieces). Each table's column had it, the join may not: two {@code p#} days of one symbol each are no longer
 * parted if a symbol comes back, and q itself drops attributes when it joins lists. A column whose attribute no
 * longer holds loses it, as in q, rather than carry one that would make kdb+'s searches wrong.
 */
final class JoinedAttributes {
    private JoinedAttributes() {
    }

    /**
     * @param column the joined column
     * @param attribute the attribute its pieces had
     * @return {@code attribute} if it holds for the whole column, else {@link Attribute#NONE}
     */
    static Attribute holding(QSequence column, Attribute attribute) {
        switch (attribute) {
            case SORTED: return sorted(column) ? attribute : Attribute.NONE;
            case UNIQUE: return unique(column) ? attribute : Attribute.NONE;
            case PARTED: return parted(column) ? attribute : Attribute.NONE;
            default: return attribute;   // g#: an index kdb+ builds, true of any list
        }
    }

    private static boolean unique(QSequence column) {
        Set<QValue> seen = new HashSet<>();
        for (int i = 0, n = column.count(); i < n; i++) {
            if (!seen.add(column.at(i))) {
                return false;
            }
        }
        return true;
    }

    /** Each distinct item in one run. */
    private static boolean parted(QSequence column) {
        Set<QValue> done = new HashSet<>();
        QValue run = null;
        for (int i = 0, n = column.count(); i < n; i++) {
            QValue item = column.at(i);
            if (!item.equals(run)) {
                if (!done.add(item)) {
                    return false;
                }
                run = item;
            }
        }
        return true;
    }

    /** Non-decreasing in q's order: nulls first, as q sorts them. */
    private static boolean sorted(QSequence column) {
        int n = column.count();
        for (int i = 1; i < n; i++) {
            if (compare(column, i - 1, i) > 0) {
                return false;
            }
        }
        return true;
    }

    private static int compare(QSequence c, int a, int b) {
        if (c instanceof LongBackedVector v) {
            return Long.compare(v.get(a), v.get(b));
        }
        if (c instanceof IntBackedVector v) {
            return Integer.compare(v.get(a), v.get(b));
        }
        if (c instanceof DoubleBackedVector v) {
            return compareFloats(v.get(a), v.get(b));
        }
        if (c instanceof QRealVector v) {
            return compareFloats(v.get(a), v.get(b));
        }
        if (c instanceof QShortVector v) {
            return Short.compare(v.get(a), v.get(b));
        }
        if (c instanceof QByteVector v) {
            return Integer.compare(v.get(a) & 0xFF, v.get(b) & 0xFF);
        }
        if (c instanceof QCharVector v) {
            return Integer.compare(v.get(a) & 0xFF, v.get(b) & 0xFF);
        }
        if (c instanceof QBooleanVector v) {
            return Boolean.compare(v.get(a), v.get(b));
        }
        if (c instanceof QSymbolVector v) {
            return compareCodePoints(v.get(a), v.get(b));
        }
        if (c instanceof QGuidVector v) {
            UUID x = v.get(a);
            UUID y = v.get(b);
            int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits());
        }
        return 1;   // a general list: no order to check, so s# is not kept
    }

    /** NaN (q's null) first, then by value. */
    private static int compareFloats(double x, double y) {
        boolean xn = Double.isNaN(x);
        boolean yn = Double.isNaN(y);
        if (xn || yn) {
            return Boolean.compare(!xn, !yn);
        }
        return Double.compare(x, y);
    }

    /** Unicode code point order, which is the order of the symbols' UTF-8 bytes. */
    private static int compareCodePoints(String x, String y) {
        int i = 0;
        int j = 0;
        while (i < x.length() && j < y.length()) {
            int a = x.codePointAt(i);
            int b = y.codePointAt(j);
            if (a != b) {
                return Integer.compare(a, b);
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return Integer.compare(x.length() - i, y.length() - j);
    }
}
