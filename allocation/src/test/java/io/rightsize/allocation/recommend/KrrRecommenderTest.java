package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KrrRecommenderTest {

    private static final double MIB = 1024 * 1024;
    private static final long DAY = 86_400;

    private final Recommender krr = Recommenders.byName("krr").orElseThrow();

    @Test
    void cpuIsP95RoundedUpToAMillicoreWithTheRequestAsLimit() {
        double[] oneToHundred = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

        // p95 of 1..100 (linear): 1 + 0.95 x 99 = 95.05, rounded up to 96 millicores. KRR sets no limit: the request.
        assertEquals(Recommendation.of(96), krr.recommend(ResourceKind.CPU, oneToHundred));
    }

    @Test
    void memoryIsThePeakPlusFifteenPercentRoundedUpToAMebibyte() {
        double[] memory = constant(100, 100 * MIB);
        memory[42] = 200.5 * MIB;

        // 200.5 MiB x 1.15 = 230.575 MiB, rounded up to 231 MiB = 242221056 bytes.
        assertEquals(Recommendation.of(231 * MIB), krr.recommend(ResourceKind.MEMORY, memory));
    }

    @Test
    void smallUsageGetsKrrsMinimums() {
        // CPU: p95 of 3m is 3m, under 10m. Memory: 50 MiB x 1.15 = 57.5 -> 58 MiB, under 100 MiB = 104857600 bytes.
        assertEquals(Recommendation.of(10), krr.recommend(ResourceKind.CPU, constant(100, 3)));
        assertEquals(Recommendation.of(100 * MIB), krr.recommend(ResourceKind.MEMORY, constant(100, 50 * MIB)));
    }

    @Test
    void fewerThanAHundredPointsGiveNoRecommendation() {
        assertEquals(100, krr.minimumSamples());
        assertTrue(krr.recommendIfEnough(ResourceKind.CPU, Recommender.evenlySpaced(99), constant(99, 50),
                Recommender.UNTIL_FURTHER_NOTICE).isEmpty());
        assertEquals(Recommendation.of(50), krr.recommendIfEnough(ResourceKind.CPU, Recommender.evenlySpaced(100),
                constant(100, 50), Recommender.UNTIL_FURTHER_NOTICE).orElseThrow());
    }

    @Test
    void onlyTheLastFourteenDaysCount() {
        // 100 samples at 500m, then 15 days later 99 at 50m (a minute apart): the old ones are past 14 days.
        long[] times = new long[199];
        double[] cpu = new double[199];
        for (int i = 0; i < 199; i++) {
            times[i] = i < 100 ? i * 60L : 15 * DAY + i * 60L;
            cpu[i] = i < 100 ? 500 : 50;
        }

        // 99 points in the window: none, though the series has 199.
        assertTrue(krr.recommendIfEnough(ResourceKind.CPU, times, cpu, Recommender.UNTIL_FURTHER_NOTICE)
                .isEmpty());
        // One more at 50m: p95 of the window's 100 is 50m (of all 200 it would be 500m).
        long[] more = Arrays.copyOf(times, 200);
        more[199] = more[198] + 60;
        double[] moreCpu = Arrays.copyOf(cpu, 200);
        moreCpu[199] = 50;
        assertEquals(Recommendation.of(50), krr.recommendIfEnough(ResourceKind.CPU, more, moreCpu,
                Recommender.UNTIL_FURTHER_NOTICE).orElseThrow());
    }

    private static double[] constant(int n, double value) {
        double[] values = new double[n];
        Arrays.fill(values, value);
        return values;
    }
}
