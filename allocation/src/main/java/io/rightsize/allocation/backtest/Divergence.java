package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.trace.Series;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The series of one resource on which the recommenders' allocations differ most, with each one's replay: the one a
 * chart should show, since where they agree there is nothing to see. Most in the resource's unit, not relative to
 * usage: what is at stake, where rounding a tiny service up to 10 MiB would look like a wide gap.
 *
 * @param series    the series
 * @param replays   each recommender's replay of its future, by name, in the recommenders' order
 * @param spread    the largest minus the smallest mean allocation over the future, in the series' unit
 * @param meanUsage the mean usage over the future
 */
public record Divergence(Series series, Map<String, Replay> replays, double spread, double meanUsage) {

    /** The widest spread among the series the backtest judges; empty when no two recommenders allocate one. */
    public static Optional<Divergence> widest(List<Series> series, String resource, double historyFraction,
                                              long stepSeconds, List<Recommender> recommenders) {
        Divergence widest = null;
        for (Series s : series) {
            if (!s.resource().equals(resource) || !Backtest.judged(s, historyFraction)) {
                continue;
            }
            Map<String, Replay> replays = new LinkedHashMap<>();
            for (Recommender r : recommenders) {
                Replay.of(s, Backtest.historyLength(s, historyFraction), stepSeconds, r)
                        .ifPresent(replay -> replays.put(r.name(), replay));
            }
            if (replays.size() < 2) {
                continue;
            }
            double[] means = replays.values().stream().mapToDouble(r -> mean(r.allocation())).toArray();
            double usage = mean(replays.values().iterator().next().usage());
            double spread = Arrays.stream(means).max().orElseThrow() - Arrays.stream(means).min().orElseThrow();
            if (widest == null || spread > widest.spread) {
                widest = new Divergence(s, replays, spread, usage);
            }
        }
        return Optional.ofNullable(widest);
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }
}
