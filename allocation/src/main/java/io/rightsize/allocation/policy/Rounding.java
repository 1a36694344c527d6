package io.rightsize.allocation.policy;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.common.messaging.Allocation;

/**
 * The one rounding rule: CPU in whole millicores, memory in whole MiB, each rounded up (a recommendation is what the
 * task needs; rounding down would hand it less), each limit at least its request. A number that is not finite or
 * not above 0 becomes 0, which {@link Bounds} then raises to its minimum.
 */
public final class Rounding {

    private static final long MIB = 1L << 20;

    private Rounding() {
    }

    public static Allocation up(double cpuRequest, double cpuLimit, double memoryRequest, double memoryLimit,
                                String source) {
        long cpuRequestMillicores = ceil(cpuRequest, 1);
        long memoryRequestBytes = ceil(memoryRequest, MIB);
        return new Allocation(cpuRequestMillicores, Math.max(cpuRequestMillicores, ceil(cpuLimit, 1)),
                memoryRequestBytes, Math.max(memoryRequestBytes, ceil(memoryLimit, MIB)), source);
    }

    /** From a recommender's answers, CPU in millicores and memory in bytes. */
    public static Allocation of(Recommendation cpuMillicores, Recommendation memoryBytes, String source) {
        return up(cpuMillicores.request(), cpuMillicores.limit(), memoryBytes.request(), memoryBytes.limit(), source);
    }

    public static Allocation up(Allocation a) {
        return up(a.cpuRequestMillicores(), a.cpuLimitMillicores(), a.memoryRequestBytes(), a.memoryLimitBytes(),
                a.source());
    }

    /** Bytes rounded up to whole MiB. */
    public static long wholeMiB(double bytes) {
        return ceil(bytes, MIB);
    }

    private static long ceil(double value, long unit) {
        if (!Double.isFinite(value) || value <= 0) {
            return 0;
        }
        return (long) Math.ceil(value / unit) * unit;
    }
}
