package io.rightsize.allocation.backtest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;

/**
 * One recommender's allocations for one resource, sample by sample and grouped into series: scored as the backtest
 * defines it (slack and overrun per series, then averaged), optionally with every allocation scaled by one factor.
 * Scaling answers the question "less slack at equal or lower overrun": a recommender that runs short more often
 * could always buy a lower overrun with a larger margin, and {@link #atOverrun} says what that would cost it.
 */
public final class AllocationSeries {

    private final Map<String, Samples> bySeries = new LinkedHashMap<>();

    /** One sample of {@code series}: what was allocated and what was used. */
    public void add(String series, double allocation, double usage) {
        bySeries.computeIfAbsent(series, k -> new Samples()).add(allocation, usage);
    }

    /** The same allocation for every sample of a series' future. */
    public void addAll(String series, double allocation, double[] future) {
        for (double usage : future) {
            add(series, allocation, usage);
        }
    }

    /** Sample by sample: {@code allocation[i]} in force while {@code usage[i]} was used. */
    public void addAll(String series, double[] allocation, double[] usage) {
        if (allocation.length != usage.length) {
            throw new IllegalArgumentException(allocation.length + " allocations for " + usage.length + " samples");
        }
        for (int i = 0; i < usage.length; i++) {
            add(series, allocation[i], usage[i]);
        }
    }

    /** How many series have samples. */
    public int series() {
        return bySeries.size();
    }

    /** Each series' usage samples, in the order added: what a yardstick chosen knowing them would fit. */
    public List<double[]> usage() {
        return bySeries.values().stream().map(s -> Arrays.copyOf(s.usage, s.size)).toList();
    }

    /**
     * Slack and overrun in percent, each averaged over series, with every allocation times {@code factor}.
     *
     * @throws IllegalStateException when no sample was added: there is nothing to average
     */
    public ScaledScore score(double factor) {
        if (bySeries.isEmpty()) {
            throw new IllegalStateException("no samples to score");
        }
        double slack = 0;
        double overrun = 0;
        for (Samples samples : bySeries.values()) {
            Fit fit = samples.fit(factor);
            slack += fit.slack();
            overrun += fit.overrun();
        }
        return new ScaledScore(factor, 100 * slack / bySeries.size(), 100 * overrun / bySeries.size());
    }

    /**
     * The smallest factor of at least 1 on the allocations that brings the overrun down to {@code overrunPct} or
     * below, and the slack there (factor 1 when the overrun already is); empty when no factor can (a sample used
     * something where nothing was allocated). Never below 1: the point is what a lower overrun would cost, not a
     * tighter fit chosen knowing the future.
     */
    public Optional<ScaledScore> atOverrun(double overrunPct) {
        if (score(1).overrunPct() <= overrunPct + 1e-9) {
            return Optional.of(score(1));
        }
        // Overrun only changes where a factor passes some sample's usage/allocation ratio, and never rises with it.
        double[] ratios = bySeries.values().stream().flatMapToDouble(Samples::clearingFactors).filter(r -> r > 1)
                .sorted().distinct().toArray();
        if (ratios.length == 0 || score(ratios[ratios.length - 1]).overrunPct() > overrunPct + 1e-9) {
            return Optional.empty();
        }
        int low = 0;
        int high = ratios.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (score(ratios[mid]).overrunPct() <= overrunPct + 1e-9) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return Optional.of(score(ratios[low]));
    }

    /** A series' samples in two growing arrays: a trace's future can hold thousands. */
    private static final class Samples {
        private double[] allocations = new double[16];
        private double[] usage = new double[16];
        private int size;

        void add(double allocation, double used) {
            if (size == usage.length) {
                allocations = Arrays.copyOf(allocations, 2 * size);
                usage = Arrays.copyOf(usage, 2 * size);
            }
            allocations[size] = allocation;
            usage[size++] = used;
        }

        Fit fit(double factor) {
            return Fit.of(allocations, usage, size, factor);
        }

        /**
         * For each sample with an allocation, the smallest factor whose allocation is not below its usage:
         * usage/allocation, nudged up where rounding would leave the product a hair under the usage (about one
         * pair in fifteen).
         */
        DoubleStream clearingFactors() {
            return IntStream.range(0, size).filter(i -> allocations[i] > 0).mapToDouble(i -> {
                double factor = usage[i] / allocations[i];
                while (factor * allocations[i] < usage[i]) {
                    factor = Math.nextUp(factor);
                }
                return factor;
            });
        }
    }
}
