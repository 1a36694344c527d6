package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.trace.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backtest: each series' first {@code historyFraction} of samples is the history a recommender sees,
 * the rest the future its one allocation (the recommendation's limit) is judged on; slack and overrun are
 * averaged over series, per recommender and resource.
 */
public final class Backtest {

    /**
     * What every recommender is compared with at equal overrun: VPA, the baseline and the one Kubernetes
     * users run.
     */
    public static final String REFERENCE = "vpa";

    /** Series with fewer history samples than this are skipped: no recommender can learn from them. */
    public static final int MIN_HISTORY_SAMPLES = 10;

    private Backtest() {
    }

    /**
     * Results in the recommenders' order, then the resources' order of first appearance; each compared with
     * {@link #REFERENCE} at equal overrun when that is among the recommenders.
     */
    public static List<BacktestResult> run(List<Series> series, double historyFraction,
            List<Recommender> recommenders) {
        requireFraction(historyFraction);
        List<String> names = recommenders.stream().map(Recommender::name).toList();
        if (Set.copyOf(names).size() != names.size()) {
            throw new IllegalArgumentException("recommenders must have distinct names, got " + names);
        }
        Set<String> resources = new LinkedHashSet<>();
        series.forEach(s -> resources.add(s.resource()));
        List<BacktestResult> results = new ArrayList<>();
        for (String resource : resources) {
            Map<String, AllocationSeries> byRecommender = new LinkedHashMap<>();
            for (Recommender recommender : recommenders) {
                AllocationSeries allocations = new AllocationSeries();
                for (int i = 0; i < series.size(); i++) {
                    Series s = series.get(i);
                    if (s.resource().equals(resource) && judged(s, historyFraction)) {
                        // Keyed by position: two series of one service (traces joined) stay two series.
                        allocate(allocations, i + ":" + s.service(), recommender, s,
                                historyLength(s, historyFraction));
                    }
                }
                if (allocations.series() > 0) {
                    byRecommender.put(recommender.name(), allocations);
                }
            }
            AllocationSeries reference = byRecommender.get(REFERENCE);
            double referenceOverrun = reference == null ? Double.NaN : reference.score(1).overrunPct();
            byRecommender.forEach((name, allocations) -> {
                ScaledScore own = allocations.score(1);
                AtEqualOverrun versus = reference == null || name.equals(REFERENCE) ? null
                        : atEqualOverrun(allocations, reference, Math.min(own.overrunPct(), referenceOverrun));
                results.add(new BacktestResult(name, resource, own.slackPct(), own.overrunPct(), allocations.series(),
                        versus));
            });
        }
        results.sort(Comparator.comparingInt((BacktestResult r) -> names.indexOf(r.recommender())));
        return results;
    }

    /** Both scaled up to {@code level}, the lower of their two overruns; null when no factor gets one there. */
    private static AtEqualOverrun atEqualOverrun(AllocationSeries own, AllocationSeries reference, double level) {
        Optional<ScaledScore> ownThere = own.atOverrun(level);
        Optional<ScaledScore> referenceThere = reference.atOverrun(level);
        return ownThere.isPresent() && referenceThere.isPresent()
                ? new AtEqualOverrun(REFERENCE, ownThere.get(), referenceThere.get()) : null;
    }

    /** How many series {@link #run} skips at this fraction (too short a history, or no future). */
    public static int skipped(List<Series> series, double historyFraction) {
        requireFraction(historyFraction);
        return (int) series.stream().filter(s -> !judged(s, historyFraction)).count();
    }

    private static void allocate(AllocationSeries allocations, String key, Recommender recommender, Series series,
                                 int historyLength) {
        double[] values = series.values();
        double allocation = recommender.recommend(ResourceKind.ofResourceName(series.resource()),
                Arrays.copyOfRange(values, 0, historyLength)).limit();
        allocations.addAll(key, allocation, Arrays.copyOfRange(values, historyLength, values.length));
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
