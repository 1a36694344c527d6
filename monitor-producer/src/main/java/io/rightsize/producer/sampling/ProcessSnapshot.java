package io.rightsize.producer.sampling;

/** Cumulative counters of a process at one instant; two of them make a rate. */
public record ProcessSnapshot(long wallMillis, long cpuMillis, long residentBytes, long bytesRead, long bytesWritten) {
}
