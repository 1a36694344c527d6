package io.rightsize.predictor.recommend;

import io.rightsize.common.messaging.Allocation;

/** Turns raw numbers into an allocation a scheduler accepts: CPU in tens of millicores, memory in MiB, limit >= request. */
final class AllocationRounding {

    static final long MIN_CPU_MILLICORES = 10;
    static final long MIN_MEMORY_BYTES = 32L << 20;
    private static final long MIB = 1L << 20;

    private AllocationRounding() {
    }

    static Allocation round(double cpuRequest, double cpuLimit, double memoryRequest, double memoryLimit,
                            String source) {
        long cpuReq = Math.max(MIN_CPU_MILLICORES, ceilTo(cpuRequest, 10));
        long cpuLim = Math.max(cpuReq, ceilTo(cpuLimit, 10));
        long memReq = Math.max(MIN_MEMORY_BYTES, ceilTo(memoryRequest, MIB));
        long memLim = Math.max(memReq, ceilTo(memoryLimit, MIB));
        return new Allocation(cpuReq, cpuLim, memReq, memLim, source);
    }

    private static long ceilTo(double value, long unit) {
        if (!Double.isFinite(value) || value <= 0) {
            return 0;
        }
        return (long) Math.ceil(value / unit) * unit;
    }
}
