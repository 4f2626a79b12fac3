package dev.q4j.text;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QChar;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QReal;
import dev.q4j.value.QSecond;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QValue;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Atoms as {@link QText#print(QValue)} writes them, and the pieces of text that the printer and the console's
 * display ({@link QConsole}) share: nulls and infinities of integral types, attributes, bytes in hex. Each method
 * appends to a builder; the ones that print a value return whether the text is <em>atomic</em> (see
 * {@link QPrinter}).
 */
final class AtomText {
    /** float NaN bit patterns q uses for {@code 0n}; the sign-bit one prints {@code -0n} */
    static final long FLOAT_NULL = 0x7ff8000000000000L;
    static final long FLOAT_NULL_NEGATIVE = 0xfff8000000000000L;
    static final int REAL_NULL = 0x7fc00000;
    static final int REAL_NULL_NEGATIVE = 0xffc00000;

    /** a symbol that reads back after a backquote */
    static final Pattern PLAIN_SYMBOL = Pattern.compile("[A-Za-z0-9.][A-Za-z0-9._]*|:[A-Za-z0-9._:/]*");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AtomText() {
    }

    /** {@return true when the atom's text is atomic; false for compound text such as {@code "G"$"…"}} */
    static boolean atom(StringBuilder sb, QAtom a) {
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
            case BYTE:
                hex(sb.append("0x"), ((QByte) a).value());
                return true;
            case SHORT:
                integral(sb, ((QShort) a).value(), Short.MIN_VALUE, Short.MAX_VALUE);
                sb.append('h');
                return true;
            case INT:
                integral(sb, ((QInt) a).value(), Integer.MIN_VALUE, Integer.MAX_VALUE);
                sb.append('i');
                return true;
            case LONG:
                integral(sb, ((QLong) a).value(), Long.MIN_VALUE, Long.MAX_VALUE);
                return true;
            case REAL: {
                float f = ((QReal) a).value();
                if (Float.isNaN(f) && !standardNaN(f)) {
                    return fallback(sb, a);
                }
                if (Float.isInfinite(f)) {
                    sb.append(f > 0 ? "0we" : "-0we");
                } else {
                    realItem(sb, f);
                    sb.append('e');
                }
                return true;
            }
            case FLOAT:
                return floatAtom(sb, a, ((QFloat) a).value());
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
            default:
                return temporal(sb, a);
        }
    }

    private static boolean temporal(StringBuilder sb, QAtom a) {
        switch (a.type()) {
            case TIMESTAMP: {
                long n = ((QTimestamp) a).nanos();
                if (!specialLong(sb, n, 'p')) {
                    sb.append(Temporals.timestamp(n));
                }
                return true;
            }
            case MONTH:
                return dated(sb, ((QMonth) a).months(), 'm', Temporals::month, "m");
            case DATE:
                return dated(sb, ((QDate) a).days(), 'd', Temporals::date, "");
            case DATETIME:
                return datetime(sb, a, ((QDatetime) a).days());
            case TIMESPAN: {
                long n = ((QTimespan) a).nanos();
                if (!specialLong(sb, n, 'n')) {
                    sb.append(Temporals.timespan(n));
                }
                return true;
            }
            case MINUTE: {
                int m = ((QMinute) a).minutes();
                if (!specialInt(sb, m, 'u')) {
                    sb.append(Temporals.minute(m));
                }
                return true;
            }
            case SECOND: {
                int s = ((QSecond) a).seconds();
                if (!specialInt(sb, s, 'v')) {
                    sb.append(Temporals.second(s));
                }
                return true;
            }
            default: {
                int t = ((QTime) a).millis();
                if (!specialInt(sb, t, 't')) {
                    sb.append(Temporals.time(t));
                }
                return true;
            }
        }
    }

    /**
     * A month or date: {@code 2001.01m}, {@code 2001.01.01}, {@code 0Nd}; {@code "d"$-800000i} when its year is
     * outside 1..9999, which q's text cannot hold.
     */
    private static boolean dated(StringBuilder sb, int v, char letter, IntFunction<String> text, String suffix) {
        if (specialInt(sb, v, letter)) {
            return true;
        }
        String t = text.apply(v);
        if (t == null) {
            sb.append('"').append(letter).append("\"$").append(v).append('i');
            return false;
        }
        sb.append(t).append(suffix);
        return true;
    }

    private static boolean datetime(StringBuilder sb, QAtom a, double z) {
        if (Double.isNaN(z)) {
            if (!standardNaN(z)) {
                return fallback(sb, a);
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
            floatAtom(sb, QFloat.of(z), z);
            return false;
        }
        sb.append(text);
        return true;
    }

    static boolean floatAtom(StringBuilder sb, QValue a, double d) {
        if (Double.isNaN(d) && !standardNaN(d)) {
            return fallback(sb, a);
        }
        int start = sb.length();
        floatItem(sb, d);
        suffixFloat(sb, start);
        return true;
    }

    /**
     * Appends {@code f} when the text from {@code start} has no '.', 'e', 'n' or 'w': without it, it would read back
     * as a long ({@code 1f}, {@code 1 2f}).
     */
    static void suffixFloat(StringBuilder sb, int start) {
        for (int i = start; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '.' || c == 'e' || c == 'n' || c == 'w') {
                return;
            }
        }
        sb.append('f');
    }

    /** Writes a null or infinity of an int-backed type as an atom ({@code 0Nd}); returns false for other values. */
    static boolean specialInt(StringBuilder sb, int v, char letter) {
        return special(sb, v, Integer.MIN_VALUE, Integer.MAX_VALUE, letter);
    }

    static boolean specialLong(StringBuilder sb, long v, char letter) {
        return special(sb, v, Long.MIN_VALUE, Long.MAX_VALUE, letter);
    }

    private static boolean special(StringBuilder sb, long v, long nullValue, long max, char letter) {
        if (v != nullValue && v != max && v != -max) {
            return false;
        }
        integral(sb, v, nullValue, max);
        sb.append(letter);
        return true;
    }

    /** Writes {@code 0N}, {@code 0W}, {@code -0W} or the number. */
    static void integral(StringBuilder sb, long v, long nullValue, long max) {
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

    static void floatItem(StringBuilder sb, double d) {
        if (Double.isNaN(d)) {
            sb.append(Double.doubleToRawLongBits(d) < 0 ? "-0n" : "0n");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "0w" : "-0w");
        } else {
            sb.append(Decimals.ofDouble(d));
        }
    }

    static void realItem(StringBuilder sb, float f) {
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

    /** The encoded IPC message as {@code -9!0x…}: readable q that rebuilds any value exactly. */
    static boolean fallback(StringBuilder sb, QValue v) {
        byte[] bytes = new Encoder().encode(MessageType.ASYNC, v);
        sb.append("-9!0x");
        for (byte b : bytes) {
            hex(sb, b);
        }
        return false;
    }

    /** Appends the byte as two lower-case hex digits, without {@code 0x}. */
    static StringBuilder hex(StringBuilder sb, byte b) {
        return sb.append(HEX[(b >> 4) & 15]).append(HEX[b & 15]);
    }

    /** Writes {@code `s#} (or u, p, g) for an attribute; returns false, writing nothing, for none. */
    static boolean attribute(StringBuilder sb, Attribute a) {
        if (a == Attribute.NONE) {
            return false;
        }
        sb.append('`').append(a.letter()).append('#');
        return true;
    }

    /** The space between the items of a vector: before every item but the first. */
    static void space(StringBuilder sb, int i) {
        if (i > 0) {
            sb.append(' ');
        }
    }
}
