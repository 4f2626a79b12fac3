package dev.q4j.value;

import java.util.List;
import java.util.UUID;

/** Builds a vector from atoms of one type. */
final class Vectors {
    private Vectors() {
    }

    static QVector ofAtoms(QType type, List<QValue> atoms) {
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
            case CHAR: {
                byte[] a = new byte[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QChar) atoms.get(i)).value();
                }
                return QCharVector.wrap(a);
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
            case SYMBOL: {
                String[] a = new String[n];
                for (int i = 0; i < n; i++) {
                    a[i] = ((QSymbol) atoms.get(i)).value();
                }
                return QSymbolVector.wrap(a);
            }
            case LONG: case TIMESTAMP: case TIMESPAN:
                return longBacked(type, atoms);
            case FLOAT: case DATETIME:
                return doubleBacked(type, atoms);
            default:
                return intBacked(type, atoms);
        }
    }

    private static QVector longBacked(QType type, List<QValue> atoms) {
        long[] a = new long[atoms.size()];
        for (int i = 0; i < a.length; i++) {
            QValue v = atoms.get(i);
            a[i] = v instanceof QLong x ? x.value() : v instanceof QTimestamp x ? x.nanos() : ((QTimespan) v).nanos();
        }
        return type == QType.LONG ? QLongVector.wrap(a)
                : type == QType.TIMESTAMP ? QTimestampVector.wrap(a) : QTimespanVector.wrap(a);
    }

    private static QVector doubleBacked(QType type, List<QValue> atoms) {
        double[] a = new double[atoms.size()];
        for (int i = 0; i < a.length; i++) {
            QValue v = atoms.get(i);
            a[i] = v instanceof QFloat x ? x.value() : ((QDatetime) v).days();
        }
        return type == QType.FLOAT ? QFloatVector.wrap(a) : QDatetimeVector.wrap(a);
    }

    private static QVector intBacked(QType type, List<QValue> atoms) {
        int[] a = new int[atoms.size()];
        for (int i = 0; i < a.length; i++) {
            QValue v = atoms.get(i);
            if (v instanceof QInt x) {
                a[i] = x.value();
            } else if (v instanceof QMonth x) {
                a[i] = x.months();
            } else if (v instanceof QDate x) {
                a[i] = x.days();
            } else if (v instanceof QMinute x) {
                a[i] = x.minutes();
            } else if (v instanceof QSecond x) {
                a[i] = x.seconds();
            } else {
                a[i] = ((QTime) v).millis();
            }
        }
        switch (type) {
            case INT: return QIntVector.wrap(a);
            case MONTH: return QMonthVector.wrap(a);
            case DATE: return QDateVector.wrap(a);
            case MINUTE: return QMinuteVector.wrap(a);
            case SECOND: return QSecondVector.wrap(a);
            default: return QTimeVector.wrap(a);
        }
    }
}
