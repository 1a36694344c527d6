package io.rightsize.allocation.backtest;

/**
 * How one recommender did on one resource: {@code slackPct} is the mean unused share of its allocation,
 * {@code overrunPct} the mean share of future samples above it (both averaged over the {@code series} judged).
 */
public record BacktestResult(String recommender, String resource, double slackPct, double overrunPct, int series) {
}
