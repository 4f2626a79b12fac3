package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Value-model problems found in review, each kept fixed. */
class ReviewValueRegressionTest {

    @Test
    void datetimeInfinitiesHaveNoInstantRatherThanAWrongOne() {
        assertThatThrownBy(QDatetime.INFINITY::toInstant).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("infinity");
        assertThatThrownBy(QDatetime.NEGATIVE_INFINITY::toLocalDateTime).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> QDatetime.of(1e300).toInstant()).isInstanceOf(DateTimeException.class);
        assertThat(QDatetime.of(-3.234).toInstant()).isEqualTo(Instant.parse("1999-12-28T18:23:02.400Z"));
    }

    @Test
    void timestampsNearTheLowerBoundConvertBothWays() {
        // the ends of the finite range (0Wp and -0Wp have no instant since issue 13: see TemporalRangeTest)
        for (long nanos : new long[] {-Long.MAX_VALUE + 1, Long.MIN_VALUE + 5, -1, 0, Long.MAX_VALUE - 1}) {
            assertThat(QTimestamp.of(QTemporal.instantOfTimestamp(nanos)).nanos()).isEqualTo(nanos);
        }
    }

    @Test
    void nestingIsBoundedAtConstructionSoNothingOverflowsAStack() throws Exception {
        QValue v = QLong.of(1);
        for (int i = 0; i < QValue.MAX_DEPTH; i++) {
            v = QList.of(v);
        }
        QValue deepest = v;
        assertThat(deepest.depth()).isEqualTo(QValue.MAX_DEPTH);
        assertThatThrownBy(() -> QList.of(deepest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nest at most 1000 levels");
        assertThatThrownBy(() -> QProjection.of(QLambda.of("{x}"), deepest))
                .isInstanceOf(IllegalArgumentException.class);
        // the deepest allowed value prints, hashes, compares, encodes and decodes on a 1 MiB stack (the JVM default for new threads)
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                byte[] bytes = new Encoder().encode(MessageType.ASYNC, deepest);
                QValue back = new Decoder(dev.q4j.codec.DecodeLimits.UNLIMITED).decode(bytes).value();
                result[0] = back.equals(deepest) && back.hashCode() == deepest.hashCode()
                        && deepest.toString().startsWith(",,,") ? "ok" : "mismatch";
            } catch (RuntimeException | Error e) {
                result[0] = e;
            }
        }, "small-stack", 1024 * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isEqualTo("ok");
    }

    @Test
    void tableNamesCannotBeChangedThroughTheApi() {
        QTable t = QTable.of(List.of("a", "b"), List.of(QLongVector.of(1), QLongVector.of(2)));
        t.namesVector().array()[1] = "a";
        assertThat(t.columnNames()).containsExactly("a", "b");
    }

    @Test
    void aDictionaryOfTwoTablesMustBeAKeyedTable() {
        QTable k = QTable.of(List.of("k"), List.of(QLongVector.of(1)));
        QTable v = QTable.of(List.of("v"), List.of(QLongVector.of(2)));
        assertThatThrownBy(() -> QDict.of(k, v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QKeyedTable");
    }

    @Test
    void vectorsRefuseANullArray() {
        assertThatThrownBy(() -> QRealVector.wrap(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> QLongVector.wrap(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void lossLessUtf8() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
        String s = QUtf8.decode(latin1, 0, latin1.length);
        assertThat(s).isEqualTo("caf\uDCE9");
        assertThat(QUtf8.encode(s)).isEqualTo(latin1);
        assertThat(QUtf8.encode("caf\u00e9")).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9});
        assertThat(QUtf8.decode(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, 0, 4))
                .isEqualTo("\uD83D\uDE00");
        // an encoded surrogate (ED A0 80) is not valid UTF-8: each byte is kept
        byte[] encodedSurrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThat(QUtf8.encode(QUtf8.decode(encodedSurrogate, 0, 3))).isEqualTo(encodedSurrogate);
        assertThatThrownBy(() -> QUtf8.encode("a\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate U+D800");
    }
}
