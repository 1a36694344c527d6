package io.rightsize.allocation.policy;

import io.rightsize.common.messaging.Allocation;

/**
 * What a task gets while its service has too little history for any recommender: declared here once, configured
 * once ({@code rightsize.allocation.default-allocation.*}).
 *
 * @param expectedSeconds the run length assumed for a service never seen
 */
public record DefaultAllocation(long cpuRequestMillicores, long cpuLimitMillicores, long memoryRequestBytes,
                                long memoryLimitBytes, double expectedSeconds) {

    /** 500m/2 cores, 256 MiB/1 GiB: enough for every sample image; 10 s for an unknown task. */
    public static final DefaultAllocation STANDARD = new DefaultAllocation(500, 2000, 256L << 20, 1L << 30, 10);

    public DefaultAllocation {
        if (cpuRequestMillicores <= 0 || cpuLimitMillicores < cpuRequestMillicores || memoryRequestBytes <= 0
                || memoryLimitBytes < memoryRequestBytes || !(expectedSeconds > 0)) {
            throw new IllegalArgumentException("a default allocation needs 0 < request <= limit per resource and a"
                    + " positive expected run: " + cpuRequestMillicores + "m/" + cpuLimitMillicores + "m, "
                    + (memoryRequestBytes >> 20) + "/" + (memoryLimitBytes >> 20) + " MiB, " + expectedSeconds + " s");
        }
    }

    public Allocation allocation(String source) {
        return Rounding.up(cpuRequestMillicores, cpuLimitMillicores, memoryRequestBytes, memoryLimitBytes, source);
    }
}
