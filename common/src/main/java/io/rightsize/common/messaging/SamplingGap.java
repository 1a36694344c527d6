package io.rightsize.common.messaging;

import java.time.Instant;
import java.util.Objects;

/**
 * A window of a task's run in which its samples may be missing because no sampler was following it (the
 * monitor-producer started, or restarted, after the task did). Statistics and completeness checks read missing
 * seconds inside a recorded gap as known, not as lost.
 */
public record SamplingGap(String orderId, long taskId, String service, Instant from, Instant to, String reason) {

    public SamplingGap {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("gap ends before it starts: " + from + " .. " + to);
        }
    }

    public String key() {
        return Topics.taskKey(orderId, taskId);
    }
}
