package io.rightsize.allocation.recommend.vpa;

/**
 * VPA's decaying histogram ({@code util/histogram.go}, {@code util/decaying_histogram.go}): a sample's weight is
 * multiplied by 2^((time - reference) / halfLife), so a sample one half-life older counts half and the percentiles
 * follow recent usage. A percentile is the end of the bucket where the cumulative weight reaches it, as VPA returns
 * it. Filled once per recommendation, then read; not shared.
 */
final class DecayingHistogram {

    /** When a weight would pass 2^100 the reference moves forward and all weights shrink (maxDecayExponent). */
    private static final int MAX_DECAY_EXPONENT = 100;

    private final ExponentialBuckets buckets;
    private final long halfLifeSeconds;
    private final double[] weights;
    private double totalWeight;
    /** The first bucket of at least epsilon weight, or the last bucket when there is none. */
    private int minBucket;
    /** The last bucket of at least epsilon weight, or 0 when there is none. */
    private int maxBucket;
    /** A multiple of the half-life; absent (VPA's zero time) until the first sample. */
    private long referenceSeconds;
    private boolean hasReference;

    DecayingHistogram(ExponentialBuckets buckets, long halfLifeSeconds) {
        if (halfLifeSeconds < 1) {
            throw new IllegalArgumentException("half-life must be at least a second, got " + halfLifeSeconds);
        }
        this.buckets = buckets;
        this.halfLifeSeconds = halfLifeSeconds;
        this.weights = new double[buckets.count()];
        this.minBucket = buckets.count() - 1;
        this.maxBucket = 0;
    }

    void add(double value, double weight, long timeSeconds) {
        requireWeight(weight);
        double decayed = weight * decayFactor(timeSeconds);
        int bucket = buckets.find(value);
        weights[bucket] += decayed;
        totalWeight += decayed;
        if (bucket < minBucket && weights[bucket] >= buckets.epsilon()) {
            minBucket = bucket;
        }
        if (bucket > maxBucket && weights[bucket] >= buckets.epsilon()) {
            maxBucket = bucket;
        }
    }

    /** Takes back a sample added with the same value, weight and time (a memory peak that was replaced). */
    void subtract(double value, double weight, long timeSeconds) {
        requireWeight(weight);
        double decayed = weight * decayFactor(timeSeconds);
        int bucket = buckets.find(value);
        totalWeight = safeSubtract(totalWeight, decayed);
        weights[bucket] = safeSubtract(weights[bucket], decayed);
        updateMinAndMaxBucket();
    }

    /**
     * The end of the first bucket at which the cumulative weight reaches {@code percentile} (in [0, 1]) of the total,
     * searching no further than the last non-empty bucket; the last bucket, which has no end, gives its start; 0 when
     * empty.
     */
    double percentile(double percentile) {
        if (isEmpty()) {
            return 0;
        }
        double partialSum = 0;
        double threshold = percentile * totalWeight;
        int bucket = minBucket;
        for (; bucket < maxBucket; bucket++) {
            partialSum += weights[bucket];
            if (partialSum >= threshold) {
                break;
            }
        }
        return bucket < buckets.count() - 1 ? buckets.start(bucket + 1) : buckets.start(bucket);
    }

    boolean isEmpty() {
        return weights[minBucket] < buckets.epsilon();
    }

    /** The sum of the decayed weights, relative to the current reference time. */
    double totalWeight() {
        return totalWeight;
    }

    private double decayFactor(long timeSeconds) {
        if (!hasReference || timeSeconds > referenceSeconds + halfLifeSeconds * MAX_DECAY_EXPONENT) {
            shiftReference(timeSeconds);
        }
        return Math.pow(2, (double) (timeSeconds - referenceSeconds) / halfLifeSeconds);
    }

    /**
     * Moves the reference to the multiple of the half-life nearest {@code timeSeconds} (halfway rounds up, as Go's
     * Time.Round; counted from the Unix epoch, which for VPA's 24 h is the same as from Go's zero time), scaling the
     * weights so their ratios stay.
     */
    private void shiftReference(long timeSeconds) {
        long reference = Math.floorDiv(timeSeconds + halfLifeSeconds / 2, halfLifeSeconds) * halfLifeSeconds;
        if (hasReference) {
            int exponent = (int) Math.floor((double) (referenceSeconds - reference) / halfLifeSeconds + 0.5);
            scale(Math.scalb(1.0, exponent));
        }
        referenceSeconds = reference;
        hasReference = true;
    }

    private void scale(double factor) {
        for (int bucket = minBucket; bucket <= maxBucket; bucket++) {
            weights[bucket] *= factor;
        }
        totalWeight *= factor;
        updateMinAndMaxBucket();
    }

    private void updateMinAndMaxBucket() {
        int lastBucket = buckets.count() - 1;
        while (weights[minBucket] < buckets.epsilon() && minBucket < lastBucket) {
            minBucket++;
        }
        while (weights[maxBucket] < buckets.epsilon() && maxBucket > 0) {
            maxBucket--;
        }
    }

    private double safeSubtract(double value, double sub) {
        double left = value - sub;
        return left < buckets.epsilon() ? 0 : left;
    }

    private static void requireWeight(double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("sample weight must be finite and non-negative, got " + weight);
        }
    }
}
