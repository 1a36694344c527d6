package io.rightsize.predictor.model;

import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.Hindsight;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The backtest winner, which Recommend serves by default: of the recommenders (not the hindsight yardstick), the
 * least {@link ModelMetadata.BacktestScore#cost}, averaged over CPU and memory. Running short is priced by the time
 * it loses, so an OOM kill (its whole attempt) weighs far more than a throttled second (its excess). With nothing
 * judged, the reference heuristic.
 */
final class RecommenderChoice {

    /** A second lost running short costs ten reserved seconds wasted: the task, and all waiting on it, are late. */
    static final double RUNNING_SHORT_WEIGHT = 10;

    private RecommenderChoice() {
    }

    static String winner(List<ModelMetadata.BacktestScore> backtest) {
        return backtest.stream()
                .filter(s -> !s.recommender().equals(Hindsight.NAME))
                .collect(Collectors.groupingBy(ModelMetadata.BacktestScore::recommender,
                        Collectors.averagingDouble(ModelMetadata.BacktestScore::cost)))
                .entrySet().stream()
                .min(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(Backtest.REFERENCE);
    }
}
