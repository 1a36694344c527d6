package io.rightsize.allocation.recommend.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VpaHistogramTest {

    /** 2023-01-29 00:00 UTC (19386 x 86400): a multiple of the half-life, so this time's weight factor is 1. */
    private static final long MIDNIGHT = 1_674_950_400L;
    private static final long DAY = 86_400;
    private static final double W = ExponentialBuckets.MIN_SAMPLE_WEIGHT;

    @Test
    void bucketsStartAtTheFirstSizeAndGrowFivePercent() {
        ExponentialBuckets cpu = ExponentialBuckets.CPU_CORES;
        // ceil(log_1.05(1000 x 0.05 / 0.01 + 1)) + 1 = ceil(ln 5001 / ln 1.05) + 1 = ceil(174.57) + 1 = 176;
        // memory: 1e12 x 0.05 / 1e7 + 1 = 5001 too.
        assertEquals(176, cpu.count());
        assertEquals(176, ExponentialBuckets.MEMORY_BYTES.count());
        // start(n) = 0.01 x (1.05^n - 1) / 0.05: 0, 0.01, 0.01 x 0.1025 / 0.05 = 0.0205, 0.01 x 0.157625 / 0.05.
        assertEquals(0, cpu.start(0));
        assertEquals(0.01, cpu.start(1), 1e-15);
        assertEquals(0.0205, cpu.start(2), 1e-15);
        assertEquals(0.031525, cpu.start(3), 1e-15);
        assertEquals(1e7, ExponentialBuckets.MEMORY_BYTES.start(1), 1e-6);
        // 5m, 15m and 25m fall in [0, 10m), [10m, 20.5m) and [20.5m, 31.525m).
        assertEquals(0, cpu.find(0.005));
        assertEquals(1, cpu.find(0.015));
        assertEquals(2, cpu.find(0.025));
        assertEquals(175, cpu.find(5000), "past the last start: the last bucket");
    }

    @Test
    void aPercentileIsTheEndOfTheBucketWhereTheWeightReachesIt() {
        DecayingHistogram h = cpu();
        h.add(0.005, W, MIDNIGHT);
        h.add(0.015, W, MIDNIGHT);
        h.add(0.025, W, MIDNIGHT);

        // Total 0.3. p30: 0.09, reached in bucket 0 (0.1): its end, 10m, not the sample's 5m.
        assertEquals(0.01, h.percentile(0.30), 1e-15);
        // p50: 0.15, reached in bucket 1 (0.1 + 0.1): its end, 20.5m.
        assertEquals(0.0205, h.percentile(0.50), 1e-15);
        // p90: 0.27, not reached before the last non-empty bucket (2), whose end is 31.525m.
        assertEquals(0.031525, h.percentile(0.90), 1e-15);
    }

    @Test
    void theLastBucketGivesItsStartHavingNoEnd() {
        DecayingHistogram h = cpu();
        h.add(5000, W, MIDNIGHT);

        // start(175) = 0.01 x (1.05^175 - 1) / 0.05, about 1021.1 cores
        assertEquals(0.01 * (Math.pow(1.05, 175) - 1) / 0.05, h.percentile(0.9), 1e-9);
    }

    @Test
    void anEmptyHistogramGivesZero() {
        assertTrue(cpu().isEmpty());
        assertEquals(0, cpu().percentile(0.9));
    }

    @Test
    void aSampleADayOlderCountsHalf() {
        DecayingHistogram h = cpu();
        h.add(0.025, W, MIDNIGHT);
        h.add(0.025, W, MIDNIGHT);
        h.add(0.005, W, MIDNIGHT + DAY);

        // Weights 0.1, 0.1 (the reference time) and 0.1 x 2^1 = 0.2: total 0.4.
        assertEquals(0.4, h.totalWeight(), 1e-15);
        // p49: 0.196, reached by the newer 5m alone (0.2), so bucket 0's end; undecayed (0.1 of 0.3) it would not be.
        assertEquals(0.01, h.percentile(0.49), 1e-15);
        // p51: 0.204, past it: the older samples' bucket 2, ending at 31.525m.
        assertEquals(0.031525, h.percentile(0.51), 1e-15);
    }

    @Test
    void aSampleAHundredHalfLivesOlderIsForgotten() {
        DecayingHistogram h = cpu();
        h.add(0.025, W, MIDNIGHT);
        h.add(0.005, W, MIDNIGHT + 101 * DAY);

        // The reference moves 101 days on: the old weight becomes 0.1 x 2^-101, under epsilon 1e-4, so even p100 is
        // the new sample's bucket end, 10m.
        assertEquals(0.01, h.percentile(1.0), 1e-15);
    }

    private static DecayingHistogram cpu() {
        return new DecayingHistogram(ExponentialBuckets.CPU_CORES, DAY);
    }
}
