package io.rightsize.allocation.recommend;

import java.util.Optional;

/** Turns a usage history into an allocation; implementations are immutable and safe to share. */
public interface Recommender {

    /** Samples a minute apart: the spacing assumed where a history comes without times. */
    long DEFAULT_SPACING_SECONDS = 60;
    /** The horizon of an allocation nobody will revisit: the static backtest's, and a task's. */
    long UNTIL_FURTHER_NOTICE = Long.MAX_VALUE;

    /** The short name used in backtest tables and on the command line, e.g. {@code vpa}. */
    String name();

    /** One line for people choosing among recommenders: the rule, e.g. "CPU p90 + 15%, memory peak + 15%". */
    String description();

    /**
     * Recommends from {@code history} (usage samples in time order, oldest first; finite and non-negative), taken
     * {@link #DEFAULT_SPACING_SECONDS} apart where the recommender needs times.
     *
     * @throws IllegalArgumentException for an empty history or a NaN, infinite or negative sample
     */
    Recommendation recommend(ResourceKind kind, double[] history);

    /**
     * Recommends from {@code values} taken at {@code timestamps} (Unix seconds, increasing): what a recommender
     * that weighs samples by age or groups them by interval needs. Others ignore the times.
     */
    default Recommendation recommend(ResourceKind kind, long[] timestamps, double[] values) {
        return recommend(kind, values);
    }

    /**
     * Recommends for an allocation that will stand {@code horizonSeconds} before the next recommendation
     * ({@link #UNTIL_FURTHER_NOTICE} when nobody will ask again): an online recommender follows the recent level
     * for a short horizon and covers the whole history for a long one. Others ignore the horizon.
     */
    default Recommendation recommend(ResourceKind kind, long[] timestamps, double[] values, long horizonSeconds) {
        return recommend(kind, timestamps, values);
    }

    /**
     * The recommendation for {@code horizonSeconds}, or empty where the recommender gives none for so short a
     * history (KRR below 100 points): a backtest reports that instead of scoring a made-up number.
     */
    default Optional<Recommendation> recommendIfEnough(ResourceKind kind, long[] timestamps, double[] values,
                                                       long horizonSeconds) {
        return values.length < minimumSamples() ? Optional.empty() : Optional.of(recommend(kind, timestamps,
                values, horizonSeconds));
    }

    /** The fewest samples it recommends from; 1 for all but those that refuse short histories. */
    default int minimumSamples() {
        return 1;
    }

    /** Evenly spaced times for a history that came without them, the last at 0. */
    static long[] evenlySpaced(int samples) {
        long[] times = new long[samples];
        for (int i = 0; i < samples; i++) {
            times[i] = (i - samples + 1L) * DEFAULT_SPACING_SECONDS;
        }
        return times;
    }
}
