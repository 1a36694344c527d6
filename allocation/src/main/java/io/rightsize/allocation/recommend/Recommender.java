package io.rightsize.allocation.recommend;

/** Turns a usage history into an allocation; implementations are immutable and safe to share. */
public interface Recommender {

    /** The short name used in backtest tables and on the command line, e.g. {@code vpa}. */
    String name();

    /** One line for people choosing among recommenders: the rule, e.g. "CPU p90 + 15%, memory peak + 15%". */
    String description();

    /**
     * Recommends from {@code history} (usage samples in time order, oldest first; finite and non-negative).
     *
     * @throws IllegalArgumentException for an empty history or a NaN, infinite or negative sample
     */
    Recommendation recommend(ResourceKind kind, double[] history);
}
