package io.rightsize.allocation.backtest;

/**
 * How one recommender did on one resource: {@code slackPct} is the mean unused share of its allocation,
 * {@code overrunPct} the mean share of future samples above it (both averaged over the {@code series} judged).
 * {@code versusReference} compares it with the reference recommender at equal overrun (null for the reference
 * itself, for the hindsight yardstick, and where no scaling reaches the other's overrun).
 * {@code changesPerSeriesPerDay} is how often its allocation moved (0 in the static backtest), and
 * {@code unrecommendedSeries} how many series it gave no recommendation for (too short a history for it), which
 * are left out of its scores.
 */
public record BacktestResult(String recommender, String resource, double slackPct, double overrunPct, int series,
                             AtEqualOverrun versusReference, double changesPerSeriesPerDay,
                             int unrecommendedSeries) {

    /** Without a comparison, never moved. */
    public BacktestResult(String recommender, String resource, double slackPct, double overrunPct, int series) {
        this(recommender, resource, slackPct, overrunPct, series, null, 0, 0);
    }

    /** A recommender that recommended for none of the series. */
    static BacktestResult unrecommended(String recommender, String resource, int series) {
        return new BacktestResult(recommender, resource, Double.NaN, Double.NaN, 0, null, 0, series);
    }

    /** Whether it was scored on any series. */
    public boolean scored() {
        return series > 0;
    }
}
