package io.rightsize.orchestrator.allocation;

import io.rightsize.allocation.recommend.MemoryBump;
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

    /**
     * The retry of a task that ran out of memory: the memory limit becomes {@link MemoryBump#afterOom} of the old
     * one, exactly as VPA bumps it (not rounded to MiB, so the retry gets precisely the documented amount), or
     * {@code floorBytes} when that is more, and the request grows in proportion (rounded up to whole MiB, at most
     * the limit), keeping its share of the limit as VPA keeps the request-to-limit ratio. CPU is unchanged.
     */
    public static Allocation afterOom(Allocation a, long floorBytes) {
        long bumped = MemoryBump.afterOom(a.memoryLimitBytes());
        long limit = Math.max(bumped, floorBytes);
        long request = Math.min(limit, wholeMiB((double) a.memoryRequestBytes() / a.memoryLimitBytes() * limit));
        return new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(), request, limit,
                a.source() + (limit > bumped ? ", memory raised to the default limit after OOM"
                        : ", memory bumped after OOM"));
    }

    private static Allocation rounded(double cpuRequest, double cpuLimit, double memoryRequest, double memoryLimit,
                                      String source) {
        long cpuRequestMillicores = Math.max(MIN_CPU_MILLICORES, (long) Math.ceil(cpuRequest));
        long cpuLimitMillicores = Math.max(cpuRequestMillicores, (long) Math.ceil(cpuLimit));
        long memoryRequestBytes = Math.max(MIN_MEMORY_BYTES, wholeMiB(memoryRequest));
        long memoryLimitBytes = Math.max(memoryRequestBytes, wholeMiB(memoryLimit));
        return new Allocation(cpuRequestMillicores, cpuLimitMillicores, memoryRequestBytes, memoryLimitBytes, source);
    }

    private static long wholeMiB(double bytes) {
        return (long) Math.ceil(bytes / MIB) * (long) MIB;
    }
}
