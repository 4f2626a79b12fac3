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
import dev.q4j.value.QVectors;
import java.util.Arrays;

/** Copies a range of a list: the items of one row of a nested column. */
final class Slice {
    private Slice() {
    }

    /**
     * {@return the items {@code from..to}, without attribute}
     *
     * @param list a vector of {@code type}, or a general list when {@code type} is {@code null}
     * @param type the list's type, or {@code null}
     * @param from the first item
     * @param to after the last item
     */
    static QSequence of(QSequence list, QType type, int from, int to) {
        if (type == null) {
            QValue[] items = new QValue[to - from];
            for (int i = from; i < to; i++) {
                items[i - from] = list.at(i);
            }
            return QList.wrap(items, Attribute.NONE);
        }
        switch (type) {
            case BOOLEAN: return QBooleanVector.wrap(Arrays.copyOfRange(((QBooleanVector) list).array(), from, to));
            case BYTE: return QByteVector.wrap(Arrays.copyOfRange(((QByteVector) list).array(), from, to));
            case CHAR: return QCharVector.wrap(Arrays.copyOfRange(((QCharVector) list).array(), from, to));
            case SHORT: return QShortVector.wrap(Arrays.copyOfRange(((QShortVector) list).array(), from, to));
            case REAL: return QRealVector.wrap(Arrays.copyOfRange(((QRealVector) list).array(), from, to));
            case SYMBOL: return QSymbolVector.wrap(Arrays.copyOfRange(((QSymbolVector) list).array(), from, to));
            case GUID: return QGuidVector.wrap(Arrays.copyOfRange(((QGuidVector) list).array(), from, to));
            case INT: case MONTH: case DATE: case MINUTE: case SECOND: case TIME:
                return QVectors.wrapInts(type, Arrays.copyOfRange(((IntBackedVector) list).array(), from, to),
                        Attribute.NONE);
            case LONG: case TIMESTAMP: case TIMESPAN:
                return QVectors.wrapLongs(type, Arrays.copyOfRange(((LongBackedVector) list).array(), from, to),
                        Attribute.NONE);
            case FLOAT: case DATETIME:
                return QVectors.wrapDoubles(type, Arrays.copyOfRange(((DoubleBackedVector) list).array(), from, to),
                        Attribute.NONE);
            default:
                throw new IllegalArgumentException("not a vector type: " + type);
        }
    }
}
