package io.rightsize.producer.sampling;

/** Cumulative bytes received and sent through a network namespace's interfaces, loopback excluded. */
public record NetworkCounters(long receivedBytes, long transmittedBytes) {

    public static final NetworkCounters ZERO = new NetworkCounters(0, 0);
}
