package io.rightsize.orchestrator.domain;

/** What a service used in its earlier tasks: how many runs, and the stored samples of each resource, oldest first. */
public record ServiceUsage(int runs, double[] cpuMillicores, double[] memoryBytes) {

    public static final ServiceUsage NONE = new ServiceUsage(0, new double[0], new double[0]);

    /** True when a recommender has too little to go on: samples of fewer runs than asked for, or none at all. */
    public boolean lacks(int minRuns) {
        return runs < minRuns || cpuMillicores.length == 0 || memoryBytes.length == 0;
    }
}
