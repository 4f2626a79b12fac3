package dev.q4j.text;

import static dev.q4j.text.AtomText.integral;
import static dev.q4j.text.AtomText.space;

import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QType;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;

/**
 * Vectors as {@link QText#print(QValue)} writes them: literals where q has them ({@code 1 2 3i}, {@code 101b},
 * {@code `a`b}), {@code "G"$(…)}, {@code `$(…)} and casts ({@code "d"$…}) where it has none, {@code -9!0x…} for a
 * NaN that is not q's null.
 */
final class VectorText {
    private VectorText() {
    }

    /** {@return true when the text is atomic (see {@link QPrinter})} */
    static boolean vector(StringBuilder sb, QVector v) {
        if (oddNaN(v)) {
            return AtomText.fallback(sb, v);
        }
        boolean attributed = AtomText.attribute(sb, v.attribute());
        int n = v.count();
        boolean atomic;
        if (v instanceof QGuidVector g) {
            atomic = guids(sb, g);
        } else if (v instanceof QSymbolVector s && !plainSymbols(s)) {
            atomic = quotedSymbols(sb, s);
        } else if (v instanceof QDatetimeVector z && n > 0 && !datetimesReadable(z)) {
            sb.append("\"z\"$");
            vector(sb, QFloatVector.wrap(z.toArray()));
            atomic = false;
        } else if ((v.type() == QType.MONTH || v.type() == QType.DATE) && !inRange((IntBackedVector) v)) {
            sb.append('"').append(v.type().letter()).append("\"$");
            vector(sb, QIntVector.wrap(((IntBackedVector) v).toArray()));
            atomic = false;
        } else if (n == 0) {
            if (v.type() == QType.CHAR) {
                sb.append("\"\"");
                atomic = true;
            } else {
                sb.append('`').append(v.type().qName()).append("$()");
                atomic = false;
            }
        } else {
            if (n == 1) {
                sb.append(',');
            }
            literal(sb, v);
            atomic = n > 1;
        }
        return atomic && !attributed;
    }

    /** True for float, real and datetime vectors holding a NaN that is neither q's null nor its sign-bit twin. */
    static boolean oddNaN(QVector v) {
        if (v instanceof DoubleBackedVector d) {
            for (int i = 0, n = d.count(); i < n; i++) {
                double x = d.get(i);
                if (Double.isNaN(x) && !AtomText.standardNaN(x)) {
                    return true;
                }
            }
        } else if (v instanceof QRealVector r) {
            for (float x : r.array()) {
                if (Float.isNaN(x) && !AtomText.standardNaN(x)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean guids(StringBuilder sb, QGuidVector g) {
        int n = g.count();
        if (n == 0) {
            sb.append("`guid$()");
        } else if (n == 1) {
            sb.append(",\"G\"$\"").append(g.get(0)).append('"');
        } else {
            sb.append("\"G\"$(");
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(';');
                }
                sb.append('"').append(g.get(i)).append('"');
            }
            sb.append(')');
        }
        return false;
    }

    private static boolean plainSymbols(QSymbolVector s) {
        for (String x : s.array()) {
            if (!x.isEmpty() && !AtomText.PLAIN_SYMBOL.matcher(x).matches()) {
                return false;
            }
        }
        return true;
    }

    /** {@code `$("a b";,"c";"")}: one string per symbol, one-char strings enlisted so that q keeps them strings. */
    private static boolean quotedSymbols(StringBuilder sb, QSymbolVector s) {
        if (s.count() == 1) {
            sb.append(",`$");
            Strings.appendQuoted(sb, s.get(0));
            return false;
        }
        sb.append("`$(");
        for (int i = 0; i < s.count(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            if (QUtf8.encodedLength(s.get(i)) == 1) {
                sb.append(',');
            }
            Strings.appendQuoted(sb, s.get(i));
        }
        sb.append(')');
        return false;
    }

    private static boolean datetimesReadable(QDatetimeVector z) {
        for (int i = 0, n = z.count(); i < n; i++) {
            double d = z.get(i);
            if (!Double.isNaN(d) && !Double.isInfinite(d) && Temporals.datetime(d) == null) {
                return false;
            }
        }
        return true;
    }

    private static boolean inRange(IntBackedVector v) {
        boolean month = v.type() == QType.MONTH;
        for (int i = 0, n = v.count(); i < n; i++) {
            int x = v.get(i);
            if (x == Integer.MIN_VALUE || x == Integer.MAX_VALUE || x == -Integer.MAX_VALUE) {
                continue;
            }
            if ((month ? Temporals.month(x) : Temporals.date(x)) == null) {
                return false;
            }
        }
        return true;
    }

    /** The literal of a non-empty vector whose items all have a literal form. */
    private static void literal(StringBuilder sb, QVector v) {
        int n = v.count();
        switch (v.type()) {
            case BOOLEAN: {
                for (boolean b : ((QBooleanVector) v).array()) {
                    sb.append(b ? '1' : '0');
                }
                sb.append('b');
                return;
            }
            case BYTE: {
                sb.append("0x");
                for (byte b : ((QByteVector) v).array()) {
                    AtomText.hex(sb, b);
                }
                return;
            }
            case SHORT: {
                short[] a = ((QShortVector) v).array();
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    integral(sb, a[i], Short.MIN_VALUE, Short.MAX_VALUE);
                }
                sb.append('h');
                return;
            }
            case INT: case LONG: {
                boolean isInt = v.type() == QType.INT;
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    if (isInt) {
                        integral(sb, ((QIntVector) v).get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
                    } else {
                        integral(sb, ((LongBackedVector) v).get(i), Long.MIN_VALUE, Long.MAX_VALUE);
                    }
                }
                if (isInt) {
                    sb.append('i');
                }
                return;
            }
            case REAL: {
                float[] a = ((QRealVector) v).array();
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    AtomText.realItem(sb, a[i]);
                }
                sb.append('e');
                return;
            }
            case FLOAT: {
                int start = sb.length();
                QFloatVector a = (QFloatVector) v;
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    AtomText.floatItem(sb, a.get(i));
                }
                AtomText.suffixFloat(sb, start);
                return;
            }
            case CHAR: {
                byte[] a = ((QCharVector) v).array();
                Strings.appendQuoted(sb, a, 0, a.length);
                return;
            }
            case SYMBOL: {
                for (String s : ((QSymbolVector) v).array()) {
                    sb.append('`').append(s);
                }
                return;
            }
            case MONTH: {
                IntBackedVector a = (IntBackedVector) v;
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    int x = a.get(i);
                    if (x == Integer.MIN_VALUE || x == Integer.MAX_VALUE || x == -Integer.MAX_VALUE) {
                        integral(sb, x, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    } else {
                        sb.append(Temporals.month(x));
                    }
                }
                sb.append('m');
                return;
            }
            default:
                for (int i = 0; i < n; i++) {
                    space(sb, i);
                    AtomText.atom(sb, v.at(i));
                }
        }
    }
}
