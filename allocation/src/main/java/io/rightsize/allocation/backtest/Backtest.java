package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The backtest: each series' first {@code historyFraction} of samples is the history a recommender sees, the rest
 * the future its allocation (the recommendation's limit) is judged on; slack and overrun are averaged over series,
 * per recommender and resource. Static: one allocation for the whole future. Rolling: re-recommended every step
 * from all samples so far, moved as the recommender's band says ({@link Replay}).
 */
public final class Backtest {

    /** What every recommender is compared with at equal overrun: vpa-simple, the bar to beat. */
    public static final String REFERENCE = Recommenders.FALLBACK;

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
        return run(series, historyFraction, Replay.STATIC, recommenders);
    }

    /**
     * As {@link #run(List, double, List)}, re-recommending every {@code stepSeconds} after the history
     * ({@link Replay#STATIC} for never).
     */
    public static List<BacktestResult> run(List<Series> series, double historyFraction, long stepSeconds,
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
            Map<String, Changes> changes = new LinkedHashMap<>();
            for (Recommender recommender : recommenders) {
                AllocationSeries allocations = new AllocationSeries();
                Changes moved = new Changes();
                for (int i = 0; i < series.size(); i++) {
                    Series s = series.get(i);
                    if (s.resource().equals(resource) && judged(s, historyFraction)) {
                        Optional<Replay> replay = Replay.of(s, historyLength(s, historyFraction), stepSeconds,
                                recommender);
                        if (replay.isPresent()) {
                            // Keyed by position: two series of one service (traces joined) stay two series.
                            allocations.addAll(i + ":" + s.service(), replay.get().allocation(),
                                    replay.get().usage());
                            moved.add(replay.get());
                        } else {
                            moved.unrecommended++;
                        }
                    }
                }
                if (allocations.series() > 0 || moved.unrecommended > 0) {
                    byRecommender.put(recommender.name(), allocations);
                    changes.put(recommender.name(), moved);
                }
            }
            AllocationSeries reference = byRecommender.get(REFERENCE);
            boolean referenceScored = reference != null && reference.series() > 0;
            double referenceOverrun = referenceScored ? reference.score(1).overrunPct() : Double.NaN;
            byRecommender.forEach((name, allocations) -> {
                Changes moved = changes.get(name);
                if (allocations.series() == 0) {
                    results.add(BacktestResult.unrecommended(name, resource, moved.unrecommended));
                    return;
                }
                ScaledScore own = allocations.score(1);
                AtEqualOverrun versus = !referenceScored || name.equals(REFERENCE) ? null
                        : atEqualOverrun(allocations, reference, Math.min(own.overrunPct(), referenceOverrun));
                results.add(new BacktestResult(name, resource, own.slackPct(), own.overrunPct(), allocations.series(),
                        versus, moved.perSeriesPerDay(), moved.unrecommended));
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

    /** How often one recommender's allocations moved, per series and day, and where it gave none. */
    private static final class Changes {
        private double perDaySum;
        private int replays;
        private int unrecommended;

        void add(Replay replay) {
            perDaySum += replay.changes() / replay.days();
            replays++;
        }

        double perSeriesPerDay() {
            return replays == 0 ? 0 : perDaySum / replays;
        }
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
