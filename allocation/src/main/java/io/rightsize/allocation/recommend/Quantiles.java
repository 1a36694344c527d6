package io.rightsize.allocation.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/** Empirical quantiles: plain ones as PostgreSQL's percentile_cont computes them, and recency-weighted ones. */
final class Quantiles {

    private Quantiles() {
    }

    /**
     * The {@code p}-quantile (0 < p <= 1) with linear interpolation between order statistics, the same
     * definition as the monitor-consumer's {@code percentile_cont}, so a recommendation matches the stored stats.
     */
    static double linear(double[] values, double p) {
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p * 100);
    }

    /**
     * The {@code p}-quantile of {@code values} where each sample weighs half as much as one {@code halfLife}
     * samples newer, so a level the task has left behind fades out, as VPA's decaying histograms do.
     */
    static double recencyWeighted(double[] values, double p, double halfLife) {
        int n = values.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] weights = IntStream.range(0, n).mapToDouble(i -> Math.pow(0.5, (n - 1 - i) / halfLife)).toArray();
        double total = Arrays.stream(weights).sum();
        double cumulative = 0;
        for (Integer i : order) {
            cumulative += weights[i];
            if (cumulative >= p * total) {
                return values[i];
            }
        }
        return values[order[n - 1]];
    }
}
