package dev.q4j.arrow;

import dev.q4j.value.Attribute;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestampVector;
import java.util.List;
import java.util.UUID;

/** Tables with a column of every type, their nulls and infinities, shared by the tests. */
final class Tables {
    static final long NS_PER_DAY = 86_400_000_000_000L;
    static final UUID GUID = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");

    private Tables() {
    }

    /**
     * Four rows: ordinary values; the nulls; the infinities (where q has them); more ordinary values, negative
     * times among them.
     */
    static QTable everyType() {
        int nullI = Integer.MIN_VALUE;
        int inf = Integer.MAX_VALUE;
        long nullJ = Long.MIN_VALUE;
        long infJ = Long.MAX_VALUE;
        return QTable.of(List.of("b", "g", "x", "h", "i", "j", "e", "f", "c", "s", "p", "m", "d", "z", "n", "u",
                        "v", "t", "str", "nested", "strs"),
                List.of(QBooleanVector.of(true, false, true, false),
                        QGuidVector.of(GUID, new UUID(0, 0), new UUID(-1, -1), new UUID(1, 2)),
                        QByteVector.of((byte) 0, (byte) 0x7f, (byte) 0x80, (byte) 0xff),
                        QShortVector.of((short) 1, Short.MIN_VALUE, Short.MAX_VALUE, (short) -Short.MAX_VALUE),
                        QIntVector.of(1, nullI, inf, -inf),
                        // u#: these items are not sorted, and s# on them is refused since issue 13
                        QLongVector.of(1, nullJ, infJ, -infJ).withAttribute(Attribute.UNIQUE),
                        QRealVector.of(1.5f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY),
                        QFloatVector.of(2.25, Double.NaN, Double.POSITIVE_INFINITY, -0.0),
                        QCharVector.of("a b~"),
                        QSymbolVector.of("IBM", "", "MSFT", "IBM").withAttribute(Attribute.GROUPED),
                        QTimestampVector.of(8767 * NS_PER_DAY + 123_456_789L, nullJ, infJ, -infJ),
                        QMonthVector.of(291, nullI, inf, -1),
                        QDateVector.of(8767, nullI, -inf, -10957),
                        QDatetimeVector.of(8767.5, Double.NaN, Double.POSITIVE_INFINITY, -1.25),
                        QTimespanVector.of(3_600_000_000_123L, nullJ, -infJ, -1),
                        QMinuteVector.of(570, nullI, inf, -90),
                        QSecondVector.of(34_200, nullI, inf, 90_000),
                        QTimeVector.of(34_200_123, nullI, -inf, -1),
                        QList.of(QCharVector.of("hello"), QCharVector.of(""), QCharVector.of("wörld"),
                                QCharVector.of(" ")),
                        QList.of(QLongVector.of(1, 2, 3), QLongVector.EMPTY, QLongVector.of(nullJ),
                                QLongVector.of(4)).withAttribute(Attribute.PARTED),
                        QList.of(QList.of(QCharVector.of("a"), QCharVector.of("bc")), QList.EMPTY,
                                QList.of(QCharVector.of("")), QList.of(QCharVector.of("d")))));
    }
}
