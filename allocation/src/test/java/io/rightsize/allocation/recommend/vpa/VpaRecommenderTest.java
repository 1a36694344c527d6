package io.rightsize.allocation.recommend.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VpaRecommenderTest {

    /** 2023-01-29 00:00 UTC, a multiple of a day. */
    private static final long MIDNIGHT = 1_674_950_400L;
    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;
    private static final double MIB = 1024 * 1024;
    /** Two days at one sample a minute: 2881 samples spanning 2880 minutes, confidence min(2.0, 2.0007) = 2. */
    private static final int TWO_DAYS = 2881;

    private final VpaRecommender vpa = new VpaRecommender();

    @Test
    void steadyCpuGetsTheBucketEndPlusFifteenPercentAndConfidenceBounds() {
        Recommendation r = vpa.recommend(ResourceKind.CPU, minutes(TWO_DAYS), constant(TWO_DAYS, 300));

        // 300m = 0.3 cores: 1.05^n = 1 + 0.3 x 0.05 / 0.01 = 2.5, n = 18.78, bucket 18; every percentile is its end,
        // 0.2 x (1.05^19 - 1) = 0.30539 cores = 305 millicores (truncated). + trunc(305 x 0.15 = 45.75) = 350.
        // upper: 350 x (1 + 1/2) = 525; lower: trunc(350 / 1.0005^2 = 349.65) = 349.
        assertEquals(new Recommendation(350, 350, 349, 525), r);
    }

    @Test
    void steadyMemoryIsJudgedByItsDailyPeaks() {
        Recommendation r = vpa.recommend(ResourceKind.MEMORY, minutes(TWO_DAYS), constant(TWO_DAYS, 300 * MIB));

        // 300 MiB = 314572800 bytes: 1.05^n = 1 + 314572800 / 2e8 = 2.5729, n = 19.37, bucket 19, ending at
        // 2e8 x (1.05^20 - 1) = 330659541.03 -> 330659541; + trunc(49598931.15) = 380258472.
        // upper: 380258472 x 1.5 = 570387708; lower: trunc(380258472 / 1.0005^2 = 379878498.53) = 379878498.
        assertEquals(new Recommendation(380_258_472, 380_258_472, 379_878_498, 570_387_708), r);
    }

    @Test
    void anOomKillRaisesMemoryThroughItsBumpedPeak() {
        Recommendation r = vpa.recommendMemory(minutes(TWO_DAYS), constant(TWO_DAYS, 300 * MIB),
                List.of(new OomKill(MIDNIGHT + 36 * HOUR, 300 * MIB)));

        // Peaks: day 1 300 MiB (weight 1), day 2 bumped to max(400, 360) = 400 MiB (weight 2), day 3 (the sample at
        // minute 2880) 300 MiB (weight 4). p90 = 6.3 of 7: 300 MiB's bucket holds 5, so 400 MiB's bucket: 1.05^n =
        // 1 + 419430400 / 2e8 = 3.0972, n = 23.17, ending at 2e8 x (1.05^24 - 1) = 445019988.74 -> 445019988;
        // + trunc(66752998.2) = 511772986.
        assertEquals(511_772_986, r.limit());
        assertEquals(r.limit(), r.request());
    }

    @Test
    void smallUsageGetsThePodMinimums() {
        Recommendation cpu = vpa.recommend(ResourceKind.CPU, minutes(TWO_DAYS), constant(TWO_DAYS, 2));
        Recommendation memory = vpa.recommend(ResourceKind.MEMORY, minutes(TWO_DAYS), constant(TWO_DAYS, 100 * MIB));

        // CPU: bucket 0 ends at 10m; 10 + trunc(1.5) = 11, upper trunc(16.5) = 16: all under 25m.
        assertEquals(new Recommendation(25, 25, 25, 25), cpu);
        // Memory: 100 MiB is in bucket 8 (n = 8.63), ending at 110265643; + 16539846 = 126805489, upper 190208233:
        // all under 250 MiB = 262144000 bytes.
        assertEquals(new Recommendation(262_144_000, 262_144_000, 262_144_000, 262_144_000), memory);
    }

    @Test
    void aShortHistoryWidensTheBounds() {
        // 46 samples a minute apart: span 45 minutes = 1/32 day (exact), 46/1440 more: confidence 1/32.
        Recommendation r = vpa.recommend(ResourceKind.CPU, minutes(46), constant(46, 300));

        // Target 350 as above; upper 350 x (1 + 32) = 11550; lower trunc(350 / 1.032^2 = 350 / 1.065024 = 328.63).
        assertEquals(new Recommendation(350, 350, 328, 11_550), r);
    }

    @Test
    void boundsHoldTheTargetWhateverTheHistory() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 10, 100, 1000, 5000}) {
            for (ResourceKind kind : ResourceKind.values()) {
                double scale = kind == ResourceKind.CPU ? 200 : 400 * MIB;
                double[] values = new double[n];
                Arrays.setAll(values, i -> scale * Math.abs(random.nextGaussian()) * (1 + i % 7));
                Recommendation r = vpa.recommend(kind, values);
                assertTrue(r.lowerBound() <= r.limit() && r.limit() <= r.upperBound(), kind + " " + n + ": " + r);
                assertEquals(r.limit(), r.request());
            }
        }
    }

    @Test
    void aHistoryWithoutTimesIsOneSampleAMinute() {
        double[] values = constant(100, 300);

        assertEquals(vpa.recommend(ResourceKind.CPU, Recommender.evenlySpaced(100), values),
                vpa.recommend(ResourceKind.CPU, values));
    }

    @Test
    void refusesMismatchedTimesAndBadSamples() {
        assertThrows(IllegalArgumentException.class, () -> vpa.recommend(ResourceKind.CPU, new long[] {0},
                new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> vpa.recommend(ResourceKind.MEMORY, new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new OomKill(0, 0));
    }

    @Test
    void isListedAsVpa() {
        assertInstanceOf(VpaRecommender.class, Recommenders.byName("vpa").orElseThrow());
    }

    private static long[] minutes(int n) {
        long[] times = new long[n];
        Arrays.setAll(times, i -> MIDNIGHT + i * MINUTE);
        return times;
    }

    private static double[] constant(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }
}
