package io.rightsize.predictor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One recommender's allocations for one resource on the test samples, grouped by service (a series): scored as the
 * backtest defines it, optionally with every allocation scaled by one factor. Scaling answers the question the
 * issue asks, "less slack at equal or lower overrun": a recommender that runs short more often could always buy a
 * lower overrun with a larger margin, and {@link #atOverrun} says what that would cost it in slack.
 */
final class BacktestSeries {

    private final Map<String, List<double[]>> bySeries = new LinkedHashMap<>();

    void add(String series, double allocation, double usage) {
        bySeries.computeIfAbsent(series, k -> new ArrayList<>()).add(new double[] {allocation, usage});
    }

    int series() {
        return bySeries.size();
    }

    /** Slack and overrun in percent, each averaged over series, with every allocation times {@code factor}. */
    Score score(double factor) {
        double slack = 0;
        double overrun = 0;
        for (List<double[]> samples : bySeries.values()) {
            double unused = 0;
            double allocated = 0;
            int over = 0;
            for (double[] s : samples) {
                double allocation = factor * s[0];
                unused += Math.max(allocation - s[1], 0);
                allocated += allocation;
                over += s[1] > allocation ? 1 : 0;
            }
            slack += allocated > 0 ? unused / allocated : 0;
            overrun += (double) over / samples.size();
        }
        return new Score(factor, 100 * slack / bySeries.size(), 100 * overrun / bySeries.size());
    }

    /**
     * The smallest factor of at least 1 on the allocations that brings the overrun down to {@code overrunPct} or
     * below, and the slack there (factor 1 when the overrun already is); empty when no factor can (a sample used
     * something where nothing was allocated). Never below 1: the point is what a lower overrun would cost, not a
     * tighter fit chosen knowing the future.
     */
    Optional<Score> atOverrun(double overrunPct) {
        if (score(1).overrunPct() <= overrunPct + 1e-9) {
            return Optional.of(score(1));
        }
        // Overrun only changes where a factor passes some sample's usage/allocation ratio, and never rises with it.
        double[] ratios = bySeries.values().stream().flatMap(List::stream).filter(s -> s[0] > 0)
                .mapToDouble(BacktestSeries::clearingFactor).filter(r -> r > 1).sorted().distinct().toArray();
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

    /**
     * The smallest factor whose allocation is not below the sample's usage: usage/allocation, nudged up where
     * rounding would leave the product a hair under the usage (about one pair in fifteen).
     */
    private static double clearingFactor(double[] sample) {
        double factor = sample[1] / sample[0];
        while (factor * sample[0] < sample[1]) {
            factor = Math.nextUp(factor);
        }
        return factor;
    }

    /** A scored set of allocations: the factor they were scaled by, slack % and overrun %. */
    record Score(double factor, double slackPct, double overrunPct) {
    }
}
