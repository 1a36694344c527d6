package io.rightsize.allocation.backtest;

/**
 * How one recommender did on one resource: {@code slackPct} is the mean unused share of its allocation,
 * {@code overrunPct} the mean share of future samples above it (both averaged over the {@code series} judged).
 * {@code versusReference} compares it with the reference recommender at equal overrun (null for the reference
 * itself, for the hindsight yardstick, and where no scaling reaches the other's overrun).
 */
public record BacktestResult(String recommender, String resource, double slackPct, double overrunPct, int series,
                             AtEqualOverrun versusReference) {

    /** Without a comparison. */
    public BacktestResult(String recommender, String resource, double slackPct, double overrunPct, int series) {
        this(recommender, resource, slackPct, overrunPct, series, null);
    }
}
