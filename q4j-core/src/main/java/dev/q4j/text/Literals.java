package dev.q4j.text;

import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QReal;
import dev.q4j.value.QShort;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the items of a number literal into an atom or a vector, following q: {@code 1 2 3} longs, {@code 1 2 3h}
 * shorts (the last item's letter types them all), {@code 1.5 2} floats, {@code 2001.01 2001.02m} months,
 * {@code 2001.01.01 0Nd} dates, {@code 101b} booleans.
 */
final class Literals {
    /** the type letters a number may end with */
    static final String SUFFIXES = "bhijefmdznuvtpg";

    /** what an item looks like before its type is known */
    enum Shape { NULL, INFINITY, DATE, TIMESTAMP, DATETIME, TIMESPAN, CLOCK, INTEGER, DECIMAL }

    /**
     * @param pos offset of the item
     * @param negative whether it starts with '-'
     * @param shape its shape
     * @param body the text without sign and suffix
     * @param suffix its type letter, or 0
     */
    record Item(int pos, boolean negative, Shape shape, String body, char suffix) {
        /** {@return the type its shape fixes, or null for nulls, infinities and plain numbers} */
        QType inherent() {
            switch (shape) {
                case DATE: return QType.DATE;
                case TIMESTAMP: return QType.TIMESTAMP;
                case DATETIME: return QType.DATETIME;
                case TIMESPAN: return QType.TIMESPAN;
                case CLOCK: {
                    int colons = body.length() - body.replace(":", "").length();
                    if (colons == 1) {
                        return QType.MINUTE;
                    }
                    int dot = body.indexOf('.');
                    if (dot < 0) {
                        return QType.SECOND;
                    }
                    return body.length() - dot - 1 > 3 ? QType.TIMESPAN : QType.TIME;
                }
                default: return null;
            }
        }

        String text() {
            return (negative ? "-" : "") + body + (suffix == 0 ? "" : String.valueOf(suffix));
        }
    }

    private Literals() {
    }

    static QValue chars(byte[] b) {
        return b.length == 1 ? QChar.of((char) (b[0] & 0xFF)) : QCharVector.wrap(b);
    }

    static QValue bytes(byte[] b) {
        return b.length == 1 ? QByte.of(b[0]) : QByteVector.wrap(b);
    }

    static QValue numbers(List<Item> items) {
        for (Item it : items) {
            if (it.suffix() == 'b') {
                return booleans(items, it);
            }
        }
        QType target = null;
        boolean floating = false;
        for (Item it : items) {
            QType inherent = it.inherent();
            QType own = it.suffix() == 0 ? null : QType.ofLetter(it.suffix());
            if (inherent != null && own != null && inherent != own) {
                throw new QTextException(it.text() + " cannot have the type letter " + it.suffix(), it.pos());
            }
            QType t = inherent != null ? inherent : own;
            if (t != null) {
                if (target != null && target != t) {
                    throw new QTextException("a vector literal mixes " + target.qName() + " and " + t.qName()
                            + " items", it.pos());
                }
                target = t;
            }
            floating |= it.shape() == Shape.DECIMAL
                    || (it.shape() == Shape.NULL || it.shape() == Shape.INFINITY) && it.body().charAt(1) >= 'a';
        }
        if (target == null) {
            target = floating ? QType.FLOAT : QType.LONG;
        }
        List<QAtom> atoms = new ArrayList<>(items.size());
        for (Item it : items) {
            atoms.add(atom(it, target));
        }
        if (items.size() == 1) {
            return atoms.get(0);
        }
        return QVectors.ofAtoms(target, atoms);
    }

    private static QValue booleans(List<Item> items, Item it) {
        if (items.size() != 1 || it.negative() || it.shape() != Shape.INTEGER || !it.body().matches("[01]+")) {
            throw new QTextException("a boolean literal is 0b, 1b or a run of 0s and 1s followed by b, as 101b",
                    it.pos());
        }
        String d = it.body();
        if (d.length() == 1) {
            return QBoolean.of(d.charAt(0) == '1');
        }
        boolean[] b = new boolean[d.length()];
        for (int i = 0; i < b.length; i++) {
            b[i] = d.charAt(i) == '1';
        }
        return QBooleanVector.wrap(b);
    }

    private static QTextException bad(Item it, QType target, String why) {
        return new QTextException("cannot read " + it.text() + " as a " + target.qName() + (why.isEmpty() ? "" : ": "
                + why), it.pos());
    }

    private static QAtom atom(Item it, QType target) {
        Shape shape = it.shape();
        if (shape == Shape.NULL || shape == Shape.INFINITY) {
            return special(it, target);
        }
        if (it.negative() && (shape == Shape.DATE || shape == Shape.TIMESTAMP || shape == Shape.DATETIME
                || target == QType.MONTH)) {
            throw bad(it, target, "dates cannot be negative");
        }
        try {
            switch (target) {
                case SHORT: case INT: case LONG: {
                    if (shape != Shape.INTEGER) {
                        throw bad(it, target, "");
                    }
                    long v = Long.parseLong((it.negative() ? "-" : "") + it.body());
                    if (target == QType.SHORT) {
                        if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                            throw bad(it, target, "out of range");
                        }
                        return QShort.of((short) v);
                    }
                    if (target == QType.INT) {
                        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                            throw bad(it, target, "out of range");
                        }
                        return QVectors.intAtom(QType.INT, (int) v);
                    }
                    return QVectors.longAtom(QType.LONG, v);
                }
                case REAL:
                    numeric(it, target);
                    return QReal.of(Float.parseFloat((it.negative() ? "-" : "") + it.body()));
                case FLOAT:
                    numeric(it, target);
                    return QFloat.of(Double.parseDouble((it.negative() ? "-" : "") + it.body()));
                case MONTH: {
                    if (shape != Shape.DECIMAL || it.negative()) {
                        throw bad(it, target, "a month is written YYYY.MM");
                    }
                    return QVectors.intAtom(QType.MONTH, Temporals.parseMonth(it.body()));
                }
                case DATE: {
                    expect(it, target, Shape.DATE);
                    return QVectors.intAtom(QType.DATE, (int) Temporals.parseDate(it.body()));
                }
                case TIMESTAMP: {
                    expect(it, target, Shape.TIMESTAMP);
                    long days = Temporals.parseDate(it.body().substring(0, 10));
                    String clock = it.body().substring(11);
                    long nanos = clock.isEmpty() ? 0 : Temporals.parseClock(clock, 9, true);
                    // before 2000, count from the end of the day so that the product cannot overflow first
                    long value = days < 0
                            ? Math.addExact(Math.multiplyExact(days + 1, Temporals.NANOS_PER_DAY),
                                    nanos - Temporals.NANOS_PER_DAY)
                            : Math.addExact(Math.multiplyExact(days, Temporals.NANOS_PER_DAY), nanos);
                    return QVectors.longAtom(QType.TIMESTAMP, value);
                }
                case DATETIME: {
                    expect(it, target, Shape.DATETIME);
                    long days = Temporals.parseDate(it.body().substring(0, 10));
                    String clock = it.body().substring(11);
                    long millis = clock.isEmpty() ? 0 : Temporals.parseClock(clock, 3, true) / 1_000_000L;
                    return QDatetime.of(Temporals.datetimeOfMillis(days * Temporals.MILLIS_PER_DAY + millis));
                }
                case TIMESPAN: {
                    long nanos;
                    if (shape == Shape.TIMESPAN) {
                        int d = it.body().indexOf('D');
                        long days = Long.parseLong(it.body().substring(0, d));
                        String clock = it.body().substring(d + 1);
                        nanos = Math.addExact(Math.multiplyExact(days, Temporals.NANOS_PER_DAY),
                                clock.isEmpty() ? 0 : Temporals.parseClock(clock, 9, false));
                    } else {
                        expect(it, target, Shape.CLOCK);
                        nanos = Temporals.parseClock(it.body(), 9, false);
                    }
                    return QVectors.longAtom(QType.TIMESPAN, it.negative() ? -nanos : nanos);
                }
                case MINUTE: case SECOND: case TIME: {
                    expect(it, target, Shape.CLOCK);
                    long unit = target == QType.MINUTE ? 60_000_000_000L
                            : target == QType.SECOND ? Temporals.NANOS_PER_SECOND : 1_000_000L;
                    long v = Temporals.parseClock(it.body(), 3, false, unit);
                    if (v > Integer.MAX_VALUE) {
                        throw bad(it, target, "out of range");
                    }
                    return QVectors.intAtom(target, (int) (it.negative() ? -v : v));
                }
                default:
                    throw bad(it, target, "");
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw bad(it, target, "out of range");
        } catch (IllegalArgumentException e) {
            throw bad(it, target, e.getMessage());
        }
    }

    private static void numeric(Item it, QType target) {
        if (it.shape() != Shape.INTEGER && it.shape() != Shape.DECIMAL) {
            throw bad(it, target, "");
        }
    }

    private static void expect(Item it, QType target, Shape shape) {
        if (it.shape() != shape) {
            throw bad(it, target, "");
        }
    }

    /** {@code 0N}, {@code 0W}, {@code -0W} of any type; {@code -0n} is the NaN with its sign bit set. */
    private static QAtom special(Item it, QType target) {
        boolean isNull = it.shape() == Shape.NULL;
        boolean neg = it.negative();
        switch (target) {
            case REAL:
                return QReal.of(isNull ? Float.intBitsToFloat(neg ? AtomText.REAL_NULL_NEGATIVE : AtomText.REAL_NULL)
                        : neg ? Float.NEGATIVE_INFINITY : Float.POSITIVE_INFINITY);
            case FLOAT: case DATETIME: {
                double d = isNull ? Double.longBitsToDouble(neg ? AtomText.FLOAT_NULL_NEGATIVE : AtomText.FLOAT_NULL)
                        : neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                return target == QType.FLOAT ? QFloat.of(d) : QDatetime.of(d);
            }
            default:
                break;
        }
        if (isNull && neg) {
            throw bad(it, target, "only floats and reals have a negative null");
        }
        switch (target) {
            case GUID:
                if (!isNull) {
                    throw bad(it, target, "guids have no infinity");
                }
                return QGuid.NULL;
            case SHORT:
                return QShort.of(isNull ? Short.MIN_VALUE : neg ? (short) -Short.MAX_VALUE : Short.MAX_VALUE);
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME:
                return QVectors.intAtom(target, isNull ? Integer.MIN_VALUE : neg ? -Integer.MAX_VALUE
                        : Integer.MAX_VALUE);
            case LONG: case TIMESTAMP: case TIMESPAN:
                return QVectors.longAtom(target, isNull ? Long.MIN_VALUE : neg ? -Long.MAX_VALUE : Long.MAX_VALUE);
            default:
                throw bad(it, target, "");
        }
    }
}
