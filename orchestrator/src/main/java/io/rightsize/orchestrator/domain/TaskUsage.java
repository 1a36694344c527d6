package io.rightsize.orchestrator.domain;

import java.util.OptionalDouble;

/**
 * What a task used over its whole run, read as its process ended: total CPU time and peak memory, and where it ran
 * in a cgroup, the time its CPU limit held it back. A task shorter than a sampling interval has no samples, but
 * always this.
 */
public record TaskUsage(double cpuSeconds, long peakMemoryBytes, OptionalDouble throttledSeconds) {

    public TaskUsage {
        if (!(cpuSeconds >= 0) || peakMemoryBytes < 0 || throttledSeconds.orElse(0) < 0) {
            throw new IllegalArgumentException("usage must be non-negative: " + cpuSeconds + " s, "
                    + peakMemoryBytes + " bytes, " + throttledSeconds + " s throttled");
        }
    }

    /** Where throttling was not counted (limits emulated, or an end read from the task's own record). */
    public TaskUsage(double cpuSeconds, long peakMemoryBytes) {
        this(cpuSeconds, peakMemoryBytes, OptionalDouble.empty());
    }
}
