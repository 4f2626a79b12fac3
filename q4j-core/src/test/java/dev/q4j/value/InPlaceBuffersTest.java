package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Vectors read in place from buffers ({@link QVectors#inPlace(QType, List, int, Attribute)}): one buffer, as a file
 * mapped in memory, or several, as a file over 2 GB is mapped; they read, copy, compare and encode as vectors over
 * arrays of the same items.
 */
class InPlaceBuffersTest {

    /** {@code n} longs 0, 10, 20, ... split into buffers of {@code per} items (the last may hold fewer) */
    private static List<ByteBuffer> longs(int n, int per, ByteOrder order, boolean direct) {
        List<ByteBuffer> out = new ArrayList<>();
        for (int start = 0; start < n; start += per) {
            int k = Math.min(per, n - start);
            int size = 8 + 8 * k;
            ByteBuffer b = (direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size)).order(order);
            b.putLong(-1); // bytes before the items: the buffer's position skips them
            for (int i = 0; i < k; i++) {
                b.putLong(10L * (start + i));
            }
            b.flip().position(8);
            out.add(b);
        }
        return out;
    }

    private static long[] expected(int n) {
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            v[i] = 10L * i;
        }
        return v;
    }

    @Test
    void oneBufferReadsInPlaceInEitherByteOrder() {
        for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
            QLongVector v = (QLongVector) QVectors.inPlace(QType.LONG, longs(5, 8, order, true), 5, Attribute.NONE);
            assertThat(v.count()).isEqualTo(5);
            assertThat(v.get(4)).isEqualTo(40);
            assertThat(v.toArray()).containsExactly(expected(5));
            assertThat(v.array()).containsExactly(expected(5));
            assertThat(v).isEqualTo(QLongVector.of(expected(5)));
            long[] viaBuffer = new long[5];
            v.buffer().get(viaBuffer);
            assertThat(viaBuffer).containsExactly(expected(5));
        }
    }

    @Test
    void severalBuffersReadAcrossTheirBoundaries() {
        QLongVector v = (QLongVector) QVectors.inPlace(QType.LONG, longs(19, 4, ByteOrder.LITTLE_ENDIAN, false), 19,
                Attribute.SORTED);
        for (int i = 0; i < 19; i++) {
            assertThat(v.get(i)).as("item %d", i).isEqualTo(10L * i);
        }
        assertThat(v.toArray()).containsExactly(expected(19));
        long[] viaBuffer = new long[19];
        v.buffer().get(viaBuffer);
        assertThat(viaBuffer).containsExactly(expected(19));
        assertThat(v.attribute()).isEqualTo(Attribute.SORTED);
        assertThat(new Encoder().encode(MessageType.ASYNC, v))
                .isEqualTo(new Encoder().encode(MessageType.ASYNC, QLongVector.wrap(expected(19), Attribute.SORTED)));
    }

    @Test
    void intsAndDoublesReadFromSeveralBuffers() {
        List<ByteBuffer> parts = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < (p < 2 ? 4 : 2); i++) {
                b.putInt(p * 4 + i);
            }
            parts.add(b.flip());
        }
        QDateVector d = (QDateVector) QVectors.inPlace(QType.DATE, parts, 10, Attribute.NONE);
        assertThat(d.toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        ByteBuffer f = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN).putDouble(1.5).putDouble(-2).flip();
        QFloatVector x = (QFloatVector) QVectors.inPlace(QType.FLOAT, List.of(f), 2, Attribute.NONE);
        assertThat(x.toArray()).containsExactly(1.5, -2.0);
    }

    @Test
    void buffersNotLaidOutAsDocumentedAreRefused() {
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, longs(9, 3, ByteOrder.LITTLE_ENDIAN, false), 9,
                Attribute.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("power of two");
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, longs(8, 4, ByteOrder.LITTLE_ENDIAN, false), 9,
                Attribute.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 9");
        List<ByteBuffer> mixed = new ArrayList<>(longs(4, 4, ByteOrder.LITTLE_ENDIAN, false));
        mixed.addAll(longs(4, 4, ByteOrder.BIG_ENDIAN, false));
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, mixed, 8, Attribute.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIG_ENDIAN");
        List<ByteBuffer> longerLast = new ArrayList<>(longs(4, 4, ByteOrder.LITTLE_ENDIAN, false));
        longerLast.addAll(longs(8, 8, ByteOrder.LITTLE_ENDIAN, false));
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, longerLast, 12, Attribute.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 4 items");
        assertThatThrownBy(() -> QVectors.inPlace(QType.SHORT, longs(4, 4, ByteOrder.LITTLE_ENDIAN, false), 4,
                Attribute.NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, List.of(ByteBuffer.allocate(16).putLong(2).putLong(1)
                .flip()), 2, Attribute.SORTED)).isInstanceOf(IllegalArgumentException.class);
    }
}
