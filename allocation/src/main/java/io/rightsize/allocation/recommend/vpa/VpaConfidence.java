package io.rightsize.allocation.recommend.vpa;

/**
 * How much history VPA trusts ({@code logic/estimator.go}, getConfidence): the lesser of the history's span in days
 * and its sample count over 1440, so a day of one sample a minute is 1. A short history widens the bounds, so an
 * updater does not move a new workload on little evidence.
 *
 * @param days the confidence, in days of one-a-minute samples
 */
record VpaConfidence(double days) {

    /** VPA's default confidence interval (confidence-interval-cpu, -memory): a day. */
    static final long INTERVAL_SECONDS = 24 * 3600;
    /** Samples in an interval at one a minute (confidenceInterval.Minutes()). */
    private static final double SAMPLES_PER_INTERVAL = INTERVAL_SECONDS / 60.0;

    /** From the first and last sample times and how many samples there were. */
    static VpaConfidence of(long firstSeconds, long lastSeconds, int samples) {
        double lifespan = (double) (lastSeconds - firstSeconds) / INTERVAL_SECONDS;
        return new VpaConfidence(Math.min(lifespan, samples / SAMPLES_PER_INTERVAL));
    }

    /** (1 + 1/confidence)^1 (recommender.go): x2 after a day, x1.14 after a week; infinite with no span. */
    double upperBoundFactor() {
        return factor(1.0, 1.0);
    }

    /** (1 + 0.001/confidence)^-2 (recommender.go): x0.6 after 5 minutes, x0.95 after an hour; 0 with no span. */
    double lowerBoundFactor() {
        return factor(0.001, -2.0);
    }

    private double factor(double multiplier, double exponent) {
        return Math.pow(1 + multiplier / days, exponent);
    }
}
