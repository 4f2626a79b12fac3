package dev.q4j.examples.demo;

/**
 * Latencies in nanoseconds, counted in buckets of fixed relative width (as HdrHistogram does, in a few lines): exact
 * below 128 ns, then 64 buckets per power of two, so a percentile is at most 1/64 (1.6 %) above the true value. The
 * memory is fixed (under 30 KB) however many values are recorded; the maximum and the count are exact.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * LatencyHistogram h = new LatencyHistogram();
 * h.record(System.nanoTime() - sent);
 * long p99 = h.percentile(99);
 * }</pre>
 */
public final class LatencyHistogram {
    private static final int LINEAR = 128;
    private static final int SUB_BUCKETS = 64;
    private static final int BUCKETS = LINEAR + (63 - 7) * SUB_BUCKETS;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long max;

    /** An empty histogram. */
    public LatencyHistogram() {
    }

    /**
     * Records one latency.
     *
     * @param nanos a latency; negative values count as 0
     */
    public synchronized void record(long nanos) {
        record(nanos, 1);
    }

    /**
     * Records one latency seen several times.
     *
     * @param nanos a latency; negative values count as 0
     * @param times how many times it was seen
     */
    public synchronized void record(long nanos, long times) {
        if (times <= 0) {
            return;
        }
        long v = Math.max(0, nanos);
        counts[index(v)] += times;
        count += times;
        max = Math.max(max, v);
    }

    /** {@return how many latencies were recorded} */
    public synchronized long count() {
        return count;
    }

    /** {@return the largest latency recorded (0 when none)} */
    public synchronized long max() {
        return max;
    }

    /**
     * {@return the smallest value that {@code percent} % of the recorded values are at most (to within the bucket
     * width, never above {@link #max()}); 0 when nothing was recorded}
     *
     * @param percent 0 to 100
     */
    public synchronized long percentile(double percent) {
        if (count == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(count * Math.min(100, Math.max(0, percent)) / 100));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(max, highest(i));
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < LINEAR) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);   // 7..62
        int shift = e - 6;
        int sub = (int) (v >>> shift);                 // 64..127
        return LINEAR + (e - 7) * SUB_BUCKETS + (sub - SUB_BUCKETS);
    }

    /** {@return the largest value that falls in bucket {@code i}} */
    static long highest(int i) {
        if (i < LINEAR) {
            return i;
        }
        int e = (i - LINEAR) / SUB_BUCKETS + 7;
        int sub = (i - LINEAR) % SUB_BUCKETS + SUB_BUCKETS;
        int shift = e - 6;
        return (((long) sub + 1) << shift) - 1;
    }
}
