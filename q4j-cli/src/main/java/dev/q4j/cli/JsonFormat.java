package dev.q4j.cli;

import dev.q4j.text.QConsole;
import dev.q4j.text.QText;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFunction;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLong;
import dev.q4j.value.QReal;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QType;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values as JSON (RFC 8259), one document on one line, written by hand: no dependency.
 *
 * <ul>
 *   <li>Tables: an array of row objects, {@code [{"sym":"IBM","px":1.5},...]}; keyed tables the same, with the
 *       key columns first in each row.
 *   <li>Dictionaries with distinct symbol keys: objects; any other dictionary an array of {@code [key,value]}
 *       pairs.
 *   <li>Vectors and general lists: arrays. A char vector (q string) is a JSON string.
 *   <li>Booleans {@code true}/{@code false}; numbers as JSON numbers (bytes unsigned, floats with the fewest
 *       digits that read back exactly); symbols, chars and guids as strings.
 *   <li>Temporals as ISO-8601 strings: timestamp {@code 2024-01-02T03:04:05.123456789}, date {@code 2024-01-02},
 *       month {@code 2024-01}, datetime {@code 2024-01-02T03:04:05.123}, time {@code 03:04:05.123}, second
 *       {@code 03:04:05}, minute {@code 03:04}, timespan as a duration {@code PT3H4M5.123456789S}. No zone: kdb+
 *       keeps none (timestamps are UTC by convention only).
 *   <li>Nulls ({@code 0N}, {@code 0n}, {@code `}, {@code 0Ng}, {@code 0Nd}...) and {@code ::} are {@code null}; the
 *       null char, a space, stays {@code " "}. Infinities are the strings {@code "0W"} and {@code "-0W"} for every
 *       type (floats included), since JSON has no infinity.
 *   <li>Functions are strings of their q text; an error value is the string {@code "'text"}.
 * </ul>
 *
 * <p>Strings escape {@code "}, {@code \}, control characters and U+2028/U+2029; other text is written as it is
 * (the writer's encoding, UTF-8 for the command). Bytes of a string or symbol that are not UTF-8 become the lone
 * surrogates of {@link QUtf8}, written as {@code \}{@code udcXX} escapes.
 */
final class JsonFormat extends ChunkedText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonFormat(Appendable sink) {
        super(sink);
    }

    /**
     * {@return it as JSON, without a line end}
     *
     * @param value a value
     */
    static String format(QValue value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Writes a value as JSON, in chunks, without a line end.
     *
     * @param value a value
     * @param out where to write
     * @throws UncheckedIOException when writing fails
     */
    static void write(QValue value, Appendable out) {
        JsonFormat w = new JsonFormat(out);
        w.value(value);
        w.flush();
    }


    private void value(QValue v) {
        maybeFlush();
        if (v.isGenericNull()) {
            sb.append("null");
        } else if (v instanceof QAtom a) {
            atom(sb, a);
        } else if (v instanceof QCharVector s) {
            quote(sb, text(s));
        } else if (v instanceof QSequence s) {
            sb.append('[');
            for (int i = 0; i < s.count(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                value(s.at(i));
            }
            sb.append(']');
        } else if (v instanceof QTable t) {
            rows(List.of(t));
        } else if (v instanceof QKeyedTable k) {
            rows(List.of(k.keys(), k.values()));
        } else if (v instanceof QDict d) {
            dict(d);
        } else if (v instanceof QFunction f) {
            quote(sb, QText.print(f));
        } else {
            quote(sb, "'" + ((QError) v).message());
        }
    }

    /** Rows of one table, or of a keyed table's key and value tables merged, as objects. */
    private void rows(List<QTable> parts) {
        int n = parts.get(0).count();
        sb.append('[');
        for (int r = 0; r < n; r++) {
            if (r > 0) {
                sb.append(',');
            }
            sb.append('{');
            boolean first = true;
            for (QTable t : parts) {
                List<String> names = t.columnNames();
                List<QSequence> columns = t.columns();
                for (int c = 0; c < names.size(); c++) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    quote(sb, names.get(c));
                    sb.append(':');
                    value(columns.get(c).at(r));
                }
            }
            sb.append('}');
        }
        sb.append(']');
    }

    private void dict(QDict d) {
        int n = d.count();
        if (d.keys() instanceof QSymbolVector keys && distinct(keys)) {
            sb.append('{');
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, keys.get(i));
                sb.append(':');
                value(item(d.values(), i));
            }
            sb.append('}');
            return;
        }
        sb.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[');
            value(item(d.keys(), i));
            sb.append(',');
            value(item(d.values(), i));
            sb.append(']');
        }
        sb.append(']');
    }

    private static boolean distinct(QSymbolVector keys) {
        Set<String> seen = new HashSet<>();
        for (String k : keys.array()) {
            if (!seen.add(k)) {
                return false;
            }
        }
        return true;
    }

    /** Item {@code i} of dictionary keys or values: a list item, or a table row as a dictionary. */
    static QValue item(QValue list, int i) {
        if (list instanceof QSequence s) {
            return s.at(i);
        }
        if (list instanceof QTable t) {
            return t.row(i);
        }
        QKeyedTable k = (QKeyedTable) list;
        return QDict.of(k.keys().row(i), k.values().row(i));
    }

    // ------------------------------------------------------------------ atoms

    /**
     * Appends an atom as a JSON value.
     *
     * @param sb where to append
     * @param a the atom
     */
    static void atom(StringBuilder sb, QAtom a) {
        String t = text(a);
        if (t == null) {
            sb.append("null");
        } else if (isNumber(a)) {
            sb.append(t);
        } else {
            quote(sb, t);
        }
    }

    /** {@return true when {@link #text(QAtom)} gives a JSON number or boolean rather than a string} */
    static boolean isNumber(QAtom a) {
        switch (a.type()) {
            case BOOLEAN: case BYTE:
                return true;
            case SHORT: case INT: case LONG: case REAL: case FLOAT:
                return !a.isNull() && !isInfinite(a);
            default:
                return false;
        }
    }

    private static boolean isInfinite(QAtom a) {
        if (a instanceof QFloat f) {
            return Double.isInfinite(f.value());
        }
        if (a instanceof QReal r) {
            return Float.isInfinite(r.value());
        }
        if (a instanceof QShort s) {
            return s.value() == Short.MAX_VALUE || s.value() == -Short.MAX_VALUE;
        }
        if (a instanceof QInt i) {
            return i.value() == Integer.MAX_VALUE || i.value() == -Integer.MAX_VALUE;
        }
        if (a instanceof QLong l) {
            return l.value() == Long.MAX_VALUE || l.value() == -Long.MAX_VALUE;
        }
        return a.isInfinite();
    }

    /**
     * The text of an atom for JSON and CSV, before any quoting.
     *
     * @param a an atom
     * @return {@code null} for a q null (not for the null char, a space); {@code true}/{@code false}; a number;
     *     {@code 0W}/{@code -0W} for infinities; ISO-8601 for temporals; the text of symbols, chars and guids
     */
    static String text(QAtom a) {
        QType type = a.type();
        if (a.isNull() && type != QType.CHAR) {
            return null;
        }
        if (isInfinite(a)) {
            // the console's 0W and -0W (0w and -0w for floats and reals), one spelling for every type
            return QConsole.cell(a).toUpperCase(Locale.ROOT);
        }
        switch (type) {
            case BOOLEAN:
                return ((QBoolean) a).value() ? "true" : "false";
            case GUID:
                return ((QGuid) a).value().toString();
            case BYTE:
                return Integer.toString(((QByte) a).value() & 0xFF);
            case SHORT:
                return Short.toString(((QShort) a).value());
            case INT:
                return Integer.toString(((QInt) a).value());
            case LONG:
                return Long.toString(((QLong) a).value());
            case REAL: {
                float f = ((QReal) a).value();
                return Float.isNaN(f) ? null : number(Float.toString(Math.abs(f)), Float.floatToRawIntBits(f) < 0);
            }
            case FLOAT: {
                double d = ((QFloat) a).value();
                return Double.isNaN(d) ? null : number(Double.toString(Math.abs(d)),
                        Double.doubleToRawLongBits(d) < 0);
            }
            case CHAR:
                return QUtf8.decode(new byte[] {((QChar) a).value()}, 0, 1);
            case SYMBOL:
                return ((QSymbol) a).value();
            case TIMESTAMP: case MONTH: case DATE: case DATETIME:
                return iso(QConsole.cell(a));
            case TIMESPAN:
                // ISO-8601 as Duration writes it: PT1H2M3.5S
                return Duration.ofNanos(((QTimespan) a).nanos()).toString();
            default:
                // minute, second, time: hh:mm, hh:mm:ss, hh:mm:ss.mmm as q writes them
                return QConsole.cell(a);
        }
    }

    /**
     * ISO-8601 from q's text of a date, month, timestamp or datetime: dashes for the dots of the date and {@code T}
     * before the time ({@code 2024-01-02}, {@code 2024-01}, {@code 2024-01-02T03:04:05.123456789}); a local
     * date-time, no zone (kdb+ keeps none). A datetime too far for a date is its exact q value as it is
     * ({@code "z"$1e+300}).
     */
    private static String iso(String qText) {
        if (qText.startsWith("\"")) {
            return qText;
        }
        int time = Math.max(qText.indexOf('D'), qText.indexOf('T'));
        if (time < 0) {
            return qText.replace('.', '-');
        }
        return qText.substring(0, time).replace('.', '-') + 'T' + qText.substring(time + 1);
    }

    /**
     * A JSON number from the JDK's shortest digits, laid out as JavaScript does: plain from 1e-7 up to 1e21
     * ({@code 1}, {@code 1.5}, {@code 0.0001}), otherwise with an exponent ({@code 1e+21}, {@code 1.5e-8}).
     */
    private static String number(String jdkDigits, boolean negative) {
        BigDecimal v = new BigDecimal(jdkDigits).stripTrailingZeros();
        String sign = negative ? "-" : "";
        if (v.signum() == 0) {
            return sign + "0";
        }
        int x = v.precision() - v.scale() - 1;
        if (x >= -7 && x < 21) {
            return sign + v.toPlainString();
        }
        String digits = v.unscaledValue().toString();
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        return sb.append('e').append(x < 0 ? '-' : '+').append(Math.abs(x)).toString();
    }

    /** {@return a char vector's bytes as text: UTF-8, other bytes as {@link QUtf8}'s escapes} */
    static String text(QCharVector s) {
        byte[] b = s.array();
        return QUtf8.decode(b, 0, b.length);
    }

    /**
     * Appends a JSON string literal.
     *
     * @param sb where to append
     * @param s the text
     */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '\b': sb.append("\\b"); break;
                case '\f': sb.append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || loneSurrogate(s, i)) {
                        sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                                .append(HEX[c & 15]);
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }

    private static boolean loneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
