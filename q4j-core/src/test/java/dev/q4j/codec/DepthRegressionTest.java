package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.Hex;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QList;
import dev.q4j.value.QProjection;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: nesting depth is carried by each value, not recomputed at each level, so decoding costs memory in
 * proportion to the message for every shape; and a value one level too deep for the limit fails as a protocol error,
 * not with the value model's {@code IllegalArgumentException}. Messages are built by hand from the wire format.
 */
class DepthRegressionTest {
    /**
     * {@code com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes}, by reflection: the core module reads
     * only {@code java.base}, and its tests run inside it.
     */
    static long allocated() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                    long.class);
            return (Long) m.invoke(bean, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("this JVM does not count allocation per thread", e);
        }
    }

    /** @return the fewest bytes this thread allocated in one of a few decodes of {@code message} */
    private static long allocatedByDecode(Decoder decoder, byte[] message) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long before = allocated();
            decoder.decode(message);
            fewest = Math.min(fewest, allocated() - before);
        }
        return fewest;
    }

    /** a little-endian sync message around {@code body} */
    private static byte[] message(byte[] body) {
        return ByteBuffer.allocate(8 + body.length).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 1).put((byte) 1).put((byte) 0).put((byte) 0).putInt(8 + body.length).put(body).array();
    }

    @Test
    void theIssuesTwoHundredFourByteChainOfDerivedFunctionsAllocatesKilobytesNotAMegabyte() {
        // 194 nested over (/, type 107) around the boolean atom 0b: 1.5 MB allocated per decode before
        byte[] m = Hex.hex("01020000cc000000" + "6b".repeat(194) + "ff00");
        assertThat(m).hasSize(204);
        QValue v = new Decoder().decode(m).value();
        assertThat(v.depth()).isEqualTo(194);
        assertThat(allocatedByDecode(new Decoder(), m)).isLessThan(32 * 1024);
    }

    @Test
    void aMegabyteOfDeepDerivedFunctionChainsAllocatesInProportionToItsSize() {
        // a general list of 4,000 chains, each 255 derived functions deep around a boolean atom: 1 MB; each level
        // recomputed the depth of all the levels below it, 2.8 GB allocated per decode (the issue's figure)
        int chains = 4000;
        int deep = 255;
        ByteBuffer body = ByteBuffer.allocate(6 + chains * (deep + 2)).order(ByteOrder.LITTLE_ENDIAN);
        body.put((byte) 0).put((byte) 0).putInt(chains);
        for (int c = 0; c < chains; c++) {
            for (int d = 0; d < deep; d++) {
                body.put((byte) (106 + c % 6));
            }
            body.put((byte) -1).put((byte) 1);
        }
        byte[] m = message(body.array());
        QList v = (QList) new Decoder().decode(m).value();
        assertThat(v.count()).isEqualTo(chains);
        assertThat(v.depth()).isEqualTo(deep + 1);
        // a derived function is 1 byte on the wire and an object of 24 bytes (with compressed references)
        assertThat(allocatedByDecode(new Decoder(), m)).isLessThan(40L * m.length);
    }

    @Test
    void deepChainsOfProjectionsAndCompositionsAllocateInProportionToTheirSize() {
        // 240 levels alternating a projection and a composition of one item each, around the boolean atom 1b
        int deep = 240;
        ByteBuffer body = ByteBuffer.allocate(deep * 5 + 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int d = 0; d < deep; d++) {
            body.put((byte) (d % 2 == 0 ? 104 : 105)).putInt(1);
        }
        body.put((byte) -1).put((byte) 1);
        byte[] m = message(body.array());
        QValue v = new Decoder().decode(m).value();
        assertThat(v).isInstanceOf(QProjection.class);
        assertThat(v.depth()).isEqualTo(deep);
        assertThat(allocatedByDecode(new Decoder(), m)).isLessThan(64 * 1024);
    }

    @Test
    void buildingAChainOfDerivedFunctionsCostsTimeInProportionToItsLength() {
        // counted, not timed: the allocation of 999 constructions, each of which used to walk the whole chain below
        long before = allocated();
        QValue v = QBoolean.of(true);
        for (int d = 1; d < 1000; d++) {
            v = d % 3 == 0 ? QProjection.of(v) : d % 3 == 1 ? QComposition.of(v) : QDerivedFunction.of(QType.EACH, v);
            assertThat(v.depth()).isEqualTo(d);
        }
        long allocated = allocated() - before;
        assertThat(allocated).isLessThan(1L << 20);
        // a list between two derived functions: the depth passes through it
        assertThat(QDerivedFunction.of(QType.OVER, QList.of(QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(1))))
                .depth()).isEqualTo(3);
    }

    @Test
    void thousandNestedDerivedFunctionsAroundAnEmptyListFailAsAProtocolErrorAtTheLimit() {
        // the issue's message: 1,000 each (') around the empty general list, 1,001 levels in all
        byte[] m = Hex.hex("01020000f6030000" + "6a".repeat(1000) + "000000000000");
        for (DecodeLimits limits : new DecodeLimits[] {DecodeLimits.UNLIMITED,
                DecodeLimits.DEFAULT.withMaxDepth(1000)}) {
            assertThatThrownBy(() -> new Decoder(limits).decode(m)).isInstanceOf(QProtocolException.class)
                    .hasMessageContaining("nesting deeper than 1000 levels")
                    .satisfies(e -> assertThat(((QProtocolException) e).offset()).isEqualTo(1008));
        }
        // one level less is the deepest value there is, and decodes
        byte[] ok = Hex.hex("01020000f5030000" + "6a".repeat(999) + "000000000000");
        assertThat(new Decoder(DecodeLimits.UNLIMITED).decode(ok).value().depth()).isEqualTo(1000);
    }

    @Test
    void thousandAndOneNestedListsFailAsAProtocolErrorAtTheLimit() {
        // 1,000 one-item general lists around an empty one
        String oneItem = "000001000000";
        byte[] m = Hex.hex("01020000" + Hex.hex(le(8 + 6 * 1001)) + oneItem.repeat(1000) + "000000000000");
        assertThatThrownBy(() -> new Decoder(DecodeLimits.UNLIMITED).decode(m)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("nesting deeper than 1000 levels")
                .satisfies(e -> assertThat(((QProtocolException) e).offset()).isEqualTo(8 + 6 * 1000));
        byte[] ok = Hex.hex("01020000" + Hex.hex(le(8 + 6 * 1000)) + oneItem.repeat(999) + "000000000000");
        assertThat(new Decoder(DecodeLimits.UNLIMITED).decode(ok).value().depth()).isEqualTo(1000);
        // with a lower limit, the same: one list too many is a protocol error at that list
        byte[] eleven = Hex.hex("01020000" + Hex.hex(le(8 + 6 * 11)) + oneItem.repeat(10) + "000000000000");
        assertThatThrownBy(() -> new Decoder(DecodeLimits.DEFAULT.withMaxDepth(10)).decode(eleven))
                .isInstanceOf(QProtocolException.class).hasMessageContaining("nesting deeper than 10 levels");
    }

    private static byte[] le(int n) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(n).array();
    }
}
