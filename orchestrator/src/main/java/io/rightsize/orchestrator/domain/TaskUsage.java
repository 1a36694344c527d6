package io.rightsize.orchestrator.domain;

/**
 * What a task used over its whole run, read as its process ended: total CPU time and peak resident memory. A task
 * shorter than a sampling interval has no samples, but always this.
 */
public record TaskUsage(double cpuSeconds, long peakMemoryBytes) {

    public TaskUsage {
        if (!(cpuSeconds >= 0) || peakMemoryBytes < 0) {
            throw new IllegalArgumentException("usage must be non-negative: " + cpuSeconds + " s, "
                    + peakMemoryBytes + " bytes");
        }
    }
}
