package dev.q4j.internal;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QVector;
import java.util.HashSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Not API: whether a vector is what its {@code s#} or {@code u#} attribute claims, as kdb+ checks when the attribute
 * is applied ({@code 's-fail}, {@code 'u-fail}). A false attribute would make kdb+ and q4j's users search the vector
 * wrongly (binary search on {@code s#}, a hash on {@code u#}), so the value model refuses one and the decoder refuses
 * one from the wire (kdb+ never sends one). The package is not exported.
 *
 * <p>Sorted means in q's order: numbers and temporal values as signed numbers (so the null, the type's least
 * value, first), floats with the null (NaN) first and {@code -0.0} equal to {@code 0.0}, bytes and chars as
 * unsigned bytes, booleans false first, symbols by their bytes (UTF-8, compared as unsigned bytes, which is the
 * order of their code points). GUIDs and general lists are not checked (their order in kdb+ is not documented).
 * Unique means no two items are equal (floats: by value, all NaNs equal). Both checks take one pass: the sort by
 * comparing neighbours, the uniqueness with a hash set keyed at random (long items) or a {@link HashSet} (symbols,
 * GUIDs: its bins of colliding hashes are trees), so a crafted vector cannot make them quadratic.
 */
public final class Attributes {
    private Attributes() {
    }

    /**
     * {@return {@code null} when {@code v} may carry it, else what is wrong, with kdb+'s error ({@code 's-fail}, {@code
     * 'u-fail}) at the end}
     *
     * @param v a vector
     * @param attribute the attribute it is to carry
     */
    public static String violation(QVector v, Attribute attribute) {
        if (attribute == Attribute.SORTED) {
            int i = unsortedAt(v);
            return i < 0 ? null : "`s# on a " + v.type().qName() + " vector that is not sorted: item " + i + " ("
                    + v.at(i) + ") is below item " + (i - 1) + " (" + v.at(i - 1) + ") ('s-fail)";
        }
        if (attribute == Attribute.UNIQUE) {
            int i = repeatAt(v);
            return i < 0 ? null : "`u# on a " + v.type().qName() + " vector whose items repeat: item " + i + " ("
                    + v.at(i) + ") is already among the items before it ('u-fail)";
        }
        return null;
    }

    /** {@return the first index whose item is below the one before it, or -1} */
    private static int unsortedAt(QVector v) {
        int n = v.count();
        if (v instanceof LongBackedVector x) {
            for (int i = 1; i < n; i++) {
                if (x.get(i) < x.get(i - 1)) {
                    return i;
                }
            }
        } else if (v instanceof IntBackedVector x) {
            for (int i = 1; i < n; i++) {
                if (x.get(i) < x.get(i - 1)) {
                    return i;
                }
            }
        } else if (v instanceof DoubleBackedVector x) {
            for (int i = 1; i < n; i++) {
                if (floatBelow(x.get(i), x.get(i - 1))) {
                    return i;
                }
            }
        } else if (v instanceof QRealVector x) {
            for (int i = 1; i < n; i++) {
                if (floatBelow(x.get(i), x.get(i - 1))) {
                    return i;
                }
            }
        } else if (v instanceof QShortVector x) {
            for (int i = 1; i < n; i++) {
                if (x.get(i) < x.get(i - 1)) {
                    return i;
                }
            }
        } else if (v instanceof QByteVector x) {
            for (int i = 1; i < n; i++) {
                if ((x.get(i) & 0xFF) < (x.get(i - 1) & 0xFF)) {
                    return i;
                }
            }
        } else if (v instanceof QCharVector x) {
            for (int i = 1; i < n; i++) {
                if ((x.get(i) & 0xFF) < (x.get(i - 1) & 0xFF)) {
                    return i;
                }
            }
        } else if (v instanceof QBooleanVector x) {
            for (int i = 1; i < n; i++) {
                if (!x.get(i) && x.get(i - 1)) {
                    return i;
                }
            }
        } else if (v instanceof QSymbolVector x) {
            String[] s = x.array();
            for (int i = 1; i < n; i++) {
                if (s[i] != s[i - 1] && compareCodePoints(s[i], s[i - 1]) < 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** q's order of floats: the null (NaN) first, then by value, {@code -0.0} equal to {@code 0.0} */
    private static boolean floatBelow(double a, double b) {
        return a < b || Double.isNaN(a) && !Double.isNaN(b);
    }

    /** the order of the strings' code points: the order of their UTF-8 bytes compared unsigned */
    private static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                // a surrogate (a code point above U+FFFF) sorts above every other char, as its code point does
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                return sx == sy ? Character.compare(x, y) : sx ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** {@return the first index whose item equals an earlier one, or -1} */
    private static int repeatAt(QVector v) {
        int n = v.count();
        if (v instanceof QSymbolVector x) {
            HashSet<String> seen = new HashSet<>();
            String[] s = x.array();
            for (int i = 0; i < n; i++) {
                if (!seen.add(s[i])) {
                    return i;
                }
            }
            return -1;
        }
        if (v instanceof QGuidVector x) {
            HashSet<UUID> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (!seen.add(x.get(i))) {
                    return i;
                }
            }
            return -1;
        }
        if (!(v instanceof LongBackedVector || v instanceof IntBackedVector || v instanceof DoubleBackedVector
                || v instanceof QRealVector || v instanceof QShortVector || v instanceof QByteVector
                || v instanceof QCharVector || v instanceof QBooleanVector)) {
            return -1;   // a general list: not checked
        }
        LongSet seen = new LongSet(n);
        for (int i = 0; i < n; i++) {
            if (!seen.add(key(v, i))) {
                return i;
            }
        }
        return -1;
    }

    /** an item as a long that is equal for equal items (floats: -0.0 as 0.0, every NaN alike) */
    private static long key(QVector v, int i) {
        if (v instanceof LongBackedVector x) {
            return x.get(i);
        }
        if (v instanceof IntBackedVector x) {
            return x.get(i);
        }
        if (v instanceof DoubleBackedVector x) {
            double d = x.get(i);
            return d == 0 ? 0 : Double.doubleToLongBits(d);
        }
        if (v instanceof QRealVector x) {
            float f = x.get(i);
            return f == 0 ? 0 : Float.floatToIntBits(f);
        }
        if (v instanceof QShortVector x) {
            return x.get(i);
        }
        if (v instanceof QByteVector x) {
            return x.get(i);
        }
        if (v instanceof QCharVector x) {
            return x.get(i);
        }
        return ((QBooleanVector) v).get(i) ? 1 : 0;
    }

    /**
     * A set of longs, open addressing, at most half full, hashed by the top bits of the key times a random odd
     * number (a universal hash: no set of items collides more than random ones would).
     */
    private static final class LongSet {
        private final long multiplier = ThreadLocalRandom.current().nextLong() | 1;
        private long[] keys;
        private boolean[] used;
        private int shift;
        private int count;

        LongSet(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, Math.min(expected, 1 << 29)) * 2 - 1) << 1;
            keys = new long[capacity];
            used = new boolean[capacity];
            shift = 64 - Integer.numberOfTrailingZeros(capacity);
        }

        boolean add(long key) {
            int mask = keys.length - 1;
            for (int i = (int) ((key * multiplier) >>> shift); ; i = (i + 1) & mask) {
                if (!used[i]) {
                    used[i] = true;
                    keys[i] = key;
                    if (++count * 2 > keys.length) {
                        grow();
                    }
                    return true;
                }
                if (keys[i] == key) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] oldKeys = keys;
            boolean[] oldUsed = used;
            keys = new long[oldKeys.length * 2];
            used = new boolean[keys.length];
            shift--;
            count = 0;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldUsed[j]) {
                    add(oldKeys[j]);
                }
            }
        }
    }
}
