package dev.q4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Percentiles from the bucketed histogram are within 1/64 above the exact ones, ordered, and capped by max. */
class LatencyHistogramTest {

    @Test
    void emptyIsZero() {
        LatencyHistogram h = new LatencyHistogram();

        assertThat(h.count()).isZero();
        assertThat(h.percentile(50)).isZero();
        assertThat(h.max()).isZero();
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.record(i);
        }

        assertThat(h.percentile(50)).isEqualTo(50);
        assertThat(h.percentile(90)).isEqualTo(90);
        assertThat(h.percentile(99)).isEqualTo(99);
        assertThat(h.percentile(100)).isEqualTo(100);
        assertThat(h.max()).isEqualTo(100);
        assertThat(h.count()).isEqualTo(100);
    }

    @Test
    void percentilesAreCloseToExactOnes() {
        Random r = new Random(42);
        long[] values = new long[100_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(8 + 3 * r.nextGaussian());   // log-normal, 3 us median, long tail
            h.record(values[i]);
        }
        Arrays.sort(values);
        for (double p : new double[] {1, 50, 90, 99, 99.9}) {
            long exact = values[(int) Math.ceil(values.length * p / 100) - 1];
            assertThat(h.percentile(p)).as("p%s", p).isBetween(exact, exact + exact / 64 + 1);
        }
        assertThat(h.max()).isEqualTo(values[values.length - 1]);
        assertThat(h.percentile(100)).isEqualTo(h.max());
    }

    @Test
    void bucketsCoverEveryLong() {
        for (long v : new long[] {0, 1, 127, 128, 129, 255, 256, 1000, 123_456_789, Long.MAX_VALUE / 3,
            Long.MAX_VALUE}) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.highest(i)).as("%s", v).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.highest(i - 1)).as("%s", v).isLessThan(v);
            }
        }
        LatencyHistogram h = new LatencyHistogram();
        h.record(-5);
        h.record(Long.MAX_VALUE);
        assertThat(h.percentile(50)).isZero();
        assertThat(h.percentile(100)).isEqualTo(Long.MAX_VALUE);
    }
}
