package dev.q4j.bench;

import com.kx.c;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark data, the same on every run (fixed seeds): each data set as a q4j value, as the little-endian
 * message kdb+ on x86 would send (encoded by q4j, which the corpus tests hold byte-identical to kdb+), and as the
 * object javakdb makes of those bytes.
 */
public final class Data {
    /** rows of the trade table */
    public static final int TRADE_ROWS = 1_000_000;
    /** distinct symbols in the trade table */
    public static final int TRADE_SYMBOLS = 100;
    /** items of the symbol vector */
    public static final int SYMBOLS = 1_000_000;
    /** distinct symbols in the symbol vector */
    public static final int DISTINCT_SYMBOLS = 1_000;
    /** rows of the small reply */
    public static final int SMALL_ROWS = 10;
    /** items of the long and float vectors */
    public static final int VECTOR = 10_000_000;

    /** 2024.01.02D09:30:00 in nanoseconds since 2000.01.01 */
    private static final long OPEN = (8767L * 86_400 + 9 * 3600 + 30 * 60) * 1_000_000_000L;

    private Data() {
    }

    /**
     * {@return its q4j value}
     *
     * @param name a data set: trade, trade-arrival, symbols, small, longs or floats
     */
    public static QValue value(String name) {
        switch (name) {
            case "trade": return trade(TRADE_ROWS, 1);
            case "trade-arrival": return trade(TRADE_ROWS, 1, false);
            case "symbols": return symbols();
            case "small": return trade(SMALL_ROWS, 2);
            case "longs": return longs();
            case "floats": return floats();
            default: throw new IllegalArgumentException("no data set " + name);
        }
    }

    /**
     * {@return the size of its message in bytes}
     *
     * @param name a data set
     */
    public static long messageSize(String name) {
        return 8 + dev.q4j.codec.Encoder.sizeOf(value(name));
    }

    /**
     * {@return it as a little-endian response message, as kdb+ on x86 sends it}
     *
     * @param value a value
     */
    public static byte[] message(QValue value) {
        return new Encoder().encode(MessageType.RESPONSE, value);
    }

    /**
     * {@return what javakdb makes of it}
     *
     * @param message a message
     * @throws Exception when javakdb fails
     */
    public static Object javakdb(byte[] message) throws Exception {
        return new c().deserialize(message);
    }

    /**
     * A trade table as a historical database returns a day of it ({@code select from trade where date=d}): sorted by
     * symbol (the partition's {@code p#sym} order), then by time. A symbol from 100, some traded far more than
     * others; a price that moves by a cent on 3 trades in 10; a size in round lots, small ones more common; a side
     * that tends to repeat. Like real market data it compresses (to about a third with kdb+'s IPC compression);
     * random prices or sides would not compress at all, and kdb+ would send them uncompressed.
     *
     * @param rows how many rows
     * @param seed the random seed
     * @return {@code ([] time:`timestamp$(); sym:`$(); price:`float$(); size:`long$(); side:`char$())}
     */
    public static QTable trade(int rows, long seed) {
        return trade(rows, seed, true);
    }

    /**
     * {@return the trade table of {@link #trade(int, long)}, sorted by symbol as a historical database returns it, or
     * in the order the trades arrived (time order: symbols in random order), as a real-time database holds it}
     *
     * @param rows how many rows
     * @param seed the random seed
     * @param bySymbol sorted by symbol (then time), or in time order
     */
    public static QTable trade(int rows, long seed, boolean bySymbol) {
        Random r = new Random(seed);
        String[] universe = names(TRADE_SYMBOLS, r);
        double[] last = new double[universe.length];
        for (int s = 0; s < last.length; s++) {
            last[s] = 10 + r.nextInt(49_000) / 100.0;
        }
        boolean[] selling = new boolean[universe.length];
        // the day's trades in time order: 1M trades over 6.5 hours
        long[] times = new long[rows];
        int[] syms = new int[rows];
        int[] perSym = new int[universe.length + 1];
        long t = OPEN;
        for (int i = 0; i < rows; i++) {
            t += r.nextInt(46_800_000);
            times[i] = t;
            syms[i] = (int) (universe.length * Math.pow(r.nextDouble(), 2));
            perSym[syms[i] + 1]++;
        }
        // a stable counting sort by symbol keeps each symbol's trades in time order
        for (int s = 0; s < universe.length; s++) {
            perSym[s + 1] += perSym[s];
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[perSym[syms[i]]++] = i;
        }
        // the prices, sizes and sides are drawn in the same order either way: only the rows' order differs
        int[] at = new int[rows];
        for (int j = 0; j < rows; j++) {
            at[j] = bySymbol ? j : order[j];
        }
        long[] time = new long[rows];
        String[] sym = new String[rows];
        double[] price = new double[rows];
        long[] size = new long[rows];
        byte[] side = new byte[rows];
        for (int j = 0; j < rows; j++) {
            int i = order[j];
            int s = syms[i];
            int row = at[j];
            time[row] = times[i];
            sym[row] = universe[s];
            if (r.nextInt(10) < 3) {
                last[s] = Math.max(0.01, Math.round(last[s] * 100 + (r.nextBoolean() ? 1 : -1)) / 100.0);
            }
            price[row] = last[s];
            size[row] = 100L * (1 + (int) (10 * Math.pow(r.nextDouble(), 3)));
            if (r.nextInt(10) < 2) {
                selling[s] = !selling[s];
            }
            side[row] = (byte) (selling[s] ? 'S' : 'B');
        }
        return QTable.of(List.of("time", "sym", "price", "size", "side"),
                List.of(QTimestampVector.wrap(time), QSymbolVector.wrap(sym), QFloatVector.wrap(price),
                        QLongVector.wrap(size), QCharVector.wrap(side)));
    }

    /** {@return 1,000,000 symbols drawn uniformly from 1,000 distinct} */
    public static QSymbolVector symbols() {
        Random r = new Random(3);
        String[] universe = names(DISTINCT_SYMBOLS, r);
        String[] out = new String[SYMBOLS];
        for (int i = 0; i < out.length; i++) {
            out[i] = universe[r.nextInt(universe.length)];
        }
        return QSymbolVector.wrap(out);
    }

    /** {@return 10,000,000 random longs} */
    public static QLongVector longs() {
        Random r = new Random(4);
        long[] out = new long[VECTOR];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextLong();
        }
        return QLongVector.wrap(out);
    }

    /** {@return 10,000,000 random floats} */
    public static QFloatVector floats() {
        Random r = new Random(5);
        double[] out = new double[VECTOR];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextDouble() * 1000;
        }
        return QFloatVector.wrap(out);
    }

    /** Distinct ticker-like names of 4 to 6 capital letters (5 on average, 6 bytes on the wire). */
    private static String[] names(int n, Random r) {
        Set<String> seen = new HashSet<>();
        String[] out = new String[n];
        for (int i = 0; i < n; ) {
            char[] name = new char[4 + r.nextInt(3)];
            for (int k = 0; k < name.length; k++) {
                name[k] = (char) ('A' + r.nextInt(26));
            }
            String s = new String(name);
            if (seen.add(s)) {
                out[i++] = s;
            }
        }
        return out;
    }
}
