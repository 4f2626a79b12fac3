package dev.q4j.text;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QFunction;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QIterator;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Prints values as q text (see {@link QText} for the notation). Every print method appends to one builder and returns
 * whether the text it wrote is <em>atomic</em>: a single noun or function that needs no parentheses on the left of a
 * verb, in front of {@code [args]} or in front of an iterator. Compound text ({@code ,1}, {@code `s#1 2},
 * {@code `a`b!1 2}, {@code "G"$"…"}) returns false.
 */
final class QPrinter {
    /** float NaN bit patterns q uses for {@code 0n}; the sign-bit one prints {@code -0n} */
    static final long FLOAT_NULL = 0x7ff8000000000000L;
    static final long FLOAT_NULL_NEGATIVE = 0xfff8000000000000L;
    static final int REAL_NULL = 0x7fc00000;
    static final int REAL_NULL_NEGATIVE = 0xffc00000;

    private static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9._]*|:[A-Za-z0-9._:/]*");
    private static final Pattern ERROR_WORD = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder sb = new StringBuilder();

    private QPrinter() {
    }

    static String print(QValue v) {
        QPrinter p = new QPrinter();
        p.value(v);
        return p.sb.toString();
    }

    // ------------------------------------------------------------------ dispatch

    private boolean value(QValue v) {
        if (v instanceof QAtom a) {
            return atom(a);
        }
        if (v instanceof QVector vec) {
            return vector(vec);
        }
        if (v instanceof QList l) {
            return list(l);
        }
        if (v instanceof QDict d) {
            return dict(d);
        }
        if (v instanceof QTable t) {
            return table(t);
        }
        if (v instanceof QKeyedTable k) {
            return keyedTable(k);
        }
        if (v instanceof QFunction f) {
            return function(f);
        }
        return error((QError) v);
    }

    /** The encoded IPC message as {@code -9!0x…}: readable q that rebuilds any value exactly. */
    private boolean fallback(QValue v) {
        byte[] bytes = new Encoder().encode(MessageType.ASYNC, v);
        sb.append("-9!0x");
        for (byte b : bytes) {
            sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
        }
        return false;
    }

    /** Prints {@code v} as the operand of a monadic verb or attribute: functions and errors go in parentheses. */
    private void operand(QValue v) {
        if (v instanceof QError || (v instanceof QFunction && !(v instanceof QLambda) && !needsFallback(v))) {
            sb.append('(');
            value(v);
            sb.append(')');
        } else {
            value(v);
        }
    }

    /** Prints {@code v} on the left of a verb: anything compound goes in parentheses. */
    private void left(QValue v) {
        int start = sb.length();
        if (!value(v)) {
            sb.insert(start, '(').append(')');
        }
    }

    private boolean attribute(Attribute a) {
        if (a == Attribute.NONE) {
            return false;
        }
        sb.append('`').append(a.letter()).append('#');
        return true;
    }

    // ------------------------------------------------------------------ atoms

    private boolean atom(QAtom a) {
        switch (a.type()) {
            case BOOLEAN:
                sb.append(((QBoolean) a).value() ? "1b" : "0b");
                return true;
            case GUID: {
                UUID u = ((QGuid) a).value();
                if (a.isNull()) {
                    sb.append("0Ng");
                    return true;
                }
                sb.append("\"G\"$\"").append(u).append('"');
                return false;
            }
            case BYTE: {
                byte b = ((QByte) a).value();
                sb.append("0x").append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
                return true;
            }
            case SHORT:
                integral(((QShort) a).value(), Short.MIN_VALUE, Short.MAX_VALUE);
                sb.append('h');
                return true;
            case INT:
                integral(((QInt) a).value(), Integer.MIN_VALUE, Integer.MAX_VALUE);
                sb.append('i');
                return true;
            case LONG:
                integral(((QLong) a).value(), Long.MIN_VALUE, Long.MAX_VALUE);
                return true;
            case REAL: {
                float f = ((QReal) a).value();
                if (Float.isNaN(f) && !standardNaN(f)) {
                    return fallback(a);
                }
                if (Float.isInfinite(f)) {
                    sb.append(f > 0 ? "0we" : "-0we");
                } else {
                    realItem(f);
                    sb.append('e');
                }
                return true;
            }
            case FLOAT:
                return floatAtom(a, ((QFloat) a).value());
            case CHAR: {
                byte[] one = {((QChar) a).value()};
                Strings.appendQuoted(sb, one, 0, 1);
                return true;
            }
            case SYMBOL: {
                String s = ((QSymbol) a).value();
                if (s.isEmpty() || PLAIN_SYMBOL.matcher(s).matches()) {
                    sb.append('`').append(s);
                    return true;
                }
                sb.append("`$");
                Strings.appendQuoted(sb, s);
                return false;
            }
            case TIMESTAMP: {
                long n = ((QTimestamp) a).nanos();
                if (!specialLong(n, 'p')) {
                    sb.append(Temporals.timestamp(n));
                }
                return true;
            }
            case MONTH: {
                int m = ((QMonth) a).months();
                if (specialInt(m, 'm')) {
                    return true;
                }
                String text = Temporals.month(m);
                if (text == null) {
                    sb.append("\"m\"$").append(m).append('i');
                    return false;
                }
                sb.append(text).append('m');
                return true;
            }
            case DATE: {
                int d = ((QDate) a).days();
                if (specialInt(d, 'd')) {
                    return true;
                }
                String text = Temporals.date(d);
                if (text == null) {
                    sb.append("\"d\"$").append(d).append('i');
                    return false;
                }
                sb.append(text);
                return true;
            }
            case DATETIME: {
                double z = ((QDatetime) a).days();
                if (Double.isNaN(z)) {
                    if (!standardNaN(z)) {
                        return fallback(a);
                    }
                    sb.append(Double.doubleToRawLongBits(z) < 0 ? "-0Nz" : "0Nz");
                    return true;
                }
                if (Double.isInfinite(z)) {
                    sb.append(z > 0 ? "0wz" : "-0wz");
                    return true;
                }
                String text = Temporals.datetime(z);
                if (text == null) {
                    sb.append("\"z\"$");
                    floatAtom(QFloat.of(z), z);
                    return false;
                }
                sb.append(text);
                return true;
            }
            case TIMESPAN: {
                long n = ((QTimespan) a).nanos();
                if (!specialLong(n, 'n')) {
                    sb.append(Temporals.timespan(n));
                }
                return true;
            }
            case MINUTE: {
                int m = ((QMinute) a).minutes();
                if (!specialInt(m, 'u')) {
                    sb.append(Temporals.minute(m));
                }
                return true;
            }
            case SECOND: {
                int s = ((QSecond) a).seconds();
                if (!specialInt(s, 'v')) {
                    sb.append(Temporals.second(s));
                }
                return true;
            }
            default: {
                int t = ((QTime) a).millis();
                if (!specialInt(t, 't')) {
                    sb.append(Temporals.time(t));
                }
                return true;
            }
        }
    }

    private boolean floatAtom(QValue a, double d) {
        if (Double.isNaN(d) && !standardNaN(d)) {
            return fallback(a);
        }
        int start = sb.length();
        floatItem(d);
        if (plainDigits(start)) {
            sb.append('f');
        }
        return true;
    }

    /** {@return true when the text from {@code start} has no '.', 'e', 'n' or 'w': it would read back as a long} */
    private boolean plainDigits(int start) {
        for (int i = start; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '.' || c == 'e' || c == 'n' || c == 'w') {
                return false;
            }
        }
        return true;
    }

    /** Writes a null or infinity of an int-backed type as an atom ({@code 0Nd}); returns false for other values. */
    private boolean specialInt(int v, char letter) {
        if (v == Integer.MIN_VALUE) {
            sb.append("0N").append(letter);
        } else if (v == Integer.MAX_VALUE) {
            sb.append("0W").append(letter);
        } else if (v == -Integer.MAX_VALUE) {
            sb.append("-0W").append(letter);
        } else {
            return false;
        }
        return true;
    }

    private boolean specialLong(long v, char letter) {
        if (v == Long.MIN_VALUE) {
            sb.append("0N").append(letter);
        } else if (v == Long.MAX_VALUE) {
            sb.append("0W").append(letter);
        } else if (v == -Long.MAX_VALUE) {
            sb.append("-0W").append(letter);
        } else {
            return false;
        }
        return true;
    }

    /** Writes {@code 0N}, {@code 0W}, {@code -0W} or the number. */
    private void integral(long v, long nullValue, long max) {
        if (v == nullValue) {
            sb.append("0N");
        } else if (v == max) {
            sb.append("0W");
        } else if (v == -max) {
            sb.append("-0W");
        } else {
            sb.append(v);
        }
    }

    private void floatItem(double d) {
        if (Double.isNaN(d)) {
            sb.append(Double.doubleToRawLongBits(d) < 0 ? "-0n" : "0n");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "0w" : "-0w");
        } else {
            sb.append(Decimals.ofDouble(d));
        }
    }

    private void realItem(float f) {
        if (Float.isNaN(f)) {
            sb.append(Float.floatToRawIntBits(f) < 0 ? "-0N" : "0N");
        } else if (Float.isInfinite(f)) {
            sb.append(f > 0 ? "0W" : "-0W");
        } else {
            sb.append(Decimals.ofFloat(f));
        }
    }

    static boolean standardNaN(double d) {
        long bits = Double.doubleToRawLongBits(d);
        return bits == FLOAT_NULL || bits == FLOAT_NULL_NEGATIVE;
    }

    static boolean standardNaN(float f) {
        int bits = Float.floatToRawIntBits(f);
        return bits == REAL_NULL || bits == REAL_NULL_NEGATIVE;
    }

    // ------------------------------------------------------------------ vectors

    private boolean vector(QVector v) {
        if (needsFallback(v)) {
            return fallback(v);
        }
        boolean attributed = attribute(v.attribute());
        int n = v.count();
        boolean atomic;
        if (v instanceof QGuidVector g) {
            atomic = guids(g);
        } else if (v instanceof QSymbolVector s && !plainSymbols(s)) {
            atomic = quotedSymbols(s);
        } else if (v instanceof QDatetimeVector z && n > 0 && !datetimesReadable(z)) {
            sb.append("\"z\"$");
            vector(QFloatVector.wrap(z.toArray()));
            atomic = false;
        } else if ((v.type() == QType.MONTH || v.type() == QType.DATE) && !inRange((IntBackedVector) v)) {
            sb.append('"').append(v.type().letter()).append("\"$");
            vector(QIntVector.wrap(((IntBackedVector) v).toArray()));
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
            literal(v);
            atomic = n > 1;
        }
        return atomic && !attributed;
    }

    /** True for float, real and datetime vectors holding a NaN that is neither q's null nor its sign-bit twin. */
    private static boolean needsFallback(QValue v) {
        if (v instanceof DoubleBackedVector d) {
            for (int i = 0, n = d.count(); i < n; i++) {
                double x = d.get(i);
                if (Double.isNaN(x) && !standardNaN(x)) {
                    return true;
                }
            }
        } else if (v instanceof QRealVector r) {
            for (float x : r.array()) {
                if (Float.isNaN(x) && !standardNaN(x)) {
                    return true;
                }
            }
        } else if (v instanceof QUnaryPrimitive p) {
            return Primitives.unary(p.code()) == null;
        } else if (v instanceof QBinaryPrimitive p) {
            return Primitives.binary(p.code()) == null;
        } else if (v instanceof QIterator p) {
            return Primitives.iterator(p.code()) == null;
        } else if (v instanceof QLambda f) {
            return !(f.context().isEmpty() || CONTEXT.matcher(f.context()).matches())
                    || !(f.source().startsWith("{") || f.source().startsWith("k){"))
                    || QLexer.lambdaEnd(f.source(), 0) != f.source().length();
        } else if (v instanceof QProjection p) {
            QValue head = p.items().get(0);
            return p.items().size() < 2 || !(head instanceof QFunction) || isElided(head);
        } else if (v instanceof QDerivedFunction d) {
            return isElided(d.function());
        }
        return false;
    }

    private static boolean isElided(QValue v) {
        return v instanceof QUnaryPrimitive p && p.code() == Primitives.ELIDED;
    }

    private boolean guids(QGuidVector g) {
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
            if (!x.isEmpty() && !PLAIN_SYMBOL.matcher(x).matches()) {
                return false;
            }
        }
        return true;
    }

    /** {@code `$("a b";,"c";"")}: one string per symbol, one-char strings enlisted so that q keeps them strings. */
    private boolean quotedSymbols(QSymbolVector s) {
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
    private void literal(QVector v) {
        int n = v.count();
        switch (v.type()) {
            case BOOLEAN: {
                boolean[] a = ((QBooleanVector) v).array();
                for (boolean b : a) {
                    sb.append(b ? '1' : '0');
                }
                sb.append('b');
                return;
            }
            case BYTE: {
                sb.append("0x");
                for (byte b : ((QByteVector) v).array()) {
                    sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
                }
                return;
            }
            case SHORT: {
                short[] a = ((QShortVector) v).array();
                for (int i = 0; i < n; i++) {
                    space(i);
                    integral(a[i], Short.MIN_VALUE, Short.MAX_VALUE);
                }
                sb.append('h');
                return;
            }
            case INT: case LONG: {
                boolean isInt = v.type() == QType.INT;
                for (int i = 0; i < n; i++) {
                    space(i);
                    if (isInt) {
                        integral(((QIntVector) v).get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
                    } else {
                        integral(((LongBackedVector) v).get(i), Long.MIN_VALUE, Long.MAX_VALUE);
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
                    space(i);
                    realItem(a[i]);
                }
                sb.append('e');
                return;
            }
            case FLOAT: {
                int start = sb.length();
                QFloatVector a = (QFloatVector) v;
                for (int i = 0; i < n; i++) {
                    space(i);
                    floatItem(a.get(i));
                }
                if (plainDigits(start)) {
                    sb.append('f');
                }
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
                    space(i);
                    int x = a.get(i);
                    if (x == Integer.MIN_VALUE || x == Integer.MAX_VALUE || x == -Integer.MAX_VALUE) {
                        integral(x, Integer.MIN_VALUE, Integer.MAX_VALUE);
                    } else {
                        sb.append(Temporals.month(x));
                    }
                }
                sb.append('m');
                return;
            }
            default:
                for (int i = 0; i < n; i++) {
                    space(i);
                    atom(v.at(i));
                }
        }
    }

    private void space(int i) {
        if (i > 0) {
            sb.append(' ');
        }
    }

    // ------------------------------------------------------------------ lists, dicts, tables

    private boolean list(QList l) {
        boolean attributed = attribute(l.attribute());
        int n = l.count();
        if (n == 0) {
            sb.append("()");
            return !attributed;
        }
        if (Values.mayCollapse(l.items())) {
            // (1;2;3) would read back as a vector and (`a`b!1 2;`a`b!3 4) or ,`a`b!1 2 as a table: drop the last
            // item of a list q cannot collapse
            sb.append("-1_(");
            for (int i = 0; i < n; i++) {
                value(l.at(i));
                sb.append(';');
            }
            sb.append("::)");
            return false;
        }
        if (n == 1) {
            sb.append(',');
            operand(l.at(0));
            return false;
        }
        sb.append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(';');
            }
            value(l.at(i));
        }
        sb.append(')');
        return !attributed;
    }

    private boolean dict(QDict d) {
        if (d.sorted()) {
            sb.append("`s#");
            sortedKeys(d.keys());
        } else {
            left(d.keys());
        }
        sb.append('!');
        value(d.values());
        return false;
    }

    /**
     * Keys of a sorted dictionary or keyed table. The {@code `s#} in front of the dictionary also gives the keys the
     * s attribute when they have none, so keys that carry s print without it, and keys that carry none are marked
     * with q's attribute remover {@code `#}.
     */
    private void sortedKeys(QValue keys) {
        Attribute a = Values.attributeOf(keys);
        if (a == Attribute.SORTED) {
            left(Values.withAttribute(keys, Attribute.NONE));
        } else if (a == Attribute.NONE) {
            sb.append("(`#");
            value(keys);
            sb.append(')');
        } else {
            left(keys);
        }
    }

    private boolean table(QTable t) {
        attribute(t.attribute());
        sb.append('+');
        left(t.namesVector());
        sb.append('!');
        list(QList.of(t.columns()));
        return false;
    }

    private boolean keyedTable(QKeyedTable k) {
        if (k.sorted()) {
            sb.append("`s#");
            sortedKeys(k.keys());
        } else {
            left(k.keys());
        }
        sb.append('!');
        table(k.values());
        return false;
    }

    // ------------------------------------------------------------------ functions and errors

    private boolean function(QFunction f) {
        if (needsFallback(f)) {
            return fallback(f);
        }
        if (f instanceof QLambda l) {
            if (!l.context().isEmpty()) {
                sb.append('.').append(l.context()).append(')');
            }
            if (!printable(l.source())) {
                // one line per value: q's value"…" rebuilds the lambda from its source as an escaped string
                sb.append("value");
                Strings.appendQuoted(sb, l.source());
                return false;
            }
            sb.append(l.source());
        } else if (f instanceof QUnaryPrimitive p) {
            sb.append(Primitives.unary(p.code()));
        } else if (f instanceof QBinaryPrimitive p) {
            sb.append(Primitives.binary(p.code()));
        } else if (f instanceof QIterator p) {
            sb.append(Primitives.iterator(p.code()));
        } else if (f instanceof QProjection p) {
            List<QValue> items = p.items();
            QValue head = items.get(0);
            if (head instanceof QIterator) {
                sb.append('(');
                value(head);
                sb.append(')');
            } else {
                left(head);
            }
            slots(items.subList(1, items.size()));
        } else if (f instanceof QComposition c) {
            sb.append('\'');
            slots(c.items());
        } else {
            QDerivedFunction d = (QDerivedFunction) f;
            QValue inner = d.function();
            if (inner instanceof QFunction && !(inner instanceof QIterator)) {
                left(inner);
            } else {
                sb.append('(');
                value(inner);
                sb.append(')');
            }
            sb.append(Primitives.derivedGlyph(d.iterator()));
        }
        return true;
    }

    /**
     * {@return true when it prints as it is on one line: no line breaks or other control characters, and no escaped
     * bytes ({@code U+DC80 .. U+DCFF}, which are not text)}
     *
     * @param source a lambda's source
     */
    static boolean printable(String source) {
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\t' || c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(source.charAt(i + 1))) {
                i++;
                continue;
            }
            int t = Character.getType(c);
            if (c < 0xa0 || Character.isSurrogate(c) || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a;;b]}: an elided argument (unary code 255) is an empty slot. */
    private void slots(List<QValue> args) {
        sb.append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            if (!isElided(args.get(i))) {
                value(args.get(i));
            }
        }
        sb.append(']');
    }

    private boolean error(QError e) {
        sb.append('\'');
        if (ERROR_WORD.matcher(e.message()).matches()) {
            sb.append(e.message());
        } else {
            Strings.appendQuoted(sb, e.message());
        }
        return true;
    }
}
