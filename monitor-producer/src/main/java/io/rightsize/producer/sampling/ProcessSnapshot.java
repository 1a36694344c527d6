package io.rightsize.producer.sampling;

/**
 * Cumulative counters of a task at one instant; two of them make a rate. {@code network} is null where the task has
 * no network namespace of its own to count (a local process shares the host's); {@code limits} is null where it has
 * no cgroup of its own (a local task whose limits are emulated).
 */
public record ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten,
                              NetworkCounters network, LimitCounters limits) {

    public ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten) {
        this(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, null, null);
    }

    public ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten,
                           NetworkCounters network) {
        this(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, network, null);
    }

    /** The same counters with the network namespace's. */
    public ProcessSnapshot withNetwork(NetworkCounters counters) {
        return new ProcessSnapshot(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, counters, limits);
    }

    /** The same counters with the cgroup's throttling and OOM kills. */
    public ProcessSnapshot withLimits(LimitCounters counters) {
        return new ProcessSnapshot(wallMillis, cpuMillis, residentBytes, bytesRead, bytesWritten, network, counters);
    }

    /** The same counters with disk bytes from elsewhere (a process's own, where its cgroup does not count them). */
    public ProcessSnapshot withDisk(long read, long written) {
        return new ProcessSnapshot(wallMillis, cpuMillis, residentBytes, read, written, network, limits);
    }
}
