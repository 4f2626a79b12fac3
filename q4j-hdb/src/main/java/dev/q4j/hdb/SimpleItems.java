package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QType;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/** Items of a simple type laid out as kdb+ lays them out in memory and on disk: little-endian, GUIDs as 16 bytes. */
final class SimpleItems {
    private SimpleItems() {
    }

    /**
     * {@return the vector of the {@code n} items at {@code at} of a file}: read in place from the mapped file (or
     * its uncompressed bytes) for the types of 4 and 8 bytes, copied for the others (the value model holds those in
     * arrays)
     */
    static QVector vector(QType type, RawFile f, long at, int n, Attribute attribute) {
        int width = type.width();
        if (width == 4 && type != QType.REAL || width == 8) {
            try {
                return QVectors.inPlace(type, f.items(at, n, width), n, attribute);
            } catch (IllegalArgumentException e) {
                throw new HdbException(f.path, at, "the items contradict their attribute " + attribute + ": "
                        + e.getMessage(), e);
            }
        }
        if ((long) n * width > Integer.MAX_VALUE - 8) {
            throw new HdbException(f.path, at, n + " items of " + width + " bytes: more than an array holds");
        }
        return vector(type, f.region(at, n * width), 0, n, attribute, f.path, at);
    }

    /**
     * {@return the vector of the {@code n} items at {@code at} of {@code b}}: read in place (no copy) for the types
     * of 4 and 8 bytes, copied for the others (the value model holds those in arrays); errors name offsets as
     * {@code base + } the offset in {@code b}
     */
    static QVector vector(QType type, byte[] b, int at, int n, Attribute attribute, Path file, long base) {
        try {
            switch (type) {
                case BOOLEAN: {
                    boolean[] v = new boolean[n];
                    for (int i = 0; i < n; i++) {
                        int x = b[at + i];
                        if (x != 0 && x != 1) {
                            throw new HdbException(file, base + at + i, "boolean byte " + x + " is neither 0 nor 1");
                        }
                        v[i] = x == 1;
                    }
                    return QBooleanVector.wrap(v, attribute);
                }
                case GUID: {
                    ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
                    UUID[] v = new UUID[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = new UUID(bb.getLong(at + 16 * i), bb.getLong(at + 16 * i + 8));
                    }
                    return QGuidVector.wrap(v, attribute);
                }
                case BYTE:
                    return QByteVector.wrap(Arrays.copyOfRange(b, at, at + n), attribute);
                case CHAR:
                    return QCharVector.wrap(Arrays.copyOfRange(b, at, at + n), attribute);
                case SHORT: {
                    short[] v = new short[n];
                    ByteBuffer.wrap(b, at, 2 * n).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(v);
                    return QShortVector.wrap(v, attribute);
                }
                case REAL: {
                    float[] v = new float[n];
                    ByteBuffer.wrap(b, at, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                    return QRealVector.wrap(v, attribute);
                }
                default:
                    return QVectors.inPlace(type, b, at, n, ByteOrder.LITTLE_ENDIAN, attribute);
            }
        } catch (IllegalArgumentException e) {
            throw new HdbException(file, base + at, "the items contradict their attribute " + attribute + ": "
                    + e.getMessage(), e);
        }
    }
}
