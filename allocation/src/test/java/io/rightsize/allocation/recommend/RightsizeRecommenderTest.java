package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.allocation.backtest.Replay;
import io.rightsize.allocation.trace.GeneratedTraces;
import io.rightsize.allocation.trace.GeneratedTraces.Shape;
import io.rightsize.allocation.trace.Series;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RightsizeRecommenderTest {

    private static final int SERIES = 40;
    private static final int SAMPLES = 1000;
    /** Overrun on stationary data must be within half the configured risk of it (e.g. 2.5-7.5 % for 5 %). */
    private static final double RELATIVE_TOLERANCE = 0.5;

    @Test
    void keepsCpuOverrunNearItsConfiguredRiskOnStationaryData() {
        for (double risk : new double[] {0.02, 0.05, 0.10}) {
            for (Shape shape : List.of(Shape.FLAT, Shape.PERIODIC, Shape.SPIKY)) {
                double overrun = overrunPct(new RightsizeRecommender(risk, 0.005, 0), shape, "cpu_millicores");
                assertEquals(100 * risk, overrun, 100 * risk * RELATIVE_TOLERANCE, shape + " at risk " + risk);
            }
        }
    }

    @Test
    void keepsMemoryOverrunWithinItsConfiguredRiskOnStationaryData() {
        for (Shape shape : List.of(Shape.FLAT, Shape.PERIODIC, Shape.SPIKY)) {
            double overrun = overrunPct(new RightsizeRecommender(0.05, 0.01, 0), shape, "memory_mib");
            assertTrue(overrun <= 1.0 * (1 + RELATIVE_TOLERANCE), shape + ": " + overrun + " %");
        }
    }

    @Test
    void raisesTheAllocationAlongAnUpwardTrend() {
        for (String resource : List.of("cpu_millicores", "memory_mib")) {
            double rightsize = overrunPct(new RightsizeRecommender(), Shape.TREND, resource);
            double vpa = overrunPct(Recommenders.byName("vpa-simple").orElseThrow(), Shape.TREND, resource);

            // VPA overruns on about 10-14 % of the future here; rightsize follows the growth.
            assertTrue(rightsize < vpa / 2, resource + ": rightsize " + rightsize + " % vs vpa " + vpa + " %");
            assertTrue(rightsize < 2 * 100 * RightsizeRecommender.DEFAULT_CPU_RISK, resource + ": " + rightsize + " %");
        }
    }

    @Test
    void recommendsTheExpectedNeedAsRequestBelowTheLimit() {
        double[] history = GeneratedTraces.series(Shape.FLAT, "cpu_millicores", 3, SAMPLES).values();

        Recommendation r = new RightsizeRecommender().recommend(ResourceKind.CPU, history);

        assertTrue(r.request() > 0 && r.request() < r.limit(), r.toString());
    }

    @Test
    void recommendsNothingForATaskThatNeverUsedAnything() {
        assertEquals(new Recommendation(0, 0), new RightsizeRecommender().recommend(ResourceKind.MEMORY, new double[30]));
    }

    @Test
    void refusesAnEmptyNanInfiniteOrNegativeHistory() {
        RightsizeRecommender rightsize = new RightsizeRecommender();
        for (double[] bad : new double[][] {{}, {1, Double.NaN}, {Double.POSITIVE_INFINITY}, {3, -1}}) {
            assertThrows(IllegalArgumentException.class, () -> rightsize.recommend(ResourceKind.CPU, bad));
        }
        assertThrows(IllegalArgumentException.class, () -> rightsize.recommend(ResourceKind.CPU, null));
    }

    @Test
    void refusesARiskOutsideTheOpenUnitIntervalOrANegativeHeadroom() {
        assertThrows(IllegalArgumentException.class, () -> new RightsizeRecommender(0, 0.01, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RightsizeRecommender(0.05, 1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RightsizeRecommender(Double.NaN, 0.01, 0.1));
        assertThrows(IllegalArgumentException.class, () -> new RightsizeRecommender(0.05, 0.01, -0.1));
    }

    @Test
    void onlineItFollowsMemoryThatFellWhereOneStaticAllocationWastesMostOfIt() {
        // 1000 minutes, the level falls to 30 % at minute 600; recommended again every hour after minute 500.
        // Judged from minute 700, once the last hour holds only the new level.
        double rightsize = slackAfter(new RightsizeRecommender(), 700);
        double vpa = slackAfter(Recommenders.fallback(), 700);

        // vpa-simple keeps 1.15 x the old peak (about 1.1 x the old level) over 0.3 of it: about 76 % unused.
        assertTrue(vpa > 70, "vpa-simple " + vpa + " %");
        assertTrue(rightsize < vpa / 2, "rightsize " + rightsize + " % vs vpa-simple " + vpa + " %");
    }

    @Test
    void onlineMemoryGrowsWithASeriesThatKeepsGrowing() {
        BacktestResult rightsize = rolling(new RightsizeRecommender(), Shape.TREND, "memory_mib");

        // Without the recent rises on top (growth weight 0), the last hour's peak x 1.03 runs short on 3.8 % here.
        assertTrue(rightsize.overrunPct() < 1, rightsize.overrunPct() + " %");
    }

    @Test
    void onlineTheAllocationMovesOnlyWhenItLeavesTheBand() {
        long[] times = LongStream.range(0, 300).map(t -> 60 * t).toArray();
        double[] flat = new double[300];
        java.util.Arrays.fill(flat, 1000);
        Recommendation r = new RightsizeRecommender().recommend(ResourceKind.MEMORY, times, flat, 3600);

        assertEquals(1030, r.limit(), 1e-9);
        assertTrue(r.keeps(1030 * 1.05) && !r.keeps(1030 * 1.06) && !r.keeps(1029), r.toString());
        Recommendation cpu = new RightsizeRecommender().recommend(ResourceKind.CPU, times, flat, 3600);
        assertTrue(cpu.keeps(cpu.limit() * 1.1) && cpu.keeps(cpu.limit() / 1.1) && !cpu.keeps(cpu.limit() * 1.2));
        // The same band on a static recommendation: what VPA's updater reads as its bounds.
        Recommendation whole = new RightsizeRecommender().recommend(ResourceKind.MEMORY, flat);
        assertTrue(whole.keeps(whole.limit() * 1.05) && !whole.keeps(whole.limit() * 1.06), whole.toString());
    }

    @Test
    void onlineMemoryNeverAsksForMoreThanTheWholeHistory() {
        for (Shape shape : Shape.values()) {
            for (long seed = 0; seed < 10; seed++) {
                Series s = GeneratedTraces.series(shape, "memory_mib", seed, SAMPLES);
                RightsizeRecommender rightsize = new RightsizeRecommender();

                double online = rightsize.recommend(ResourceKind.MEMORY, s.timestamps(), s.values(), 3600).limit();
                double whole = rightsize.recommend(ResourceKind.MEMORY, s.values()).limit();

                assertTrue(online <= whole, shape + " " + seed + ": " + online + " > " + whole);
            }
        }
    }

    @Test
    void aHorizonLongerThanHalfTheHistoryGetsTheStaticRule() {
        long[] times = LongStream.range(0, 100).map(t -> 60 * t).toArray();
        double[] values = GeneratedTraces.series(Shape.FLAT, "memory_mib", 1, 100).values();
        RightsizeRecommender rightsize = new RightsizeRecommender();

        assertEquals(rightsize.recommend(ResourceKind.MEMORY, values),
                rightsize.recommend(ResourceKind.MEMORY, times, values, 3600));
        assertEquals(rightsize.recommend(ResourceKind.MEMORY, values),
                rightsize.recommend(ResourceKind.MEMORY, times, values, Recommender.UNTIL_FURTHER_NOTICE));
    }

    @Test
    void aStartUpSpikeInTheHistoryIsNotReadAsForecastError() {
        for (long seed = 0; seed < SERIES; seed++) {
            // The spike (three times the level, five minutes) at minute 400 of a 500-minute history.
            double[] history = java.util.Arrays.copyOf(
                    GeneratedTraces.series(Shape.STARTUP_SPIKE, "memory_mib", seed, SAMPLES).values(), SAMPLES / 2);
            double peak = java.util.Arrays.stream(history).max().orElseThrow();

            double limit = new RightsizeRecommender().recommend(ResourceKind.MEMORY, history).limit();

            // The peak and its 10 % headroom; counted as error too, the spike would make it about three times that.
            assertTrue(limit <= 1.1 * peak * 1.000001, "seed " + seed + ": " + limit / peak + " x the peak");
        }
    }

    /** Mean slack over the generated FALL series from {@code minute} on, recommended every hour after minute 500. */
    private static double slackAfter(Recommender recommender, int minute) {
        double slack = 0;
        for (long seed = 0; seed < SERIES; seed++) {
            Replay r = Replay.of(GeneratedTraces.series(Shape.FALL, "memory_mib", seed, SAMPLES), SAMPLES / 2, 3600,
                    recommender).orElseThrow();
            int from = minute - SAMPLES / 2;
            double unused = 0;
            double allocated = 0;
            for (int i = from; i < r.usage().length; i++) {
                unused += Math.max(r.allocation()[i] - r.usage()[i], 0);
                allocated += r.allocation()[i];
            }
            slack += unused / allocated;
        }
        return 100 * slack / SERIES;
    }

    private static BacktestResult rolling(Recommender recommender, Shape shape, String resource) {
        List<Series> series = LongStream.range(0, SERIES)
                .mapToObj(seed -> GeneratedTraces.series(shape, resource, seed, SAMPLES)).toList();
        return Backtest.run(series, 0.5, 3600, List.of(recommender)).get(0);
    }

    private static double overrunPct(Recommender recommender, Shape shape, String resource) {
        List<Series> series = LongStream.range(0, SERIES)
                .mapToObj(seed -> GeneratedTraces.series(shape, resource, seed, SAMPLES)).toList();
        BacktestResult result = Backtest.run(series, 0.5, List.of(recommender)).get(0);
        return result.overrunPct();
    }
}
