package io.rightsize.allocation.backtest;

import io.rightsize.allocation.trace.Series;
import java.util.Arrays;
import java.util.List;

/**
 * A yardstick, not a recommender: one static allocation per series chosen knowing the backtest's future, at no
 * more mean overrun than a target. Each series takes the allocation that minimises slack + lambda x overrun over
 * its own future; lambda is searched so the mean overrun meets the target. The result is achievable, so the least
 * slack possible at that overrun is at most what it reports; being a Lagrangian search it only reaches the convex
 * hull of each series' trade-offs, so on a few series it can be well above that least, while over dozens it shows
 * how far a history-only recommender is from what the data allowed.
 */
public final class Hindsight {

    /** The recommender name its result is reported under. */
    public static final String NAME = "hindsight";
    private static final int SEARCH_STEPS = 60;

    private Hindsight() {
    }

    /**
     * The hindsight bound for one resource at mean overrun at most {@code targetOverrunPct} (in percent), over the
     * series {@link Backtest#run} judges at this history fraction.
     */
    public static BacktestResult atOverrun(List<Series> series, double historyFraction, String resource,
                                           double targetOverrunPct) {
        return atOverrun(resource, series.stream()
                .filter(s -> s.resource().equals(resource) && Backtest.judged(s, historyFraction))
                .map(s -> Arrays.copyOfRange(s.values(), Backtest.historyLength(s, historyFraction),
                        s.values().length))
                .toList(), targetOverrunPct);
    }

    /** The hindsight bound for one resource's series futures (each one series' usage, in any order). */
    public static BacktestResult atOverrun(String resource, List<double[]> seriesFutures, double targetOverrunPct) {
        List<Future> futures = seriesFutures.stream().map(Future::of).toList();
        if (futures.isEmpty()) {
            throw new IllegalArgumentException("no series of " + resource + " to judge");
        }
        double target = targetOverrunPct / 100;
        double low = 0;
        double high = 1;
        while (meanFit(futures, high).overrun() > target && high < 1e12) {
            high *= 2;
        }
        Fit best = meanFit(futures, high);
        for (int step = 0; step < SEARCH_STEPS; step++) {
            double lambda = (low + high) / 2;
            Fit fit = meanFit(futures, lambda);
            if (fit.overrun() <= target) {
                high = lambda;
                best = fit;
            } else {
                low = lambda;
            }
        }
        return new BacktestResult(NAME, resource, 100 * best.slack(), 100 * best.overrun(), futures.size());
    }

    private static Fit meanFit(List<Future> futures, double lambda) {
        double slack = 0;
        double overrun = 0;
        for (Future future : futures) {
            Fit fit = future.best(lambda);
            slack += fit.slack();
            overrun += fit.overrun();
        }
        return new Fit(slack / futures.size(), overrun / futures.size());
    }

    /**
     * One series' future, sorted, with prefix sums so every candidate allocation is judged in constant time;
     * {@code idle} samples used nothing.
     */
    private record Future(double[] sorted, double[] prefix, int idle) {

        static Future of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double[] prefix = new double[sorted.length + 1];
            int idle = 0;
            for (int i = 0; i < sorted.length; i++) {
                prefix[i + 1] = prefix[i] + sorted[i];
                idle += sorted[i] <= 0 ? 1 : 0;
            }
            return new Future(sorted, prefix, idle);
        }

        /** The candidate allocations are 0 and each distinct future value; the backtest's slack and overrun. */
        Fit best(double lambda) {
            int n = sorted.length;
            Fit best = new Fit((double) idle / n, (double) (n - idle) / n);
            double bestCost = best.slack() + lambda * best.overrun();
            for (int k = idle; k < n; k++) {
                if (k + 1 < n && sorted[k + 1] == sorted[k]) {
                    continue;
                }
                double a = sorted[k];
                int atOrBelow = k + 1;
                Fit fit = new Fit((atOrBelow * a - prefix[atOrBelow]) / (a * n), (double) (n - atOrBelow) / n);
                double cost = fit.slack() + lambda * fit.overrun();
                if (cost < bestCost) {
                    best = fit;
                    bestCost = cost;
                }
            }
            return best;
        }
    }
}
