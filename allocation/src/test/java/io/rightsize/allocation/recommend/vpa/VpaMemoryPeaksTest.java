package io.rightsize.allocation.recommend.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VpaMemoryPeaksTest {

    /** 2023-01-29 00:00 UTC, a multiple of a day. */
    private static final long MIDNIGHT = 1_674_950_400L;
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final double MIB = 1024 * 1024;

    private final DecayingHistogram histogram = new DecayingHistogram(ExponentialBuckets.MEMORY_BYTES, DAY);
    private final MemoryPeaks peaks = new MemoryPeaks(histogram, DAY);

    @Test
    void twoSamplesInOneIntervalCountOnceAsTheLarger() {
        peaks.addSample(MIDNIGHT, 1e8);
        peaks.addSample(MIDNIGHT + HOUR, 3e8);
        peaks.addSample(MIDNIGHT + 2 * HOUR, 2e8);

        // One peak of weight 1, stamped at the interval's end (MIDNIGHT + 1 day, the reference): 1e8 was taken back.
        assertEquals(1.0, histogram.totalWeight(), 1e-12);
        assertEquals(3e8, peaks.currentPeak());
        // Even p0 is 3e8's bucket end: 1.05^n = 1 + 3e8 x 0.05 / 1e7 = 2.5 gives n = 18.78, bucket 18, ending at
        // 1e7 x (1.05^19 - 1) / 0.05 = 305390039.1.
        assertEquals(2e8 * (Math.pow(1.05, 19) - 1), histogram.percentile(0), 1e-6);
    }

    @Test
    void eachIntervalAddsItsOwnPeakAndTheNewerWeighsTwice() {
        peaks.addSample(MIDNIGHT, 1e8);
        peaks.addSample(MIDNIGHT + 25 * HOUR, 3e8);

        // Peaks 1e8 at day 1 (weight 1) and 3e8 at day 2 (weight 2): total 3.
        assertEquals(3.0, histogram.totalWeight(), 1e-12);
        // p30 = 0.9, reached by 1e8's bucket (1.05^n = 1.5, n = 8.31, bucket 8, ending at 2e8 x (1.05^9 - 1) =
        // 110265643.2); p40 = 1.2 is not, so 3e8's bucket end.
        assertEquals(2e8 * (Math.pow(1.05, 9) - 1), histogram.percentile(0.3), 1e-6);
        assertEquals(2e8 * (Math.pow(1.05, 19) - 1), histogram.percentile(0.4), 1e-6);
    }

    @Test
    void anOomKillAddsItsRequestBumpedAsThePeak() {
        peaks.addSample(MIDNIGHT, 300 * MIB);
        peaks.addOom(MIDNIGHT + HOUR, 300 * MIB);

        // max(300 + 100 MiB, 300 x 1.2 = 360 MiB) = 400 MiB, replacing the 300 MiB peak.
        assertEquals(400 * MIB, peaks.currentPeak());
        assertEquals(1.0, histogram.totalWeight(), 1e-12);

        peaks.addOom(MIDNIGHT + 2 * HOUR, 1000 * MIB);
        // max(1000 + 100 MiB, 1000 x 1.2 = 1200 MiB) = 1200 MiB = 1258291200 bytes.
        assertEquals(1_258_291_200, peaks.currentPeak());
    }

    @Test
    void anOomKillBumpsTheUsagePeakWhenItExceedsTheRequestButNotAnEarlierBump() {
        peaks.addSample(MIDNIGHT, 300 * MIB);
        peaks.addOom(MIDNIGHT + HOUR, 100 * MIB);
        // The usage peak, 300 MiB, is larger than the 100 MiB request: 400 MiB.
        assertEquals(400 * MIB, peaks.currentPeak());

        peaks.addOom(MIDNIGHT + 2 * HOUR, 100 * MIB);
        // Again from the 300 MiB usage peak, not from the 400 MiB bump: 400 MiB, no more.
        assertEquals(400 * MIB, peaks.currentPeak());
    }

    @Test
    void anIntervalThatStartsAtZeroKeepsItsZeroPeakAsVpaDoes() {
        peaks.addSample(MIDNIGHT, 0);
        peaks.addSample(MIDNIGHT + HOUR, 3e8);

        // container.go replaces a peak only when the old one is non-zero.
        assertEquals(0, peaks.currentPeak());
        assertEquals(1e7, histogram.percentile(0.9), 1e-6, "bucket 0's end");
    }
}
