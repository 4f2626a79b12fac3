package dev.q4j.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Primitive reads and writes on byte arrays in either byte order, through VarHandles (no bounds re-checks). */
final class Bytes {
    static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Bytes() {
    }

    static int getInt(byte[] b, int off, ByteOrder order) {
        return order == ByteOrder.LITTLE_ENDIAN ? (int) INT_LE.get(b, off) : (int) INT_BE.get(b, off);
    }

    static void putInt(byte[] b, int off, int v, ByteOrder order) {
        if (order == ByteOrder.LITTLE_ENDIAN) {
            INT_LE.set(b, off, v);
        } else {
            INT_BE.set(b, off, v);
        }
    }
}
