package io.rightsize.allocation.recommend.vpa;

import io.rightsize.allocation.recommend.History;
import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import java.util.Comparator;
import java.util.List;

/**
 * The Kubernetes VPA recommender with its default flags, as the baseline a cluster would actually run. CPU: every
 * sample into a decaying histogram of cores with the weight minSampleWeight ({@code model/aggregate_container_state
 * .go}, addCPUSample: VPA dropped the weighting by the container's request in 2025, so a trace without requests
 * needs no stand-in). Memory: one peak per 24 h interval ({@link MemoryPeaks}, {@code model/container.go}), OOM
 * kills as bumped peaks. Both histograms halve a sample's weight every 24 h. The target is p90 + 15 %, the bounds
 * p50 and p95 + 15 % narrowed and widened by the history's confidence, all at least 25 millicores and 250 MiB
 * ({@link Estimate}, {@code logic/recommender.go}, {@code logic/estimator.go}).
 *
 * <p>VPA sets the request to the target, so request = limit = target and the backtest judges it; the bounds are the
 * band VPA's updater leaves a running pod in. Lower bound <= target <= upper bound by construction: the percentiles
 * are ordered and the confidence factors are at most and at least 1. One difference: VPA counts the history's
 * samples and span on CPU samples alone, also for memory; a series here has only its own, so memory counts its own.
 */
public final class VpaRecommender implements Recommender {

    /** cpu-histogram-decay-half-life and memory-histogram-decay-half-life. */
    static final long HALF_LIFE_SECONDS = 24 * 3600;
    /** memory-aggregation-interval: memory is judged by its peak per day. */
    static final long MEMORY_INTERVAL_SECONDS = 24 * 3600;

    @Override
    public String name() {
        return "vpa";
    }

    @Override
    public String description() {
        return "Kubernetes VPA's recommender: p90 of a decaying histogram (memory: of daily peaks) + 15%, at least"
                + " 25m CPU and 250 MiB; bounds p50 and p95 widened for a short history";
    }

    /** Samples taken {@link Recommender#DEFAULT_SPACING_SECONDS} apart. */
    @Override
    public Recommendation recommend(ResourceKind kind, double[] history) {
        return recommend(kind, Recommender.evenlySpaced(history.length), history);
    }

    @Override
    public Recommendation recommend(ResourceKind kind, long[] timestamps, double[] values) {
        return kind == ResourceKind.CPU ? cpu(timestamps, values) : recommendMemory(timestamps, values, List.of());
    }

    /**
     * Memory in bytes, also learning from OOM kills: each enters, in time order with the samples, as a peak of
     * max(+100 MiB, x1.2) over its request (or the interval's peak, if larger).
     */
    public Recommendation recommendMemory(long[] timestamps, double[] bytes, List<OomKill> kills) {
        requireSeries(timestamps, bytes);
        DecayingHistogram histogram = new DecayingHistogram(ExponentialBuckets.MEMORY_BYTES, HALF_LIFE_SECONDS);
        MemoryPeaks peaks = new MemoryPeaks(histogram, MEMORY_INTERVAL_SECONDS);
        List<OomKill> byTime = kills.stream().sorted(Comparator.comparingLong(OomKill::timestampSeconds)).toList();
        int kill = 0;
        for (int i = 0; i < bytes.length; i++) {
            // A kill at a sample's time follows that sample: the usage was read, then the container died.
            while (kill < byTime.size() && byTime.get(kill).timestampSeconds() < timestamps[i]) {
                peaks.addOom(byTime.get(kill).timestampSeconds(), byTime.get(kill++).requestBytes());
            }
            peaks.addSample(timestamps[i], bytes[i]);
        }
        for (; kill < byTime.size(); kill++) {
            peaks.addOom(byTime.get(kill).timestampSeconds(), byTime.get(kill).requestBytes());
        }
        return estimate(ResourceKind.MEMORY, histogram, timestamps);
    }

    private static Recommendation cpu(long[] timestamps, double[] millicores) {
        requireSeries(timestamps, millicores);
        DecayingHistogram histogram = new DecayingHistogram(ExponentialBuckets.CPU_CORES, HALF_LIFE_SECONDS);
        for (int i = 0; i < millicores.length; i++) {
            histogram.add(millicores[i] / 1000, ExponentialBuckets.MIN_SAMPLE_WEIGHT, timestamps[i]);
        }
        return estimate(ResourceKind.CPU, histogram, timestamps);
    }

    private static Recommendation estimate(ResourceKind kind, DecayingHistogram histogram, long[] timestamps) {
        VpaConfidence confidence = VpaConfidence.of(timestamps[0], timestamps[timestamps.length - 1],
                timestamps.length);
        long target = Estimate.TARGET.of(kind, histogram, confidence);
        return new Recommendation(target, target, Estimate.LOWER_BOUND.of(kind, histogram, confidence),
                Estimate.UPPER_BOUND.of(kind, histogram, confidence));
    }

    private static void requireSeries(long[] timestamps, double[] values) {
        History.requireValid(values);
        if (timestamps.length != values.length) {
            throw new IllegalArgumentException(timestamps.length + " timestamps for " + values.length + " values");
        }
    }
}
