package dev.q4j.text;

import dev.q4j.value.Attribute;
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
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
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
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.List;
import java.util.UUID;

/** Building vectors from atoms, q's list collapsing, and attribute changes that work on every list shape. */
final class Values {
    private Values() {
    }

    /**
     * @param type a basic type
     * @param atoms atoms of exactly that type
     * @return the vector holding them
     */
    static QVector vectorOf(QType type, List<? extends QValue> atoms) {
        int n = atoms.size();
        switch (type) {
            case BOOLEAN: {
                boolean[] a = new boolean[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QBoolean) atoms.get(i)).value();
                }
                return QBooleanVector.wrap(a);
            }
            case GUID: {
                UUID[] a = new UUID[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QGuid) atoms.get(i)).value();
                }
                return QGuidVector.wrap(a);
            }
            case BYTE: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QByte) atoms.get(i)).value();
                }
                return QByteVector.wrap(a);
            }
            case SHORT: {
                short[] a = new short[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QShort) atoms.get(i)).value();
                }
                return QShortVector.wrap(a);
            }
            case REAL: {
                float[] a = new float[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QReal) atoms.get(i)).value();
                }
                return QRealVector.wrap(a);
            }
            case FLOAT: case DATETIME: {
                double[] a = new double[n];
                for (int i = 0; i < n; i++) {
                    QValue v = atoms.get(i);
                    a[i] = v instanceof QFloat f ? f.value() : ((QDatetime) v).days();
                }
                return type == QType.FLOAT ? QFloatVector.wrap(a) : QDatetimeVector.wrap(a);
            }
            case CHAR: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QChar) atoms.get(i)).value();
                }
                return QCharVector.wrap(a);
            }
            case SYMBOL: {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QSymbol) atoms.get(i)).value();
                }
                return QSymbolVector.wrap(a);
            }
            case LONG: case TIMESTAMP: case TIMESPAN: {
                long[] a = new long[n];
                for (int i = 0; i < n; i++) {
                    a[i] = longOf((QAtom) atoms.get(i));
                }
                return longVector(type, a, Attribute.NONE);
            }
            default: {
                int[] a = new int[n];
                for (int i = 0; i < n; i++) {
                    a[i] = intOf((QAtom) atoms.get(i));
                }
                return intVector(type, a, Attribute.NONE);
            }
        }
    }

    private static long longOf(QAtom a) {
        if (a instanceof QLong x) {
            return x.value();
        }
        if (a instanceof QTimestamp x) {
            return x.nanos();
        }
        return ((QTimespan) a).nanos();
    }

    private static int intOf(QAtom a) {
        if (a instanceof QInt x) {
            return x.value();
        }
        if (a instanceof QMonth x) {
            return x.months();
        }
        if (a instanceof QDate x) {
            return x.days();
        }
        if (a instanceof QMinute x) {
            return x.minutes();
        }
        if (a instanceof QSecond x) {
            return x.seconds();
        }
        return ((QTime) a).millis();
    }

    /**
     * @param type int, month, date, minute, second or time
     * @param values raw items, shared
     * @param attribute the attribute
     * @return the vector
     */
    static QVector intVector(QType type, int[] values, Attribute attribute) {
        switch (type) {
            case INT: return QIntVector.wrap(values, attribute);
            case MONTH: return QMonthVector.wrap(values, attribute);
            case DATE: return QDateVector.wrap(values, attribute);
            case MINUTE: return QMinuteVector.wrap(values, attribute);
            case SECOND: return QSecondVector.wrap(values, attribute);
            case TIME: return QTimeVector.wrap(values, attribute);
            default: throw new IllegalArgumentException(type + " is not int-backed");
        }
    }

    /**
     * @param type long, timestamp or timespan
     * @param values raw items, shared
     * @param attribute the attribute
     * @return the vector
     */
    static QVector longVector(QType type, long[] values, Attribute attribute) {
        switch (type) {
            case LONG: return QLongVector.wrap(values, attribute);
            case TIMESTAMP: return QTimestampVector.wrap(values, attribute);
            case TIMESPAN: return QTimespanVector.wrap(values, attribute);
            default: throw new IllegalArgumentException(type + " is not long-backed");
        }
    }

    /**
     * @param type a basic type
     * @param raw the raw value (int, long, double, float... as the type stores it)
     * @return the atom
     */
    static QAtom intAtom(QType type, int raw) {
        switch (type) {
            case INT: return QInt.of(raw);
            case MONTH: return QMonth.of(raw);
            case DATE: return QDate.of(raw);
            case MINUTE: return QMinute.of(raw);
            case SECOND: return QSecond.of(raw);
            case TIME: return QTime.of(raw);
            default: throw new IllegalArgumentException(type + " is not int-backed");
        }
    }

    static QAtom longAtom(QType type, long raw) {
        switch (type) {
            case LONG: return QLong.of(raw);
            case TIMESTAMP: return QTimestamp.of(raw);
            case TIMESPAN: return QTimespan.of(raw);
            default: throw new IllegalArgumentException(type + " is not long-backed");
        }
    }

    /** @return the empty vector of a basic type */
    static QVector empty(QType type) {
        return vectorOf(type, List.of());
    }

    /**
     * q's rule for {@code (a;b;c)}: two or more atoms of one basic type make a vector, anything else a general list.
     *
     * @param items the items
     * @return a vector or a general list
     */
    static QSequence collapse(List<QValue> items) {
        if (items.size() >= 2 && sameAtomType(items) != null) {
            return vectorOf(sameAtomType(items), items);
        }
        return QList.of(items);
    }

    /** @return the basic type shared by every item when each is an atom, else null (also for no items) */
    static QType sameAtomType(List<QValue> items) {
        QType t = null;
        for (QValue v : items) {
            if (!(v instanceof QAtom)) {
                return null;
            }
            if (t == null) {
                t = v.type();
            } else if (t != v.type()) {
                return null;
            }
        }
        return t;
    }

    /** @return q's {@code enlist x}: a one-item vector for an atom, else a one-item general list */
    static QSequence enlist(QValue v) {
        if (v instanceof QAtom a) {
            return vectorOf(a.type(), List.of(a));
        }
        return QList.of(v);
    }

    /**
     * @param v a vector, a general list or a table
     * @param attribute the attribute to give it
     * @return the same items with the attribute
     */
    static QValue withAttribute(QValue v, Attribute attribute) {
        if (v instanceof QVector vec) {
            return vec.withAttribute(attribute);
        }
        if (v instanceof QList l) {
            return l.withAttribute(attribute);
        }
        if (v instanceof QTable t) {
            return QTable.wrap(t.columnNames().toArray(new String[0]), t.columns().toArray(new QSequence[0]),
                    attribute);
        }
        throw new IllegalArgumentException("an attribute applies to a list or a table, not a " + describe(v));
    }

    /** @return the attribute of a list or table, NONE for anything else */
    static Attribute attributeOf(QValue v) {
        if (v instanceof QSequence s) {
            return s.attribute();
        }
        if (v instanceof QTable t) {
            return t.attribute();
        }
        return Attribute.NONE;
    }

    /** @return a short description for error messages: "long atom", "symbol vector", "dict"... */
    static String describe(QValue v) {
        if (v instanceof QAtom) {
            return v.type().qName() + " atom";
        }
        if (v instanceof QVector) {
            return v.type().qName() + " vector";
        }
        if (v instanceof QList) {
            return "general list";
        }
        if (v instanceof QDict || v instanceof QKeyedTable) {
            return v instanceof QKeyedTable ? "keyed table" : "dictionary";
        }
        return v.type().qName();
    }
}
