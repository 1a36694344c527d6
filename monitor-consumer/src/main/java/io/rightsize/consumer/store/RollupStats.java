package io.rightsize.consumer.store;

import io.rightsize.common.messaging.Resource;
import java.util.List;

/**
 * Statistics of one service and resource from its rollup buckets (ascending): count, min, max and average exactly;
 * percentiles as percentile_cont would give them, with the rank located in its bucket and the value interpolated
 * between that bucket's min and max, so within the bucket width (1%) of the exact value.
 */
final class RollupStats {

    /** One bucket's aggregates. */
    record Bucket(long count, double min, double max, double sum) {
    }

    private RollupStats() {
    }

    static UsageStats of(String service, Resource resource, List<Bucket> buckets) {
        long count = 0;
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Bucket b : buckets) {
            count += b.count();
            sum += b.sum();
            min = Math.min(min, b.min());
            max = Math.max(max, b.max());
        }
        return new UsageStats(0, service, resource, count, min, sum / count, max, percentile(buckets, count, 0.5),
                percentile(buckets, count, 0.9), percentile(buckets, count, 0.95), percentile(buckets, count, 0.99));
    }

    /** The value at 0-based rank q·(n−1), as percentile_cont ranks. */
    static double percentile(List<Bucket> buckets, long count, double q) {
        double rank = q * (count - 1);
        long before = 0;
        for (Bucket b : buckets) {
            if (rank < before + b.count() || b == buckets.get(buckets.size() - 1)) {
                double within = Math.min(Math.max(rank - before, 0), b.count() - 1);
                return b.count() == 1 ? b.min() : b.min() + (b.max() - b.min()) * within / (b.count() - 1);
            }
            before += b.count();
        }
        return Double.NaN;
    }
}
