package io.rightsize.allocation.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The allocation policy's settings, one prefix for every service that allocates (the predictor and the
 * orchestrator read the same {@code rightsize.allocation.*}, e.g. {@code RIGHTSIZE_ALLOCATION_MEMORY_ATTEMPTS}).
 */
@ConfigMapping(prefix = "rightsize.allocation")
public interface AllocationConfig {

    /** Used while a service has too little history; defaults: {@link DefaultAllocation#STANDARD}. */
    Default defaultAllocation();

    /** Earlier runs of a service a heuristic needs before its history replaces the default. */
    @WithDefault("3")
    int minHistoryRuns();

    /** The least and the most any task is given; each maximum defaults to the capacity. */
    BoundsSettings bounds();

    /** Runs a task gets when it runs out of memory, each with more, the last at the maximum. */
    @WithDefault("3")
    int memoryAttempts();

    interface Default {
        Optional<Long> cpuRequestMillicores();

        Optional<Long> cpuLimitMillicores();

        Optional<Long> memoryRequestBytes();

        Optional<Long> memoryLimitBytes();

        Optional<Double> expectedSeconds();

        default DefaultAllocation value() {
            DefaultAllocation s = DefaultAllocation.STANDARD;
            return new DefaultAllocation(cpuRequestMillicores().orElse(s.cpuRequestMillicores()),
                    cpuLimitMillicores().orElse(s.cpuLimitMillicores()),
                    memoryRequestBytes().orElse(s.memoryRequestBytes()),
                    memoryLimitBytes().orElse(s.memoryLimitBytes()), expectedSeconds().orElse(s.expectedSeconds()));
        }
    }

    interface BoundsSettings {
        Optional<Long> minCpuMillicores();

        Optional<Long> maxCpuMillicores();

        Optional<Long> minMemoryBytes();

        Optional<Long> maxMemoryBytes();

        /** Configured values where given, else the floors and {@code capacity}. */
        default Bounds within(Capacity capacity) {
            return Bounds.configured(minCpuMillicores(), maxCpuMillicores(), minMemoryBytes(), maxMemoryBytes(),
                    capacity);
        }

        /** Whether both maximums are configured (then no capacity needs finding). */
        default boolean maximumConfigured() {
            return maxCpuMillicores().isPresent() && maxMemoryBytes().isPresent();
        }
    }

    default HistoryPolicy historyPolicy() {
        return new HistoryPolicy(defaultAllocation().value(), minHistoryRuns());
    }

    default MemoryRetries memoryRetries() {
        return new MemoryRetries(memoryAttempts());
    }
}
