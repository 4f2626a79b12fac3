package dev.q4j.interop;

import com.kx.c;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QFunction;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonth;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.lang.reflect.Array;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Objects;

/**
 * The object model of KX's Java interface (com.kx.c, javakdb 2.0) as seen from q4j: {@link #view(QValue)} gives the
 * object javakdb produces (and serializes back) for a q value, following javakdb's documented conventions
 * (Instant.MIN for 0Np, LocalDate.MIN for 0Nd, LocalDateTime.MIN for 0Nz, c.LOCAL_TIME_NULL for 0Nt, wrapper classes
 * holding the raw number for months, minutes, seconds and timespans, lambdas as their source text, other functions
 * as "func", the generic null as null). {@link #same(Object, Object)} compares two such objects deeply.
 */
public final class JavakdbModel {
    /** marks a part javakdb cannot represent exactly: compares equal to anything */
    static final Object ANY = new Object() {
        @Override
        public String toString() {
            return "<not comparable>";
        }
    };

    private JavakdbModel() {
    }

    public static Object view(QValue v) {
        if (v instanceof QAtom a) {
            return atom(a);
        }
        if (v instanceof QList l) {
            Object[] items = new Object[l.count()];
            for (int i = 0; i < items.length; i++) {
                items[i] = view(l.at(i));
            }
            return items;
        }
        if (v instanceof QDict d) {
            return d.sorted() ? ANY : new c.Dict(view(d.keys()), view(d.values()));
        }
        if (v instanceof QTable t) {
            Object[] cols = new Object[t.columns().size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = view(t.columns().get(i));
            }
            String[] names = t.columnNames().toArray(new String[0]);
            for (int i = 0; i < names.length; i++) {
                names[i] = javakdbText(names[i]);
            }
            return new c.Flip(names, cols);
        }
        if (v instanceof QKeyedTable k) {
            return k.sorted() ? ANY : new c.Dict(view(k.keys()), view(k.values()));
        }
        if (v instanceof QLambda f) {
            return javakdbText(f.source()).toCharArray();
        }
        if (v.isGenericNull()) {
            return null;
        }
        if (v instanceof QFunction) {
            return "func";
        }
        return vector(v);
    }

    private static Object atom(QAtom a) {
        if (a instanceof QBoolean x) {
            return x.value();
        } else if (a instanceof QGuid x) {
            return x.value();
        } else if (a instanceof QByte x) {
            return x.value();
        } else if (a instanceof QShort x) {
            return x.value();
        } else if (a instanceof QInt x) {
            return x.value();
        } else if (a instanceof QLong x) {
            return x.value();
        } else if (a instanceof QReal x) {
            return x.value();
        } else if (a instanceof QFloat x) {
            return x.value();
        } else if (a instanceof QChar x) {
            return x.toChar();
        } else if (a instanceof QSymbol x) {
            return javakdbText(x.value());
        } else if (a instanceof QTimestamp x) {
            return timestamp(x.nanos());
        } else if (a instanceof QMonth x) {
            return new c.Month(x.months());
        } else if (a instanceof QDate x) {
            return date(x.days());
        } else if (a instanceof QDatetime x) {
            return datetime(x.days());
        } else if (a instanceof QTimespan x) {
            return new c.Timespan(x.nanos());
        } else if (a instanceof QMinute x) {
            return new c.Minute(x.minutes());
        } else if (a instanceof QSecond x) {
            return new c.Second(x.seconds());
        }
        return time(((QTime) a).millis());
    }

