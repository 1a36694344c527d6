package io.rightsize.orchestrator.domain;

import io.rightsize.common.messaging.Allocation;
import java.time.Instant;
import java.util.Map;

/** A task's stored state: an immutable snapshot, replaced as a whole on every change. */
public record TaskRecord(long id, int position, String service, Map<String, Double> params, TaskState state,
                         Long pid, String host, Instant startedAt, Instant finishedAt, Integer exitCode,
                         String reason, String outputImage, Allocation allocation) {

    public TaskRecord {
        params = Map.copyOf(params);
    }

    public TaskRecord running(long pid, String host, Instant at, String outputImage, Allocation allocation) {
        return new TaskRecord(id, position, service, params, TaskState.RUNNING, pid, host, at, null, null, null,
                outputImage, allocation);
    }

    public TaskRecord ended(TaskState end, Integer exitCode, String reason, Instant at) {
        return new TaskRecord(id, position, service, params, end, pid, host, startedAt, at, exitCode, reason,
                outputImage, allocation);
    }

    public double durationSeconds() {
        if (startedAt == null || finishedAt == null) {
            return 0;
        }
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
