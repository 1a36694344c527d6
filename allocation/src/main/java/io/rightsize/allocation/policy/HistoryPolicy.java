package io.rightsize.allocation.policy;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.common.messaging.Allocation;

/**
 * A heuristic recommender over a service's history, or the default allocation while the history is shorter than
 * {@code minHistoryRuns} runs (few runs say little: on the demo's first run, vpa over two smaller images gave a
 * resize too little memory for a larger one). What the predictor serves, what the orchestrator falls back to, and
 * what the stored-data backtest judges.
 */
public record HistoryPolicy(DefaultAllocation defaults, int minHistoryRuns) {

    public static final int DEFAULT_MIN_HISTORY_RUNS = 3;

    public HistoryPolicy {
        if (minHistoryRuns < 1) {
            throw new IllegalArgumentException("a heuristic needs at least 1 earlier run, not " + minHistoryRuns);
        }
    }

    /** The recommender's allocation over the history, rounded, as {@code source}; the default when it lacks. */
    public Allocation allocate(Recommender recommender, ServiceUsage usage, String source, String defaultSource) {
        if (usage.lacks(minHistoryRuns)) {
            return defaults.allocation(defaultSource);
        }
        Recommendation cpu = recommender.recommend(ResourceKind.CPU, usage.cpuMillicores());
        Recommendation memory = recommender.recommend(ResourceKind.MEMORY, usage.memoryBytes());
        return Rounding.of(cpu, memory, source);
    }
}
