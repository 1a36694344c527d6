package io.rightsize.consumer.store;

import io.rightsize.common.messaging.Resource;

/** Statistics of one resource over a group of samples (a service, or one task). */
public record UsageStats(long taskId, String service, Resource resource, long count, double min, double avg,
                         double max, double p50, double p90, double p95, double p99) {
}
