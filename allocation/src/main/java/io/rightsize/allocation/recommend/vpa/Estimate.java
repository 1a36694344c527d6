package io.rightsize.allocation.recommend.vpa;

import io.rightsize.allocation.recommend.ResourceKind;

/**
 * VPA's three estimators with their default flags ({@code logic/recommender.go}, CreatePodResourceRecommender;
 * {@code logic/estimator.go}): a histogram percentile, plus the 15 % safety margin, times the confidence factor for
 * the bounds, at least the pod minimum. Each step rounds down to a whole millicore or byte, as VPA's integer
 * ResourceAmount does.
 */
enum Estimate {
    /** recommendation-lower-bound-{cpu,memory}-percentile 0.5, narrowed by (1 + 0.001/confidence)^-2. */
    LOWER_BOUND(0.5),
    /** target-{cpu,memory}-percentile 0.9, no confidence factor. */
    TARGET(0.9),
    /** recommendation-upper-bound-{cpu,memory}-percentile 0.95, widened by (1 + 1/confidence). */
    UPPER_BOUND(0.95);

    /** safety-margin-fraction. */
    static final double SAFETY_MARGIN = 0.15;
    /** pod-recommendation-min-cpu-millicores, all of it to the pod's one container. */
    static final long MIN_CPU_MILLICORES = 25;
    /** pod-recommendation-min-memory-mb (MiB: VPA multiplies by 1024 x 1024), all of it to the one container. */
    static final long MIN_MEMORY_BYTES = 250L * 1024 * 1024;
    /** VPA's MaxResourceAmount: where an amount is capped (an infinite upper bound lands here). */
    private static final double MAX_AMOUNT = 1e14;

    private final double percentile;

    Estimate(double percentile) {
        this.percentile = percentile;
    }

    /** In millicores (the histogram holds cores) or bytes. */
    long of(ResourceKind kind, DecayingHistogram histogram, VpaConfidence confidence) {
        long base = amount(kind == ResourceKind.CPU ? histogram.percentile(percentile) * 1000
                : histogram.percentile(percentile));
        long withMargin = base + amount(base * SAFETY_MARGIN);
        long scaled = switch (this) {
            case LOWER_BOUND -> amount(withMargin * confidence.lowerBoundFactor());
            case TARGET -> withMargin;
            case UPPER_BOUND -> amount(withMargin * confidence.upperBoundFactor());
        };
        return Math.max(scaled, kind == ResourceKind.CPU ? MIN_CPU_MILLICORES : MIN_MEMORY_BYTES);
    }

    /**
     * VPA's resourceAmountFromFloat: capped at MaxResourceAmount, negatives to 0, the rest truncated. 0 x infinity
     * (nothing used, no span) is NaN, which Java truncates to 0 and Go to a negative number: the minimum wins either
     * way.
     */
    private static long amount(double value) {
        return value > MAX_AMOUNT ? (long) MAX_AMOUNT : (long) Math.max(value, 0);
    }
}
