package io.rightsize.allocation.recommend.vpa;

/**
 * VPA's exponential bucketing ({@code util/histogram_options.go}): bucket 0 is [0, firstBucketSize) and each next
 * one is {@code ratio} times as wide, so the relative resolution is the same at 10 millicores as at 100 cores.
 *
 * @param count           number of buckets; the last has no upper end
 * @param firstBucketSize width of bucket 0
 * @param ratio           how much wider each bucket is than the one before
 * @param epsilon         the weight below which a bucket counts as empty
 */
record ExponentialBuckets(int count, double firstBucketSize, double ratio, double epsilon) {

    /** VPA's minSampleWeight ({@code model/aggregations_config.go}): the CPU sample weight, and epsilon's scale. */
    static final double MIN_SAMPLE_WEIGHT = 0.1;
    /** Small enough that a sample of weight minSampleWeight still counts after the history VPA keeps. */
    static final double EPSILON = 0.001 * MIN_SAMPLE_WEIGHT;
    /** Each bucket 5 % wider than the one before (DefaultHistogramBucketSizeGrowth). */
    static final double RATIO = 1.05;
    /** CPU in cores: first bucket 0.01 cores, buckets up to 1000 cores (cpuHistogramOptions). */
    static final ExponentialBuckets CPU_CORES = of(1000.0, 0.01, RATIO, EPSILON);
    /** Memory in bytes: first bucket 1e7 bytes, buckets up to 1e12 bytes (memoryHistogramOptions). */
    static final ExponentialBuckets MEMORY_BYTES = of(1e12, 1e7, RATIO, EPSILON);

    /** As NewExponentialHistogramOptions: enough buckets that the last one starts at or above {@code maxValue}. */
    static ExponentialBuckets of(double maxValue, double firstBucketSize, double ratio, double epsilon) {
        if (!(maxValue > 0 && firstBucketSize > 0 && ratio > 1 && epsilon > 0)) {
            throw new IllegalArgumentException("need maxValue, firstBucketSize and epsilon > 0 and ratio > 1");
        }
        int count = (int) Math.ceil(log(ratio, maxValue * (ratio - 1) / firstBucketSize + 1)) + 1;
        return new ExponentialBuckets(count, firstBucketSize, ratio, epsilon);
    }

    /** The bucket {@code value} falls in; values past the last bucket's start fall in the last one. */
    int find(double value) {
        if (value < firstBucketSize) {
            return 0;
        }
        return Math.min((int) log(ratio, value * (ratio - 1) / firstBucketSize + 1), count - 1);
    }

    /** Where {@code bucket} starts: firstBucketSize x (ratio^bucket - 1) / (ratio - 1). */
    double start(int bucket) {
        if (bucket < 0 || bucket >= count) {
            throw new IndexOutOfBoundsException("bucket " + bucket + " of " + count);
        }
        return bucket == 0 ? 0 : firstBucketSize * (Math.pow(ratio, bucket) - 1) / (ratio - 1);
    }

    private static double log(double base, double x) {
        return Math.log(x) / Math.log(base);
    }
}
