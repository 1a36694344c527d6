package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.Series;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DivergenceTest {

    private static final long[] TIMES = LongStream.range(0, 20).map(t -> 60 * t).toArray();

    @Test
    void picksTheSeriesWhereTheRecommendersDisagreeMost() {
        // Flat at 100: seed-max 100 (a multiple of 10), vpa-simple 115; spread 15.
        Series flat = new Series("flat", "cpu_millicores", TIMES, constant(100));
        // One burst to 1000 in the 10-sample history: seed-max 1000; vpa-simple's p90 is 100 + 0.1 x 900 =
        // 190, x 1.15 = 218.5; spread 781.5.
        double[] burst = constant(100);
        burst[3] = 1000;
        Series bursty = new Series("bursty", "cpu_millicores", TIMES, burst);
        List<io.rightsize.allocation.recommend.Recommender> two = List.of(
                Recommenders.byName("seed-max").orElseThrow(), Recommenders.fallback());

        Divergence d = Divergence.widest(List.of(flat, bursty), "cpu_millicores", 0.5, 600, two).orElseThrow();

        assertEquals("bursty", d.series().service());
        assertEquals(781.5, d.spread(), 1e-9);
        assertEquals(100, d.meanUsage(), 1e-9);
        assertEquals(List.of("seed-max", "vpa-simple"), List.copyOf(d.replays().keySet()));
    }

    @Test
    void nothingToShowForAResourceNoSeriesHasOrASingleRecommender() {
        Series flat = new Series("flat", "cpu_millicores", TIMES, constant(100));
        assertTrue(Divergence.widest(List.of(flat), "memory_mib", 0.5, 600, Recommenders.all()).isEmpty());
        assertTrue(Divergence.widest(List.of(flat), "cpu_millicores", 0.5, 600, List.of(Recommenders.fallback()))
                .isEmpty());
    }

    private static double[] constant(double value) {
        double[] values = new double[20];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
