package io.rightsize.common.messaging;

import java.time.Instant;

/**
 * A task lifecycle event on the {@code orchestrator} topic. STARTED carries pid, host and allocation;
 * the end events carry exit code, duration and, for failures, the reason.
 */
public record TaskEvent(TaskEventType type, String orderId, long taskId, int position, String service,
                        Long pid, String host, Allocation allocation, Integer exitCode,
                        Double durationSeconds, String reason, Instant timestamp) {

    public static TaskEvent started(String orderId, long taskId, int position, String service, long pid,
                                    String host, Allocation allocation, Instant at) {
        return new TaskEvent(TaskEventType.STARTED, orderId, taskId, position, service, pid, host, allocation,
                null, null, null, at);
    }

    public static TaskEvent ended(TaskEventType type, String orderId, long taskId, int position, String service,
                                  Long pid, String host, Integer exitCode, double durationSeconds, String reason,
                                  Instant at) {
        return new TaskEvent(type, orderId, taskId, position, service, pid, host, null, exitCode,
                durationSeconds, reason, at);
    }

    public String key() {
        return Topics.taskKey(orderId, taskId);
    }
}
