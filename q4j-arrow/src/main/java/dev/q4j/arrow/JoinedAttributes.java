package dev.q4j.arrow;

import dev.q4j.value.Attribute;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The attribute of a column joined from several record batches (several q tables, or one cut in pieces), kept only
 * where it still holds. Each table's column had it, the join may not: two {@code p#} days of one symbol each are no
 * longer parted if a symbol comes back, and q itself drops attributes when it joins lists. A column whose attribute
 * no longer holds loses it, as in q, rather than carry one that would make kdb+'s searches wrong.
 */
final class JoinedAttributes {
    private JoinedAttributes() {
    }

    /**
     * {@return the column with {@code attribute} if it holds for the whole column, else without}
     *
     * @param column the joined column, without attribute
     * @param attribute the attribute its pieces had
     */
    static QSequence withHolding(QSequence column, Attribute attribute) {
        if (column instanceof QList list) {
            // the value model does not check general lists: no order to check, so s# is not kept
            boolean holds = attribute == Attribute.GROUPED || attribute == Attribute.UNIQUE && unique(list)
                    || attribute == Attribute.PARTED && parted(list);
            return holds ? list.withAttribute(attribute) : list;
        }
        QVector vector = (QVector) column;
        if (attribute == Attribute.PARTED && !parted(vector)
                || attribute == Attribute.SORTED && vector instanceof QGuidVector guids && !sorted(guids)) {
            return vector;
        }
        try {
            // s# and u#: the value model's own check ('s-fail, 'u-fail) is the one rule
            return vector.withAttribute(attribute);
        } catch (IllegalArgumentException e) {
            return vector;
        }
    }

    /** GUIDs, which the value model does not order, as their big-endian bytes compare unsigned. */
    private static boolean sorted(QGuidVector guids) {
        for (int i = 1, n = guids.count(); i < n; i++) {
            UUID x = guids.get(i - 1);
            UUID y = guids.get(i);
            int high = Long.compareUnsigned(x.getMostSignificantBits(), y.getMostSignificantBits());
            if (high > 0 || high == 0
                    && Long.compareUnsigned(x.getLeastSignificantBits(), y.getLeastSignificantBits()) > 0) {
                return false;
            }
        }
        return true;
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
}
