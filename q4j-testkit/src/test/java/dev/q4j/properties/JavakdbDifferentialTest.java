package dev.q4j.properties;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.interop.JavakdbModel;
import dev.q4j.testkit.generators.QArbitraries;
import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QFunction;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Differential tests against KX's Java interface (javakdb 2.0), which writes big-endian: random values of every
 * type it supports, q4j's little-endian bytes decoded by javakdb, and javakdb's big-endian bytes (plain and
 * compressed) decoded by q4j.
 */
class JavakdbDifferentialTest {
    private final Encoder encoder = new Encoder();
    private final Decoder decoder = new Decoder();

    @BeforeContainer
    static void utf8() throws Exception {
        c.setEncoding("UTF-8");
    }

    @Provide
    Arbitrary<QValue> javakdbValues() {
        return QArbitraries.values().map(JavakdbDifferentialTest::javakdbDomain);
    }

    @Property(tries = 1500)
    void javakdbDecodesWhatQ4jEncodes(@ForAll("javakdbValues") QValue value, @ForAll boolean compress)
            throws Exception {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, value, compress ? Compression.ALWAYS : Compression.NEVER);
        Object theirs = new c().deserialize(bytes);
        Object expected = JavakdbModel.view(value);
        assertThat(JavakdbModel.same(expected, theirs))
                .as("%s: javakdb saw %s, expected %s", value, JavakdbModel.describe(theirs),
                        JavakdbModel.describe(expected))
                .isTrue();
    }

    @Property(tries = 1500)
    void q4jDecodesWhatJavakdbEncodesBigEndian(@ForAll("javakdbValues") QValue value, @ForAll boolean zip)
            throws Exception {
        byte[] bytes = new c().serialize(2, JavakdbModel.view(value), zip);
        assertThat(bytes[0]).as("javakdb 2.0 writes big-endian").isZero();
        QMessage m = decoder.decode(bytes);
        assertThat(m.order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(m.type()).isEqualTo(MessageType.RESPONSE);
        assertThat(m.value()).isEqualTo(value);
        // in place, the big-endian items are read where they lie, and still give the same value
        QValue inPlace = decoder.decodeInPlace(bytes).value();
        assertThat(inPlace).isEqualTo(value);
        assertThat(inPlace.hashCode()).isEqualTo(value.hashCode());
        assertThat(inPlace.toString()).isEqualTo(value.toString());
    }

    /**
     * Maps a value onto what javakdb can hold exactly: no attributes, functions, errors or 127, times within a day,
     * NaNs of Java's one bit pattern (javakdb writes floats through floatToIntBits)...
     */
    static QValue javakdbDomain(QValue v) {
        if (v instanceof QFunction || v.isGenericNull() || v instanceof QError) {
            return QLong.of(v.hashCode());
        }
        if (v instanceof QAtom a) {
            if (a instanceof QReal r) {
                return Float.isNaN(r.value()) ? QReal.of(Float.NaN) : r;
            }
            if (a instanceof QFloat f) {
                return Double.isNaN(f.value()) ? QFloat.of(Double.NaN) : f;
            }
            if (a instanceof QChar ch) {
                return new QChar((byte) (ch.value() & 0x7F));
            }
            if (a instanceof QTime t) {
                return t.isNull() ? t : QTime.of(Math.floorMod(t.millis(), 86_400_000));
            }
            if (a instanceof QDatetime z) {
                return QDatetime.of(millisExact(z.days()));
            }
            return a;
        }
        if (v instanceof QVector vec) {
            QVector plain = vec.withAttribute(Attribute.NONE);
            if (plain instanceof QRealVector r) {
                float[] f = r.toArray();
                for (int i = 0; i < f.length; i++) {
                    f[i] = Float.isNaN(f[i]) ? Float.NaN : f[i];
                }
                return QRealVector.wrap(f);
            }
            if (plain instanceof QFloatVector x) {
                double[] d = x.toArray();
                for (int i = 0; i < d.length; i++) {
                    d[i] = Double.isNaN(d[i]) ? Double.NaN : d[i];
                }
                return QFloatVector.wrap(d);
            }
            if (plain instanceof QTimeVector t) {
                int[] ms = t.toArray();
                for (int i = 0; i < ms.length; i++) {
                    ms[i] = ms[i] == Integer.MIN_VALUE ? ms[i] : Math.floorMod(ms[i], 86_400_000);
                }
                return QTimeVector.wrap(ms);
            }
            if (plain instanceof QDatetimeVector z) {
                double[] d = z.toArray();
                for (int i = 0; i < d.length; i++) {
                    d[i] = millisExact(d[i]);
                }
                return QDatetimeVector.wrap(d);
            }
            if (plain instanceof QCharVector s) {
                // javakdb turns strings into Java text: keep them valid UTF-8
                byte[] b = s.toArray();
                for (int i = 0; i < b.length; i++) {
                    b[i] &= 0x7F;
                }
                return QCharVector.of(new String(b, StandardCharsets.US_ASCII));
            }
            return plain;
        }
        if (v instanceof QList l) {
            List<QValue> items = new ArrayList<>();
            for (int i = 0; i < l.count(); i++) {
                items.add(javakdbDomain(l.at(i)));
            }
            return QList.of(items);
        }
        if (v instanceof QDict d) {
            return QDict.of(javakdbDomain(d.keys()), javakdbDomain(d.values()));
        }
        if (v instanceof QTable t) {
            List<QValue> cols = new ArrayList<>();
            for (QSequence col : t.columns()) {
                cols.add(javakdbDomain(col));
            }
            return QTable.of(t.columnNames(), cols);
        }
        if (v instanceof QKeyedTable k) {
            return QKeyedTable.of((QTable) javakdbDomain(k.keys()), (QTable) javakdbDomain(k.values()));
        }
        return v;
    }

    /** javakdb holds datetimes as LocalDateTime to the millisecond: finite values of whole milliseconds only. */
    private static double millisExact(double days) {
        if (Double.isNaN(days)) {
            return Double.NaN;
        }
        double bounded = Double.isInfinite(days) || Math.abs(days) > 1e6 ? days % 1000 : days;
        if (Double.isNaN(bounded)) {
            bounded = 0;
        }
        return Math.round(bounded * 86_400_000d) / 86_400_000d;
    }
}
