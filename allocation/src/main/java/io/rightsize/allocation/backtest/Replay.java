package io.rightsize.allocation.backtest;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.trace.Series;
import java.util.Arrays;
import java.util.Optional;

/**
 * One recommender allocating one series' future as an online updater would: at the end of the warm-up and then
 * every {@code stepSeconds} it recommends from every sample so far, and the running allocation moves to the new
 * limit when the recommendation does not keep it ({@link Recommendation#keeps}). A step longer than the future is
 * the static backtest: one allocation, never changed. Recommenders see the series in their units
 * ({@link ResourceKind#toCanonical}); the replay is in the series' own.
 *
 * @param timestamps the future's sample times
 * @param usage      the future's usage
 * @param allocation the allocation in force at each future sample
 * @param changes    how often the allocation moved after the first one
 */
public record Replay(long[] timestamps, double[] usage, double[] allocation, int changes) {

    /** The step of the static backtest: never again. */
    public static final long STATIC = Recommender.UNTIL_FURTHER_NOTICE;

    /**
     * The replay of {@code series} after its first {@code warmup} samples; empty when the recommender gives no
     * recommendation at the end of the warm-up (too short a history for it). A step where it gives none keeps the
     * running allocation.
     */
    public static Optional<Replay> of(Series series, int warmup, long stepSeconds, Recommender recommender) {
        if (warmup < 1 || warmup >= series.values().length) {
            throw new IllegalArgumentException("warm-up must leave a history and a future: " + warmup + " of "
                    + series.values().length + " samples");
        }
        if (stepSeconds < 1) {
            throw new IllegalArgumentException("step must be at least one second, got " + stepSeconds);
        }
        ResourceKind kind = ResourceKind.ofResourceName(series.resource());
        double scale = ResourceKind.toCanonical(series.resource());
        long[] times = series.timestamps();
        double[] values = series.values();
        double[] canonical = scale == 1 ? values : Arrays.stream(values).map(v -> v * scale).toArray();
        int n = values.length;
        double[] allocation = new double[n - warmup];
        double running = Double.NaN;
        int changes = 0;
        int seen = warmup;
        while (seen < n) {
            Optional<Recommendation> next = recommender.recommendIfEnough(kind, Arrays.copyOf(times, seen),
                    Arrays.copyOf(canonical, seen), stepSeconds);
            if (Double.isNaN(running)) {
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                running = next.get().limit();
            } else if (next.isPresent() && !next.get().keeps(running)) {
                running = next.get().limit();
                changes++;
            }
            long until = stepSeconds == STATIC ? Long.MAX_VALUE : times[seen] + stepSeconds;
            int end = seen;
            while (end < n && times[end] < until) {
                allocation[end++ - warmup] = running / scale;
            }
            seen = end;
        }
        return Optional.of(new Replay(Arrays.copyOfRange(times, warmup, n), Arrays.copyOfRange(values, warmup, n),
                allocation, changes));
    }

    /** How long the future lasts in days, one sample spacing counted for its last sample. */
    public double days() {
        long spacing = timestamps.length > 1 ? (timestamps[timestamps.length - 1] - timestamps[0])
                / (timestamps.length - 1) : Recommender.DEFAULT_SPACING_SECONDS;
        return (timestamps[timestamps.length - 1] - timestamps[0] + spacing) / 86_400.0;
    }
}
