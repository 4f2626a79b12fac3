package dev.q4j.arrow;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QList;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.util.List;
import java.util.UUID;

/** Joins lists of one kind into one: the items of nested columns, the columns of several record batches. */
final class Concat {
    private Concat() {
    }

    /**
     * {@return one list with the items of every piece, in order}
     *
     * @param type the vectors' type, or {@code null} for general lists
     * @param pieces vectors of {@code type}, or general lists (or, for general lists, empty vectors of any type)
     * @param attribute the attribute of the result
     */
    // one short case per q type, read as one table of types
    @SuppressWarnings("checkstyle:MethodLength")
    static QSequence of(QType type, List<? extends QSequence> pieces, Attribute attribute) {
        if (pieces.size() == 1) {
            QSequence only = pieces.get(0);
            if (type == null && only instanceof QList l) {
                return l.attribute() == attribute ? l : l.withAttribute(attribute);
            }
            if (type != null && only.type() == type) {
                return only.attribute() == attribute ? only : ((QVector) only).withAttribute(attribute);
            }
        }
        int n = 0;
        for (QSequence p : pieces) {
            n += p.count();
        }
        if (type == null) {
            QValue[] items = new QValue[n];
            int at = 0;
            for (QSequence p : pieces) {
                for (int i = 0, c = p.count(); i < c; i++) {
                    items[at++] = p.at(i);
                }
            }
            return QList.wrap(items, attribute);
        }
        switch (type) {
            case BOOLEAN: {
                boolean[] out = new boolean[n];
                int at = 0;
                for (QSequence p : pieces) {
                    boolean[] a = ((QBooleanVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return QBooleanVector.wrap(out, attribute);
            }
            case BYTE:
            case CHAR: {
                byte[] out = new byte[n];
                int at = 0;
                for (QSequence p : pieces) {
                    byte[] a = p instanceof QByteVector b ? b.array() : ((QCharVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return type == QType.BYTE ? QByteVector.wrap(out, attribute) : QCharVector.wrap(out, attribute);
            }
            case SHORT: {
                short[] out = new short[n];
                int at = 0;
                for (QSequence p : pieces) {
                    short[] a = ((QShortVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return QShortVector.wrap(out, attribute);
            }
            case REAL: {
                float[] out = new float[n];
                int at = 0;
                for (QSequence p : pieces) {
                    float[] a = ((QRealVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return QRealVector.wrap(out, attribute);
            }
            case SYMBOL: {
                String[] out = new String[n];
                int at = 0;
                for (QSequence p : pieces) {
                    String[] a = ((QSymbolVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return QSymbolVector.wrap(out, attribute);
            }
            case GUID: {
                UUID[] out = new UUID[n];
                int at = 0;
                for (QSequence p : pieces) {
                    UUID[] a = ((QGuidVector) p).array();
                    System.arraycopy(a, 0, out, at, a.length);
                    at += a.length;
                }
                return QGuidVector.wrap(out, attribute);
            }
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME: {
                int[] out = new int[n];
                int at = 0;
                for (QSequence p : pieces) {
                    IntBackedVector v = (IntBackedVector) p;
                    v.buffer().get(out, at, v.count());
                    at += v.count();
                }
                return QVectors.wrapInts(type, out, attribute);
            }
            case LONG: case TIMESTAMP: case TIMESPAN: {
                long[] out = new long[n];
                int at = 0;
                for (QSequence p : pieces) {
                    LongBackedVector v = (LongBackedVector) p;
                    v.buffer().get(out, at, v.count());
                    at += v.count();
                }
                return QVectors.wrapLongs(type, out, attribute);
            }
            case FLOAT: case DATETIME: {
                double[] out = new double[n];
                int at = 0;
                for (QSequence p : pieces) {
                    DoubleBackedVector v = (DoubleBackedVector) p;
                    v.buffer().get(out, at, v.count());
                    at += v.count();
                }
                return QVectors.wrapDoubles(type, out, attribute);
            }
            default:
                throw new IllegalArgumentException("not a vector type: " + type);
        }
    }
}
