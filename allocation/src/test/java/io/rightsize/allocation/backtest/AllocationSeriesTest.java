package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The backtest's scoring, by hand, and the price of a lower overrun. */
class AllocationSeriesTest {

    @Test
    void scoresSlackAndOverrunPerSeriesThenAveragesThem() {
        AllocationSeries fits = new AllocationSeries();
        fits.add("blur", 100, 50);   // 50 unused
        fits.add("blur", 100, 150);  // over
        fits.add("resize", 200, 100); // 100 unused of 200
        ScaledScore score = fits.score(1);
        // blur: slack 50 / 200, overrun 1 / 2; resize: slack 1 / 2, overrun 0.
        assertEquals(100 * (0.25 + 0.5) / 2, score.slackPct(), 1e-9);
        assertEquals(100 * (0.5 + 0) / 2, score.overrunPct(), 1e-9);
    }

    @Test
    void buysALowerOverrunWithTheSmallestFactorThatReachesIt() {
        AllocationSeries fits = new AllocationSeries();
        fits.add("blur", 100, 90);
        fits.add("blur", 100, 120);
        fits.add("blur", 100, 150);
        fits.add("blur", 100, 80);
        ScaledScore none = fits.atOverrun(0).orElseThrow();
        assertEquals(1.5, none.factor(), 1e-9, "the largest usage/allocation ratio");
        assertEquals(0, none.overrunPct(), 1e-9);
        assertEquals(100 * (60 + 30 + 0 + 70) / 600.0, none.slackPct(), 1e-9);

        ScaledScore quarter = fits.atOverrun(25).orElseThrow();
        assertEquals(1.2, quarter.factor(), 1e-9);
        assertEquals(25, quarter.overrunPct(), 1e-9);
    }

    @Test
    void theFactorForASampleClearsItDespiteRounding() {
        // usage / allocation times allocation is a hair under the usage in floating point for this pair.
        AllocationSeries fits = new AllocationSeries();
        fits.add("blur", 236_229_666, 485_819_666);
        ScaledScore none = fits.atOverrun(0).orElseThrow();
        assertEquals(0, none.overrunPct(), 1e-9);
        assertTrue(none.factor() * 236_229_666 >= 485_819_666);
    }

    @Test
    void neverScalesDownAndSaysWhenNoFactorCanReachTheOverrun() {
        AllocationSeries fits = new AllocationSeries();
        fits.add("blur", 100, 10);
        assertEquals(1, fits.atOverrun(0).orElseThrow().factor(), "already there: as it is, not tightened");

        AllocationSeries nothingAllocated = new AllocationSeries();
        nothingAllocated.add("blur", 0, 10);
        assertTrue(nothingAllocated.atOverrun(0).isEmpty());
    }

    @Test
    void hasNothingToScoreWithoutSamples() {
        assertThrows(IllegalStateException.class, () -> new AllocationSeries().score(1));
    }
}
