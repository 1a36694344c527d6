package io.rightsize.orchestrator.allocation;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.common.messaging.Allocation;

/**
 * The rules every launched allocation obeys, whoever recommended it: CPU in whole millicores (at least 10m),
 * memory in whole MiB (at least 32 MiB), each limit at least its request. Rounding is always up: a recommendation
 * is what the task needs, and rounding down would hand it less.
 */
public final class AllocationRules {

    public static final long MIN_CPU_MILLICORES = 10;
    public static final long MIN_MEMORY_BYTES = 32L * 1024 * 1024;
    private static final double MIB = 1024 * 1024;

    private AllocationRules() {
    }

    /** From a recommender's answers, CPU in millicores and memory in bytes. */
    public static Allocation of(Recommendation cpuMillicores, Recommendation memoryBytes, String source) {
        return rounded(cpuMillicores.request(), cpuMillicores.limit(), memoryBytes.request(), memoryBytes.limit(),
                source);
    }

    public static Allocation rounded(Allocation a) {
        return rounded(a.cpuRequestMillicores(), a.cpuLimitMillicores(), a.memoryRequestBytes(), a.memoryLimitBytes(),
                a.source());
    }

    private static Allocation rounded(double cpuRequest, double cpuLimit, double memoryRequest, double memoryLimit,
                                      String source) {
        long cpuRequestMillicores = Math.max(MIN_CPU_MILLICORES, (long) Math.ceil(cpuRequest));
        long cpuLimitMillicores = Math.max(cpuRequestMillicores, (long) Math.ceil(cpuLimit));
        long memoryRequestBytes = Math.max(MIN_MEMORY_BYTES, wholeMiB(memoryRequest));
        long memoryLimitBytes = Math.max(memoryRequestBytes, wholeMiB(memoryLimit));
        return new Allocation(cpuRequestMillicores, cpuLimitMillicores, memoryRequestBytes, memoryLimitBytes, source);
    }

    static long wholeMiB(double bytes) {
        return (long) Math.ceil(bytes / MIB) * (long) MIB;
    }
}