    private static Object vector(QValue v) {
        if (v instanceof QBooleanVector x) {
            return x.array();
        } else if (v instanceof QGuidVector x) {
            return x.array();
        } else if (v instanceof QByteVector x) {
            return x.array();
        } else if (v instanceof QShortVector x) {
            return x.array();
        } else if (v instanceof QIntVector x) {
            return x.array();
        } else if (v instanceof QLongVector x) {
            return x.array();
        } else if (v instanceof QRealVector x) {
            return x.array();
        } else if (v instanceof QFloatVector x) {
            return x.array();
        } else if (v instanceof QCharVector x) {
            // javakdb decodes strings with its encoding, set to UTF-8 by the tests
            return new String(x.array(), StandardCharsets.UTF_8).toCharArray();
        } else if (v instanceof QSymbolVector x) {
            String[] out = x.array().clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = javakdbText(out[i]);
            }
            return out;
        } else if (v instanceof QTimestampVector x) {
            return map(x.array().length, i -> timestamp(x.get(i)), Instant.class);
        } else if (v instanceof QMonthVector x) {
            return map(x.count(), i -> new c.Month(x.get(i)), c.Month.class);
        } else if (v instanceof QDateVector x) {
            return map(x.count(), i -> date(x.get(i)), LocalDate.class);
        } else if (v instanceof QDatetimeVector x) {
            return map(x.count(), i -> datetime(x.get(i)), LocalDateTime.class);
        } else if (v instanceof QTimespanVector x) {
            return map(x.count(), i -> new c.Timespan(x.get(i)), c.Timespan.class);
        } else if (v instanceof QMinuteVector x) {
            return map(x.count(), i -> new c.Minute(x.get(i)), c.Minute.class);
        } else if (v instanceof QSecondVector x) {
            return map(x.count(), i -> new c.Second(x.get(i)), c.Second.class);
        } else if (v instanceof QTimeVector x) {
            return map(x.count(), i -> time(x.get(i)), LocalTime.class);
        }
        throw new IllegalArgumentException("no javakdb view for " + v.getClass());
    }

    private static Object map(int n, java.util.function.IntFunction<Object> f, Class<?> type) {
        Object out = Array.newInstance(type, n);
        for (int i = 0; i < n; i++) {
            Object item = f.apply(i);
            if (item == ANY) {
                return ANY;
            }
            Array.set(out, i, item);
        }
        return out;
    }

    /**
     * Text as javakdb reads it: q4j keeps bytes that are not valid UTF-8 as U+DC80 .. U+DCFF (see QUtf8), javakdb
     * (encoding UTF-8) turns them into U+FFFD like any Java decoder.
     */
    public static String javakdbText(String s) {
        return new String(QUtf8.encode(s), StandardCharsets.UTF_8);
    }

    private static Object timestamp(long nanos) {
        return nanos == Long.MIN_VALUE ? Instant.MIN : QTemporal.instantOfTimestamp(nanos);
    }

    private static Object date(int days) {
        return days == Integer.MIN_VALUE ? LocalDate.MIN : QTemporal.localDateOfDate(days);
    }

    private static Object datetime(double days) {
        if (Double.isNaN(days)) {
            return LocalDateTime.MIN;
        }
        if (Double.isInfinite(days) || Math.abs(days) * 86_400_000d >= 0x1p63) {
            // javakdb goes through a long of milliseconds, which saturates out there
            return ANY;
        }
        return LocalDateTime.ofInstant(QTemporal.instantOfDatetime(days), ZoneOffset.UTC);
    }

    private static Object time(int millis) {
        if (millis == Integer.MIN_VALUE) {
            return c.LOCAL_TIME_NULL;
        }
        // javakdb cannot hold a time outside one day
        return millis < 0 || millis >= 86_400_000 ? ANY : LocalTime.ofNanoOfDay(millis * 1_000_000L);
    }

    /** Deep comparison of javakdb objects (arrays, Dict, Flip have no equals of their own). */
    public static boolean same(Object a, Object b) {
        if (a == ANY || b == ANY) {
            return true;
        }
        if (a instanceof c.Dict x && b instanceof c.Dict y) {
            return same(x.x, y.x) && same(x.y, y.y);
        }
        if (a instanceof c.Flip x && b instanceof c.Flip y) {
            return Arrays.equals(x.x, y.x) && same(x.y, y.y);
        }
        if (a instanceof Object[] x && b instanceof Object[] y) {
            if (x.length != y.length) {
                return false;
            }
            for (int i = 0; i < x.length; i++) {
                if (!same(x[i], y[i])) {
                    return false;
                }
            }
            // the array's class is the q type (String[] symbols, Instant[] timestamps, Object[] a general list):
            // it must match for empty arrays too, or an empty typed vector would equal an empty general list
            return a.getClass() == b.getClass();
        }
        if (a instanceof Float x && b instanceof Float y) {
            return Float.floatToIntBits(x) == Float.floatToIntBits(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return Double.doubleToLongBits(x) == Double.doubleToLongBits(y);
        }
        return Objects.deepEquals(a, b);
    }

    public static String describe(Object o) {
        if (o instanceof c.Dict d) {
            return "Dict(" + describe(d.x) + "!" + describe(d.y) + ")";
        }
        if (o instanceof c.Flip f) {
            return "Flip(" + Arrays.toString(f.x) + ":" + describe(f.y) + ")";
        }
        if (o instanceof Object[] a) {
            StringBuilder s = new StringBuilder(a.getClass().getComponentType().getSimpleName() + "[");
            for (Object x : a) {
                s.append(describe(x)).append(", ");
            }
            return s.append(']').toString();
        }
        if (o != null && o.getClass().isArray()) {
            StringBuilder s = new StringBuilder(o.getClass().getComponentType().getSimpleName() + "[");
            for (int i = 0; i < Array.getLength(o); i++) {
                s.append(Array.get(o, i)).append(", ");
            }
            return s.append(']').toString();
        }
        return o == null ? "null" : o.getClass().getSimpleName() + ":" + o;
    }
}
