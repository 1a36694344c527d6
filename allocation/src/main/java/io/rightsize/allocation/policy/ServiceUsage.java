package io.rightsize.allocation.policy;

/**
 * What a service used in its latest runs, as the history heuristics see it: how many runs have samples, and the
 * samples of each resource, oldest first, at most {@link #MAX_SAMPLES} each.
 */
public record ServiceUsage(int runs, double[] cpuMillicores, double[] memoryBytes) {

    /** Per service and resource; about five and a half hours of one-second samples, so one query stays cheap. */
    public static final int MAX_SAMPLES = 20_000;

    public static final ServiceUsage NONE = new ServiceUsage(0, new double[0], new double[0]);

    /** True when a recommender has too little to go on: samples of fewer runs than asked for, or none at all. */
    public boolean lacks(int minRuns) {
        return runs < minRuns || cpuMillicores.length == 0 || memoryBytes.length == 0;
    }
}
