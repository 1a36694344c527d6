package io.rightsize.orchestrator.domain;

import io.rightsize.common.messaging.Allocation;
import java.time.Instant;
import java.util.Map;

/**
 * A task's stored state: an immutable snapshot, replaced as a whole on every change. {@code attempts} counts
 * launches: 2 after a retry with more memory; the other fields describe the latest attempt. {@code inputPixels} is
 * the size of the image the task read (0 until it is launched, or when its input could not be probed); {@code usage}
 * what its last attempt used in all, once it has ended (null before, or when its process left no record).
 */
public record TaskRecord(long id, int position, String service, Map<String, Double> params, TaskState state,
                         Long pid, String host, Instant startedAt, Instant finishedAt, Integer exitCode,
                         String reason, String outputImage, Allocation allocation, int attempts,
                         long inputPixels, TaskUsage usage) {

    public TaskRecord {
        params = Map.copyOf(params);
    }

    public TaskRecord running(long pid, String host, Instant at, String outputImage, Allocation allocation,
                              long inputPixels) {
        return new TaskRecord(id, position, service, params, TaskState.RUNNING, pid, host, at, null, null, null,
                outputImage, allocation, attempts, inputPixels, null);
    }

    /** Its turn came but its requests do not fit beside the running tasks' yet: {@code why}, with the numbers. */
    public TaskRecord waiting(String why, Allocation allocation, long inputPixels) {
        return new TaskRecord(id, position, service, params, TaskState.WAITING, pid, host, startedAt, finishedAt,
                exitCode, why, outputImage, allocation, attempts, inputPixels, usage);
    }

    public TaskRecord ended(TaskState end, Integer exitCode, String reason, Instant at) {
        return ended(end, exitCode, reason, at, null);
    }

    public TaskRecord ended(TaskState end, Integer exitCode, String reason, Instant at, TaskUsage used) {
        return new TaskRecord(id, position, service, params, end, pid, host, startedAt, at, exitCode, reason,
                outputImage, allocation, attempts, inputPixels, used);
    }

    /** The same task about to be launched again; {@link #running} then replaces the last attempt's details. */
    public TaskRecord nextAttempt() {
        return new TaskRecord(id, position, service, params, state, pid, host, startedAt, finishedAt, exitCode,
                reason, outputImage, allocation, attempts + 1, inputPixels, usage);
    }

    public double durationSeconds() {
        if (startedAt == null || finishedAt == null) {
            return 0;
        }
        return (finishedAt.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
    }
}
