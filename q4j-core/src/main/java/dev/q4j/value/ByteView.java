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
 * without copying, whose items stay in the received message. Checked once, when made; the array is shared and its
 * owner must not modify it.
 */
final class ByteView {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] bytes;
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
    }

    int count() {
        return count;
    }

    int getInt(int index) {
        int p = offset + (Objects.checkIndex(index, count) << 2);
        return bigEndian ? (int) INT_BE.get(bytes, p) : (int) INT_LE.get(bytes, p);
    }

    long getLong(int index) {
        int p = offset + (Objects.checkIndex(index, count) << 3);
        return bigEndian ? (long) LONG_BE.get(bytes, p) : (long) LONG_LE.get(bytes, p);
    }

    double getDouble(int index) {
        return Double.longBitsToDouble(getLong(index));
    }

    IntBuffer ints() {
        return buffer(4).asIntBuffer();
    }

    LongBuffer longs() {
        return buffer(8).asLongBuffer();
    }

    DoubleBuffer doubles() {
        return buffer(8).asDoubleBuffer();
    }

    int[] toInts() {
        int[] out = new int[count];
        ints().get(out);
        return out;
    }

    long[] toLongs() {
        long[] out = new long[count];
        longs().get(out);
        return out;
    }

    double[] toDoubles() {
        double[] out = new double[count];
        doubles().get(out);
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

    private ByteBuffer buffer(int width) {
        return ByteBuffer.wrap(bytes, offset, count * width).order(bigEndian ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
    }
}
