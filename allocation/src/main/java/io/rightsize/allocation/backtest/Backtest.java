package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.trace.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The backtest: each series' first {@code historyFraction} of samples is the history a recommender sees,
 * the rest the future its one allocation (the recommendation's limit) is judged on; slack and overrun are
 * averaged over series, per recommender and resource.
 */
public final class Backtest {

    /** Series with fewer history samples than this are skipped: no recommender can learn from them. */
    public static final int MIN_HISTORY_SAMPLES = 10;

    private Backtest() {
    }

    /** Results in the recommenders' order, then the resources' order of first appearance. */
    public static List<BacktestResult> run(List<Series> series, double historyFraction,
            List<Recommender> recommenders) {
        requireFraction(historyFraction);
        Set<String> resources = new LinkedHashSet<>();
        series.forEach(s -> resources.add(s.resource()));
        List<BacktestResult> results = new ArrayList<>();
        for (Recommender recommender : recommenders) {
            for (String resource : resources) {
                List<Fit> fits = new ArrayList<>();
                for (Series s : series) {
                    if (s.resource().equals(resource) && judged(s, historyFraction)) {
                        fits.add(fit(recommender, s, historyLength(s, historyFraction)));
                    }
                }
                if (!fits.isEmpty()) {
                    results.add(new BacktestResult(recommender.name(), resource,
                            100 * fits.stream().mapToDouble(Fit::slack).average().orElseThrow(),
                            100 * fits.stream().mapToDouble(Fit::overrun).average().orElseThrow(), fits.size()));
                }
            }
        }
        return results;
    }

    /** How many series {@link #run} skips at this fraction (too short a history, or no future). */
    public static int skipped(List<Series> series, double historyFraction) {
        requireFraction(historyFraction);
        return (int) series.stream().filter(s -> !judged(s, historyFraction)).count();
    }

    private static Fit fit(Recommender recommender, Series series, int historyLength) {
        double[] values = series.values();
        double allocation = recommender.recommend(ResourceKind.ofResourceName(series.resource()),
                Arrays.copyOfRange(values, 0, historyLength)).limit();
        return Fit.of(allocation, Arrays.copyOfRange(values, historyLength, values.length));
    }

    static boolean judged(Series series, double historyFraction) {
        int history = historyLength(series, historyFraction);
        return history >= MIN_HISTORY_SAMPLES && history < series.values().length;
    }

    static int historyLength(Series series, double historyFraction) {
        return (int) Math.floor(series.values().length * historyFraction);
    }

    private static void requireFraction(double historyFraction) {
        if (!(historyFraction > 0 && historyFraction < 1)) {
            throw new IllegalArgumentException("history fraction must be in (0, 1), got " + historyFraction);
        }
    }
}
