package io.rightsize.allocation.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryBySizeTest {

    private static final long MB = 1_000_000;

    /** A JVM task: a fixed 60 MB and 24 bytes per pixel held; every other run 10% above (a garbage collector's whim). */
    private static List<SizedRun> runs(long... heldMegapixels) {
        List<SizedRun> runs = new ArrayList<>();
        for (int i = 0; i < heldMegapixels.length; i++) {
            long mp = heldMegapixels[i];
            runs.add(new SizedRun(mp * 1_000_000, (long) ((60 * MB + 24 * mp * MB) * (i % 2 == 0 ? 1 : 1.1))));
        }
        return runs;
    }

    @Test
    void fewerThanThreeRunsTeachNothing() {
        assertTrue(MemoryBySize.fit(runs(2, 4)).isEmpty());
        assertTrue(MemoryBySize.fit(List.of(new SizedRun(0, 5), new SizedRun(1, 0), new SizedRun(3, 3))).isEmpty());
    }

    @Test
    void extrapolatesLinearlyAndNeverBelowTheTruth() {
        MemoryBySize model = MemoryBySize.fit(runs(2, 3, 4, 5, 6, 8, 10)).orElseThrow();
        for (int times : new int[] {2, 5, 10}) {
            long held = times * 10 * 1_000_000L;
            double truth = (60 * MB + 24 * 10 * times * MB) * 1.1;
            long estimate = model.estimate(held);
            assertTrue(model.extrapolates(held));
            assertTrue(estimate >= truth && estimate <= 2 * truth, times + "x: " + estimate + " vs " + truth);
        }
    }

    @Test
    void neverFallsAsTheImageGrows() {
        // Noise that makes the fitted slope negative: larger images still get at least as much.
        List<SizedRun> flat = List.of(new SizedRun(2_000_000, 90 * MB), new SizedRun(4_000_000, 80 * MB),
                new SizedRun(6_000_000, 70 * MB));
        MemoryBySize model = MemoryBySize.fit(flat).orElseThrow();
        long previous = 0;
        for (long held = 1_000_000; held < 100_000_000; held += 7_000_000) {
            assertTrue(model.estimate(held) >= previous);
            previous = model.estimate(held);
        }
        assertTrue(model.estimate(60_000_000) >= 700 * MB, "the chord through 0 and the largest run");
    }

    @Test
    void aNarrowRangeGoesThroughTheOriginAndTheLargestRun() {
        List<SizedRun> same = List.of(new SizedRun(4_000_000, 150 * MB), new SizedRun(4_100_000, 160 * MB),
                new SizedRun(4_200_000, 155 * MB));
        MemoryBySize model = MemoryBySize.fit(same).orElseThrow();
        assertEquals(0, model.interceptBytes());
        assertTrue(model.estimate(42_000_000) >= 1550 * MB);
    }

    @Test
    void everyRunOfTheLargerHalfIsCovered() {
        List<SizedRun> r = runs(1, 2, 3, 4, 5, 6, 7, 8);
        MemoryBySize model = MemoryBySize.fit(r).orElseThrow();
        r.subList(4, 8).forEach(run -> assertTrue(model.estimate(run.heldPixels()) >= run.peakBytes()));
        assertEquals(8, model.runs());
        assertEquals(2.0, model.reach(16_000_000), 1e-9);
    }
}
