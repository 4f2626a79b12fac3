package dev.q4j.hdb;

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
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One column made of the same column's parts in several partitions, as q joins them (attributes dropped). */
final class Concat {
    private Concat() {
    }

    static QSequence of(String column, List<QSequence> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        QSequence first = parts.get(0);
        int n = 0;
        for (QSequence p : parts) {
            if (p.type() != first.type()) {
                throw new IllegalStateException("column " + column + " is " + first.type() + " in one partition and "
                        + p.type() + " in another");
            }
            n = Math.addExact(n, p.count());
        }
        int at = 0;
        if (first instanceof IntBackedVector) {
            int[] out = new int[n];
            for (QSequence p : parts) {
                int[] a = ((IntBackedVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QVectors.wrapInts(first.type(), out, Attribute.NONE);
        }
        if (first instanceof LongBackedVector) {
            long[] out = new long[n];
            for (QSequence p : parts) {
                long[] a = ((LongBackedVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QVectors.wrapLongs(first.type(), out, Attribute.NONE);
        }
        if (first instanceof DoubleBackedVector) {
            double[] out = new double[n];
            for (QSequence p : parts) {
                double[] a = ((DoubleBackedVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QVectors.wrapDoubles(first.type(), out, Attribute.NONE);
        }
        return others(first, parts, n);
    }

    private static QSequence others(QSequence first, List<QSequence> parts, int n) {
        int at = 0;
        if (first instanceof QSymbolVector) {
            String[] out = new String[n];
            for (QSequence p : parts) {
                for (int i = 0; i < p.count(); i++) {
                    out[at++] = ((QSymbolVector) p).get(i);
                }
            }
            return QSymbolVector.wrap(out);
        }
        if (first instanceof QBooleanVector) {
            boolean[] out = new boolean[n];
            for (QSequence p : parts) {
                boolean[] a = ((QBooleanVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QBooleanVector.wrap(out);
        }
        if (first instanceof QByteVector || first instanceof QCharVector) {
            byte[] out = new byte[n];
            for (QSequence p : parts) {
                byte[] a = p instanceof QByteVector b ? b.array() : ((QCharVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return first instanceof QByteVector ? QByteVector.wrap(out) : QCharVector.wrap(out);
        }
        if (first instanceof QShortVector) {
            short[] out = new short[n];
            for (QSequence p : parts) {
                short[] a = ((QShortVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QShortVector.wrap(out);
        }
        if (first instanceof QRealVector) {
            float[] out = new float[n];
            for (QSequence p : parts) {
                float[] a = ((QRealVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QRealVector.wrap(out);
        }
        if (first instanceof QGuidVector) {
            UUID[] out = new UUID[n];
            for (QSequence p : parts) {
                UUID[] a = ((QGuidVector) p).array();
                System.arraycopy(a, 0, out, at, a.length);
                at += a.length;
            }
            return QGuidVector.wrap(out);
        }
        List<QValue> items = new ArrayList<>(n);
        for (QSequence p : parts) {
            for (int i = 0; i < p.count(); i++) {
                items.add(p.at(i));
            }
        }
        return QList.of(items);
    }
}
