package dev.q4j.value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Items of 4 or 8 bytes read in place from a byte array, in either byte order: the storage of a vector decoded
 * without copying, whose items stay in the received message. Or read in place from buffers, such as a file mapped in
 * memory in parts of at most 2 GB (a Java buffer's limit): every part but the last holds the same number of items, a
 * power of two, so an item's part is its index shifted. Checked once, when made; the array or buffers are shared and
 * their owner must not modify them.
 */
final class ByteView {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** the array holding the items, or null when they are in {@link #parts} */
    private final byte[] bytes;
    /** the buffers holding the items (each from index 0, in the items' byte order), or null for {@link #bytes} */
    private final ByteBuffer[] parts;
    /** log2 of the items in each part but the last (31 for one part) */
    private final int shift;
    private final int offset;
    private final int count;
    private final boolean bigEndian;
    /** the items copied into an array by {@link #copyOnce}: at most one copy per view, shared by its vectors */
    private volatile Object copied;
    private static final VarHandle COPIED;

    static {
        try {
            COPIED = MethodHandles.lookup().findVarHandle(ByteView.class, "copied", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * @param bytes the array holding the items
     * @param offset where the first item starts
     * @param count how many items
     * @param width each item's size, 4 or 8
     * @param order the byte order of the items
     * @throws IndexOutOfBoundsException when the items do not lie within {@code bytes}
     */
    ByteView(byte[] bytes, int offset, int count, int width, ByteOrder order) {
        this.bytes = Objects.requireNonNull(bytes, "bytes");
        if (count < 0 || offset < 0 || (long) count * width > bytes.length - (long) offset) {
            throw new IndexOutOfBoundsException(count + " items of " + width + " bytes from offset " + offset
                    + " do not fit in an array of " + bytes.length + " bytes");
        }
        this.offset = offset;
        this.count = count;
        this.bigEndian = Objects.requireNonNull(order, "order") == ByteOrder.BIG_ENDIAN;
        this.parts = null;
        this.shift = 0;
    }

    /**
     * @param buffers the buffers holding the items, each from its position to its limit in its own byte order (all
     *     alike); every one but the last holds the same number of items, a power of two
     * @param count how many items
     * @param width each item's size, 4 or 8
     * @throws IllegalArgumentException when the buffers are not so, or hold other than {@code count} items
     */
    ByteView(ByteBuffer[] buffers, int count, int width) {
        if (buffers.length == 0) {
            throw new IllegalArgumentException("no buffer");
        }
        ByteOrder order = buffers[0].order();
        ByteBuffer[] ps = new ByteBuffer[buffers.length];
        long total = 0;
        long per = buffers[0].remaining() / width;
        if (buffers.length > 1 && (per == 0 || Long.bitCount(per) != 1)) {
            throw new IllegalArgumentException("the first of several buffers holds " + per + " items, not a power of"
                    + " two");
        }
        for (int i = 0; i < buffers.length; i++) {
            ByteBuffer b = buffers[i];
            if (b.order() != order) {
                throw new IllegalArgumentException("buffer " + i + " is " + b.order() + ", buffer 0 " + order);
            }
            if (b.remaining() % width != 0 || i < buffers.length - 1 && b.remaining() / width != per
                    || i == buffers.length - 1 && b.remaining() / width > per) {
                throw new IllegalArgumentException("buffer " + i + " holds " + b.remaining() + " bytes: not "
                        + (i < buffers.length - 1 ? "" : "at most ") + per + " items of " + width + " bytes");
            }
            ps[i] = b.slice().order(order);
            total += b.remaining() / width;
        }
        if (count < 0 || total != count) {
            throw new IllegalArgumentException("the buffers hold " + total + " items, not " + count);
        }
        this.bytes = null;
        this.parts = ps;
        this.shift = buffers.length == 1 ? 31 : Long.numberOfTrailingZeros(per);
        this.offset = 0;
        this.count = count;
        this.bigEndian = order == ByteOrder.BIG_ENDIAN;
    }

    int count() {
        return count;
    }

    int getInt(int index) {
        int i = Objects.checkIndex(index, count);
        if (parts != null) {
            return parts[i >>> shift].getInt((i & (int) ((1L << shift) - 1)) << 2);
        }
        int p = offset + (i << 2);
        return bigEndian ? (int) INT_BE.get(bytes, p) : (int) INT_LE.get(bytes, p);
    }

    long getLong(int index) {
        int i = Objects.checkIndex(index, count);
        if (parts != null) {
            return parts[i >>> shift].getLong((i & (int) ((1L << shift) - 1)) << 3);
        }
        int p = offset + (i << 3);
        return bigEndian ? (long) LONG_BE.get(bytes, p) : (long) LONG_LE.get(bytes, p);
    }

    double getDouble(int index) {
        return Double.longBitsToDouble(getLong(index));
    }

    /** {@return the items as one buffer}: a view, except over several parts (then of a copy, kept) */
    IntBuffer ints() {
        return parts != null && parts.length > 1 ? IntBuffer.wrap(intArray()) : buffer(4).asIntBuffer();
    }

    /** {@return the items as one buffer}: a view, except over several parts (then of a copy, kept) */
    LongBuffer longs() {
        return parts != null && parts.length > 1 ? LongBuffer.wrap(longArray()) : buffer(8).asLongBuffer();
    }

    /** {@return the items as one buffer}: a view, except over several parts (then of a copy, kept) */
    DoubleBuffer doubles() {
        return parts != null && parts.length > 1 ? DoubleBuffer.wrap(doubleArray()) : buffer(8).asDoubleBuffer();
    }

    int[] toInts() {
        int[] out = new int[count];
        if (parts == null || parts.length == 1) {
            buffer(4).asIntBuffer().get(out);
        } else {
            for (int i = 0, at = 0; i < parts.length; i++) {
                IntBuffer b = parts[i].duplicate().order(parts[i].order()).asIntBuffer();
                int n = b.remaining();
                b.get(out, at, n);
                at += n;
            }
        }
        return out;
    }

    long[] toLongs() {
        long[] out = new long[count];
        if (parts == null || parts.length == 1) {
            buffer(8).asLongBuffer().get(out);
        } else {
            for (int i = 0, at = 0; i < parts.length; i++) {
                LongBuffer b = parts[i].duplicate().order(parts[i].order()).asLongBuffer();
                int n = b.remaining();
                b.get(out, at, n);
                at += n;
            }
        }
        return out;
    }

    double[] toDoubles() {
        double[] out = new double[count];
        if (parts == null || parts.length == 1) {
            buffer(8).asDoubleBuffer().get(out);
        } else {
            for (int i = 0, at = 0; i < parts.length; i++) {
                DoubleBuffer b = parts[i].duplicate().order(parts[i].order()).asDoubleBuffer();
                int n = b.remaining();
                b.get(out, at, n);
                at += n;
            }
        }
        return out;
    }

    /** {@return the items in an array, copied at the first call and kept: the {@code array()} of its vectors} */
    int[] intArray() {
        return (int[]) copyOnce(this::toInts);
    }

    /** {@return the items in an array, copied at the first call and kept} */
    long[] longArray() {
        return (long[]) copyOnce(this::toLongs);
    }

    /** {@return the items in an array, copied at the first call and kept} */
    double[] doubleArray() {
        return (double[]) copyOnce(this::toDoubles);
    }

    private Object copyOnce(Supplier<Object> copy) {
        Object a = copied;
        if (a == null) {
            // of two first calls at once, both copy but one copy wins, and both return it
            Object fresh = copy.get();
            a = COPIED.compareAndExchange(this, null, fresh);
            if (a == null) {
                a = fresh;
            }
        }
        return a;
    }

    /** the items' bytes, of the array or of the one part */
    private ByteBuffer buffer(int width) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (parts != null) {
            return parts[0].duplicate().order(order);
        }
        return ByteBuffer.wrap(bytes, offset, count * width).order(order);
    }
}
