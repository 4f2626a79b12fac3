package dev.q4j.text;

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
import dev.q4j.value.QType;
import dev.q4j.value.QUtf8;
import java.util.function.LongFunction;

/**
 * q's {@code string} of an atom, which is how the console shows a table cell, a dictionary entry or an item of a
 * simple vector in a structure: no type suffix, nulls empty ({@code 0N} is a blank cell), infinities {@code 0W}
 * ({@code 0w} for floats and reals), symbols without the backquote, booleans as {@code 1}/{@code 0}, bytes as two hex
 * digits, floats to 7 significant digits ({@link Decimals#display(double)}). A datetime too far from 2000 for its
 * milliseconds to fit a long shows as its exact value in q text ({@code "z"$1e+300}) rather than as a wrong date.
 */
final class ConsoleCells {
    private ConsoleCells() {
    }

    /**
     * {@return its text as q's {@code string} gives it}
     *
     * @param a an atom
     */
    static String string(QAtom a) {
        QType type = a.type();
        if (a.isNull() && type != QType.CHAR && type != QType.GUID && type != QType.SYMBOL) {
            return "";
        }
        switch (type) {
            case BOOLEAN:
                return ((QBoolean) a).value() ? "1" : "0";
            case GUID:
                return ((QGuid) a).value().toString();
            case BYTE:
                return AtomText.hex(new StringBuilder(2), ((QByte) a).value()).toString();
            case SHORT:
                return integral(((QShort) a).value(), Short.MIN_VALUE, Short.MAX_VALUE);
            case INT:
                return integral(((QInt) a).value(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG:
                return integral(((QLong) a).value(), Long.MIN_VALUE, Long.MAX_VALUE);
            case REAL:
                return decimal(((QReal) a).value());
            case FLOAT:
                return decimal(((QFloat) a).value());
            case CHAR: {
                byte b = ((QChar) a).value();
                return b >= 0 ? String.valueOf((char) b) : QUtf8.decode(new byte[] {b}, 0, 1);
            }
            case SYMBOL:
                return ((QSymbol) a).value();
            default:
                return temporal(a);
        }
    }

    private static String integral(long v, long nullValue, long max) {
        StringBuilder sb = new StringBuilder(20);
        AtomText.integral(sb, v, nullValue, max);
        return sb.toString();
    }

    /** A float or real: 7 significant digits, {@code 0w}/{@code -0w} for infinities, empty for NaN. */
    private static String decimal(double d) {
        if (Double.isNaN(d)) {
            return "";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "0w" : "-0w";
        }
        return Decimals.display(d);
    }

    /** The q text of a non-null temporal atom without its type suffix; {@code 0W} or {@code -0W} for infinities. */
    private static String temporal(QAtom a) {
        switch (a.type()) {
            case TIMESTAMP:
                return finite(((QTimestamp) a).nanos(), Long.MAX_VALUE, Temporals::timestamp);
            case MONTH:
                return finite(((QMonth) a).months(), Integer.MAX_VALUE, m -> Temporals.displayMonth((int) m));
            case DATE:
                return finite(((QDate) a).days(), Integer.MAX_VALUE, Temporals::displayDate);
            case DATETIME: {
                double z = ((QDatetime) a).days();
                if (Double.isInfinite(z)) {
                    return z > 0 ? "0W" : "-0W";
                }
                String text = Temporals.displayDatetime(z);
                // too far for a date: its exact value, "z"$1e+300
                return text != null ? text : QText.print(a);
            }
            case TIMESPAN:
                return finite(((QTimespan) a).nanos(), Long.MAX_VALUE, Temporals::timespan);
            case MINUTE:
                return finite(((QMinute) a).minutes(), Integer.MAX_VALUE, m -> Temporals.minute((int) m));
            case SECOND:
                return finite(((QSecond) a).seconds(), Integer.MAX_VALUE, s -> Temporals.second((int) s));
            default:
                return finite(((QTime) a).millis(), Integer.MAX_VALUE, t -> Temporals.time((int) t));
        }
    }

    private static String finite(long v, long max, LongFunction<String> text) {
        if (v == max) {
            return "0W";
        }
        return v == -max ? "-0W" : text.apply(v);
    }
}
