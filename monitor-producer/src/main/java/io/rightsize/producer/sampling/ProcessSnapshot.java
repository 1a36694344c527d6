package io.rightsize.producer.sampling;

/**
 * Cumulative counters of a task at one instant; two of them make a rate. {@code network} is null where the task has
 * no network namespace of its own to count (a local process shares the host's).
 */
public record ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten,
                              NetworkCounters network) {

    public ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten) {
        this(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, null);
    }

    /** The same counters with the network namespace's. */
    public ProcessSnapshot withNetwork(NetworkCounters counters) {
        return new ProcessSnapshot(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, counters);
    }
}
