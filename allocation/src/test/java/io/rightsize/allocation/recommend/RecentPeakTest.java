package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RecentPeakTest {

    /** One sample a minute, blocks of a minute: each block's peak is its sample. */
    private static final long[] TIMES = {0, 60, 120, 180, 240};

    @Test
    void aFlatSeriesGetsItsRecentPeakAndTheHeadroom() {
        // 200 x 1.03.
        assertEquals(206, RecentPeak.DEFAULT.limit(TIMES, new double[] {200, 200, 200, 200, 200}, 60), 1e-9);
    }

    @Test
    void aGrowingSeriesGetsTwiceItsLargestRecentRiseOnTop() {
        // Block peaks, newest first: 121, 121, 110, 100, 100; rises 0, 10 %, 10 %, 0; 121 x (1 + 0.03 + 2 x 0.1).
        assertEquals(148.83, RecentPeak.DEFAULT.limit(TIMES, new double[] {100, 100, 110, 121, 121}, 60), 1e-9);
    }

    @Test
    void aFallIsFollowedAtOnce() {
        // The last block's peak is 50; a fall is no rise: 50 x 1.03.
        assertEquals(51.5, RecentPeak.DEFAULT.limit(TIMES, new double[] {400, 400, 400, 400, 50}, 60), 1e-9);
    }

    @Test
    void looksBackOnlyOverItsBlocks() {
        // Two blocks of two minutes from the end: [180, 240] peak 100, [60, 120] peak 100; the rise at 0 s is older.
        assertEquals(103, new RecentPeak(0.03, 2, 1).limit(TIMES, new double[] {10, 100, 100, 100, 100}, 120), 1e-9);
    }

    @Test
    void aGapEndsTheLookBack() {
        // Blocks of a minute ending at 601: [541, 601) holds 100, [481, 541) nothing: no rise to see.
        assertEquals(103, RecentPeak.DEFAULT.limit(new long[] {0, 60, 600}, new double[] {10, 50, 100}, 60), 1e-9);
    }

    @Test
    void refusesNegativeHeadroomOrWeightAndNoBlocks() {
        assertThrows(IllegalArgumentException.class, () -> new RecentPeak(-0.1, 2, 4));
        assertThrows(IllegalArgumentException.class, () -> new RecentPeak(0.03, -1, 4));
        assertThrows(IllegalArgumentException.class, () -> new RecentPeak(0.03, 2, 0));
    }
}
