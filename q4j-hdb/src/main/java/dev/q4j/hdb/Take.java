package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QVectors;
import java.util.UUID;

/** Some rows of a column, in a given order: the columns of one partition of a table being written. */
final class Take {
    private Take() {
    }

    /** {@return the rows {@code at} of {@code c}}, with no attribute */
    static QSequence rows(QSequence c, int[] at, String name) {
        int n = at.length;
        if (c instanceof IntBackedVector v) {
            int[] out = new int[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QVectors.wrapInts(c.type(), out, Attribute.NONE);
        } else if (c instanceof LongBackedVector v) {
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QVectors.wrapLongs(c.type(), out, Attribute.NONE);
        } else if (c instanceof DoubleBackedVector v) {
            double[] out = new double[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QVectors.wrapDoubles(c.type(), out, Attribute.NONE);
        } else if (c instanceof QSymbolVector v) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QSymbolVector.wrap(out);
        } else if (c instanceof QRealVector v) {
            float[] out = new float[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QRealVector.wrap(out);
        } else if (c instanceof QShortVector v) {
            short[] out = new short[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QShortVector.wrap(out);
        } else if (c instanceof QBooleanVector v) {
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QBooleanVector.wrap(out);
        } else if (c instanceof QByteVector v) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QByteVector.wrap(out);
        } else if (c instanceof QCharVector v) {
            byte[] out = new byte[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QCharVector.wrap(out);
        } else if (c instanceof QGuidVector v) {
            UUID[] out = new UUID[n];
            for (int i = 0; i < n; i++) {
                out[i] = v.get(at[i]);
            }
            return QGuidVector.wrap(out);
        }
        throw new IllegalArgumentException("column " + name + " is a " + c.type() + ": writing it to a partition is"
                + " not supported yet");
    }
}
