package dev.q4j.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualNullSafe;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;

/**
 * Spark's filters as the source uses them: those on the partition column alone decide which partitions are read
 * (exactly: Spark need not apply them again), equality and {@code IN} on a symbol column choose rows by their
 * enumeration's indices (exactly too); every other filter is Spark's to apply.
 */
final class Filters {
    private Filters() {
    }

    /**
     * {@return whether a partition whose value is {@code value} passes the filter}: TRUE or FALSE when the filter
     * names the partition column only, null (unknown) when it names another column or is of a kind not evaluated
     *
     * @param value the partition's value as Spark holds it: days since 1970 (date, month), or the int
     */
    static Boolean partition(Filter f, String column, long value) {
        if (f instanceof And a) {
            Boolean l = partition(a.left(), column, value);
            Boolean r = partition(a.right(), column, value);
            if (Boolean.FALSE.equals(l) || Boolean.FALSE.equals(r)) {
                return Boolean.FALSE;
            }
            return l == null || r == null ? null : Boolean.TRUE;
        }
        if (f instanceof Or o) {
            Boolean l = partition(o.left(), column, value);
            Boolean r = partition(o.right(), column, value);
            if (Boolean.TRUE.equals(l) || Boolean.TRUE.equals(r)) {
                return Boolean.TRUE;
            }
            return l == null || r == null ? null : Boolean.FALSE;
        }
        if (f instanceof Not n) {
            Boolean x = partition(n.child(), column, value);
            return x == null ? null : !x;
        }
        String[] refs = f.references();
        if (refs.length != 1 || !refs[0].equals(column)) {
            return null;
        }
        if (f instanceof IsNull) {
            return false;
        }
        if (f instanceof IsNotNull) {
            return true;
        }
        if (f instanceof In in) {
            for (Object x : in.values()) {
                Long v = number(x);
                if (v != null && v == value) {
                    return true;
                }
            }
            return onlyKnown(in.values()) ? false : null;
        }
        Object literal = f instanceof EqualTo e ? e.value() : f instanceof EqualNullSafe e ? e.value()
                : f instanceof GreaterThan g ? g.value() : f instanceof GreaterThanOrEqual g ? g.value()
                : f instanceof LessThan l ? l.value() : f instanceof LessThanOrEqual l ? l.value() : null;
        Long v = number(literal);
        if (v == null) {
            return null;
        }
        int c = Long.compare(value, v);
        if (f instanceof EqualTo || f instanceof EqualNullSafe) {
            return c == 0;
        }
        if (f instanceof GreaterThan) {
            return c > 0;
        }
        if (f instanceof GreaterThanOrEqual) {
            return c >= 0;
        }
        if (f instanceof LessThan) {
            return c < 0;
        }
        return c <= 0;
    }

    /**
     * {@return whether a filter names the partition column alone and is of the kinds evaluated}: then
     * {@link #partition} decides it exactly for every partition, and Spark need not apply it again
     */
    static boolean exactOnPartition(Filter f, String column) {
        if (f instanceof And a) {
            return exactOnPartition(a.left(), column) && exactOnPartition(a.right(), column);
        }
        if (f instanceof Or o) {
            return exactOnPartition(o.left(), column) && exactOnPartition(o.right(), column);
        }
        if (f instanceof Not n) {
            return exactOnPartition(n.child(), column);
        }
        String[] refs = f.references();
        if (refs.length != 1 || !refs[0].equals(column)) {
            return false;
        }
        if (f instanceof IsNull || f instanceof IsNotNull) {
            return true;
        }
        if (f instanceof In in) {
            return onlyKnown(in.values());
        }
        Object literal = f instanceof EqualTo e ? e.value() : f instanceof EqualNullSafe e ? e.value()
                : f instanceof GreaterThan g ? g.value() : f instanceof GreaterThanOrEqual g ? g.value()
                : f instanceof LessThan l ? l.value() : f instanceof LessThanOrEqual l ? l.value() : null;
        return number(literal) != null;
    }

    private static boolean onlyKnown(Object[] values) {
        for (Object x : values) {
            if (x != null && number(x) == null) {
                return false;
            }
        }
        return true;
    }

    /** a date (java.time or java.sql) as days since 1970, an integer as itself; else null */
    private static Long number(Object x) {
        if (x instanceof LocalDate d) {
            return d.toEpochDay();
        }
        if (x instanceof java.sql.Date d) {
            return d.toLocalDate().toEpochDay();
        }
        if (x instanceof Integer || x instanceof Long || x instanceof Short || x instanceof Byte) {
            return ((Number) x).longValue();
        }
        return null;
    }

    /**
     * {@return the symbols a filter keeps for {@code column}}: {@code column = "x"} or {@code column IN (...)}
     * with string literals; null when the filter is not one of those
     */
    static Set<String> symbols(Filter f, Set<String> enumerated) {
        String column;
        List<Object> values = new ArrayList<>();
        if (f instanceof EqualTo e) {
            column = e.attribute();
            values.add(e.value());
        } else if (f instanceof In in) {
            column = in.attribute();
            values.addAll(java.util.Arrays.asList(in.values()));
        } else {
            return null;
        }
        if (!enumerated.contains(column)) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (Object x : values) {
            if (x instanceof String s) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            } else if (x != null) {
                return null;
            }
        }
        return out;
    }
}
