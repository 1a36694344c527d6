package io.rightsize.consumer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.common.messaging.Resource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Rollup percentiles against exact percentile_cont on the same values, bucketed as usage_bucket() does. */
class RollupStatsTest {

    @Test
    void percentilesAreWithinTheBucketWidthOfTheExactOnes() {
        Random random = new Random(7);
        double[] values = new double[50_000];
        for (int i = 0; i < values.length; i++) {
            // Usage-like: mostly around a level, a long tail, some zeros.
            values[i] = i % 50 == 0 ? 0 : Math.exp(6 + random.nextGaussian());
        }
        UsageStats stats = RollupStats.of("svc", Resource.CPU_MILLICORES, buckets(values));
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        assertEquals(values.length, stats.count());
        assertEquals(sorted[0], stats.min(), 0);
        assertEquals(sorted[sorted.length - 1], stats.max(), 0);
        assertEquals(Arrays.stream(values).average().orElseThrow(), stats.avg(), 1e-9);
        assertEquals(exact(sorted, 0.5), stats.p50(), 0.01 * exact(sorted, 0.5));
        assertEquals(exact(sorted, 0.9), stats.p90(), 0.01 * exact(sorted, 0.9));
        assertEquals(exact(sorted, 0.95), stats.p95(), 0.01 * exact(sorted, 0.95));
        assertEquals(exact(sorted, 0.99), stats.p99(), 0.01 * exact(sorted, 0.99));
    }

    @Test
    void oneValueIsItsOwnEveryPercentile() {
        UsageStats stats = RollupStats.of("svc", Resource.MEMORY_BYTES, buckets(new double[] {42}));
        assertEquals(42, stats.p50(), 0);
        assertEquals(42, stats.p99(), 0);
    }

    /** As usage_bucket() in V5: one bucket for values <= 0, else floor(ln(v) / ln(1.01)). */
    private static List<RollupStats.Bucket> buckets(double[] values) {
        TreeMap<Integer, double[]> byBucket = new TreeMap<>();
        for (double v : values) {
            int bucket = v <= 0 ? Integer.MIN_VALUE : (int) Math.floor(Math.log(v) / Math.log(1.01));
            double[] a = byBucket.computeIfAbsent(bucket, b -> new double[] {0, Double.MAX_VALUE, -Double.MAX_VALUE, 0});
            a[0]++;
            a[1] = Math.min(a[1], v);
            a[2] = Math.max(a[2], v);
            a[3] += v;
        }
        List<RollupStats.Bucket> buckets = new ArrayList<>();
        byBucket.values().forEach(a -> buckets.add(new RollupStats.Bucket((long) a[0], a[1], a[2], a[3])));
        return buckets;
    }

    /** percentile_cont: linear between the two values around rank q·(n−1). */
    private static double exact(double[] sorted, double q) {
        double rank = q * (sorted.length - 1);
        int low = (int) Math.floor(rank);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}
