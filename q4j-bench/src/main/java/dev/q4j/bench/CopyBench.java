package dev.q4j.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The physical limit of decoding: a new {@code long[]} filled by one bulk copy of the same message's bytes (what a
 * decoder cannot beat: it must allocate its arrays and move every byte at least once). For the 10M long vector, and
 * for the trade table's whole message (whose decoding moves every byte into some column too).
 *
 * <p>For the symbol vector, whose bytes are not copied but searched, the limit is finding where each symbol ends
 * and storing something per item: {@link #scanSymbols} finds every terminator 64 bytes at a time (the fastest
 * scalar way we know) and fills a new {@code String[]} with a {@code String} per length, without finding out which
 * symbol each item is. On this vector, its symbols in random order (no runs of one symbol to skip), a decoder must
 * do that much and then look each symbol up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CopyBench {
    private byte[] message;
    private int count;
    private byte[] trade;
    private byte[] symbols;

    /** Builds the messages. */
    @Setup
    public void setup() {
        message = Data.message(Data.longs());
        count = Data.VECTOR;
        trade = Data.message(Data.value("trade"));
        symbols = Data.message(Data.symbols());
        String[] scanned = scanSymbols();
        String[] decoded = Data.symbols().array();
        for (int i = 0; i < decoded.length; i++) {
            if (scanned[i] == null || scanned[i].length() != decoded[i].length()) {
                throw new IllegalStateException("the scan does not find symbol " + i + " with its length");
            }
        }
    }

    /** {@return the longs, copied from the message's body (header, type, attribute and count skipped)} */
    @Benchmark
    public long[] plainCopy() {
        long[] out = new long[count];
        ByteBuffer.wrap(message, 14, count * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /** {@return the trade table's message (all but its last few bytes), copied into a {@code long[]}} */
    @Benchmark
    public long[] plainCopyTrade() {
        long[] out = new long[trade.length / 8];
        ByteBuffer.wrap(trade, 0, out.length * 8).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    /**
     * {@return as many items as the symbol vector has, each a {@code String} of the symbol's length (the symbols are 4
     * to 6 letters): what is left of decoding the vector without the lookup that tells its symbols apart}
     */
    @Benchmark
    public String[] scanSymbols() {
        byte[] b = symbols;
        int n = Data.SYMBOLS;
        String[] out = new String[n];
        int i = 0;
        int start = 14;   // after the header, type, attribute and count
        int base = start;
        // whole 64-byte blocks while each one's terminators all belong to the vector; the rest byte by byte
        while (base + 64 <= b.length) {
            long ends = zeroBytes(b, base);
            if (i + Long.bitCount(ends) > n) {
                break;
            }
            for (; ends != 0; ends &= ends - 1) {
                int end = base + Long.numberOfTrailingZeros(ends);
                out[i++] = BY_LENGTH[(end - start) & 7];
                start = end + 1;
            }
            base += 64;
        }
        for (int p = start; i < n; p++) {
            if (b[p] == 0) {
                out[i++] = BY_LENGTH[(p - start) & 7];
                start = p + 1;
            }
        }
        return out;
    }

    private static final String[] BY_LENGTH = {"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg"};
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW7 = 0x7F7F_7F7F_7F7F_7F7FL;

    /** {@return bit k set where {@code b[at + k]} is 0, for the 64 bytes from {@code at}} */
    private static long zeroBytes(byte[] b, int at) {
        long bits = 0;
        for (int k = 0; k < 8; k++) {
            long x = (long) LONG_LE.get(b, at + 8 * k);
            // 0x80 in each byte that is 0, exactly (no borrow between bytes), then those 8 bits gathered in one byte
            long zero = ~(((x & LOW7) + LOW7) | x | LOW7);
            bits |= ((zero >>> 7) * 0x0102_0408_1020_4080L >>> 56) << (8 * k);
        }
        return bits;
    }
}
