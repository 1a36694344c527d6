package io.rightsize.common.messaging;

import java.time.Instant;
import java.util.Objects;

/** One resource measurement of one task at one instant, as published on the {@code resources} topic. */
public record UsageSample(String orderId, long taskId, String service, Resource resource, double value,
                          Instant timestamp) {

    public UsageSample {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite, got " + value);
        }
    }

    /** The Kafka key: all samples of a task go to one partition, so they stay in order. */
    public String key() {
        return Topics.taskKey(orderId, taskId);
    }
}
