package io.rightsize.producer.sampling;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns successive snapshots of one task's process into samples: CPU in millicores and disk in bytes/s over
 * the last interval (since process start for the first), memory as resident bytes now.
 */
final class TaskSampler {

    private final TaskEvent started;
    private ProcessSnapshot previous;

    TaskSampler(TaskEvent started, long processStartMillis) {
        this.started = started;
        this.previous = new ProcessSnapshot(processStartMillis, 0, 0, 0, 0);
    }

    TaskEvent task() {
        return started;
    }

    /** Samples for this snapshot, or none when no time has passed since the last one. */
    List<UsageSample> next(ProcessSnapshot now) {
        long wall = now.wallMillis() - previous.wallMillis();
        if (wall <= 0) {
            return List.of();
        }
        double seconds = wall / 1000.0;
        double cpuMillicores = Math.max(0, now.cpuMillis() - previous.cpuMillis()) * 1000.0 / wall;
        double readRate = Math.max(0, now.bytesRead() - previous.bytesRead()) / seconds;
        double writeRate = Math.max(0, now.bytesWritten() - previous.bytesWritten()) / seconds;
        previous = now;
        Instant at = Instant.ofEpochMilli(now.wallMillis());
        return List.of(
                sample(Resource.CPU_MILLICORES, cpuMillicores, at),
                sample(Resource.MEMORY_BYTES, now.residentBytes(), at),
                sample(Resource.DISK_READ_BYTES_PER_SECOND, readRate, at),
                sample(Resource.DISK_WRITE_BYTES_PER_SECOND, writeRate, at));
    }

    static Optional<Long> checkSameProcess(TaskEvent started, Optional<Long> processStartMillis) {
        return processStartMillis.filter(start ->
                Math.abs(start - started.timestamp().toEpochMilli()) < 10_000);
    }

    private UsageSample sample(Resource resource, double value, Instant at) {
        return new UsageSample(started.orderId(), started.taskId(), started.service(), resource, value, at);
    }
}
