package io.rightsize.allocation.policy;

import io.rightsize.allocation.recommend.MemoryBump;
import io.rightsize.common.messaging.Allocation;
import java.util.Optional;

/**
 * Never below VPA's bump of a limit the service ran out of memory under on an input no larger than this one: the
 * kill showed the task needs more than that limit.
 */
public final class OomFloor {

    private OomFloor() {
    }

    /** The allocation raised to the floor, or empty when it already is at or above it. */
    public static Optional<Allocation> raise(Allocation a, long largestOomLimitBytes) {
        long floor = MemoryBump.afterOom(largestOomLimitBytes);
        if (a.memoryLimitBytes() >= floor) {
            return Optional.empty();
        }
        return Optional.of(new Allocation(a.cpuRequestMillicores(), a.cpuLimitMillicores(),
                Math.min(a.memoryRequestBytes(), floor), floor, a.source()));
    }
}
