package io.rightsize.common.messaging;

/** Resources granted to a task: requests are what it should need, limits what it may never exceed. */
public record Allocation(long cpuRequestMillicores, long cpuLimitMillicores, long memoryRequestBytes,
                         long memoryLimitBytes, String source) {
}
