package io.rightsize.producer.sampling;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns successive snapshots of one task into samples: CPU in millicores, disk and network in bytes/s over the last
 * interval (since the task's start for the first), memory as bytes in use now; where the task has a cgroup, the
 * seconds per second its CPU limit held it back and its OOM kills so far.
 */
final class TaskSampler {

    private static final double MICROS_PER_SECOND = 1e6;

    private final TaskEvent started;
    private ProcessSnapshot previous;
    /** The last network reading and its time: a missed reading must not shorten the next rate's interval. */
    private NetworkCounters network;
    private long networkMillis;

    TaskSampler(TaskEvent started, ProcessSnapshot origin) {
        this.started = started;
        this.previous = origin;
        this.network = origin.network();
        this.networkMillis = origin.wallMillis();
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
        Instant at = Instant.ofEpochMilli(now.wallMillis());
        List<UsageSample> samples = new ArrayList<>(8);
        samples.add(sample(Resource.CPU_MILLICORES, rate(now.cpuMillis(), previous.cpuMillis(), seconds), at));
        samples.add(sample(Resource.MEMORY_BYTES, now.residentBytes(), at));
        samples.add(sample(Resource.DISK_READ_BYTES_PER_SECOND, rate(now.bytesRead(), previous.bytesRead(), seconds), at));
        samples.add(sample(Resource.DISK_WRITE_BYTES_PER_SECOND,
                rate(now.bytesWritten(), previous.bytesWritten(), seconds), at));
        if (now.network() != null && network != null) {
            double networkSeconds = (now.wallMillis() - networkMillis) / 1000.0;
            samples.add(sample(Resource.NETWORK_RECEIVE_BYTES_PER_SECOND,
                    rate(now.network().receivedBytes(), network.receivedBytes(), networkSeconds), at));
            samples.add(sample(Resource.NETWORK_TRANSMIT_BYTES_PER_SECOND,
                    rate(now.network().transmittedBytes(), network.transmittedBytes(), networkSeconds), at));
        }
        if (now.network() != null) {
            network = now.network();
            networkMillis = now.wallMillis();
        }
        if (now.limits() != null) {
            // The origin has no counters (taken at the start, before the cgroup counted anything): 0 throttled then.
            long before = previous.limits() == null ? 0 : previous.limits().throttledMicros();
            samples.add(sample(Resource.CPU_THROTTLED_SECONDS_PER_SECOND,
                    rate(now.limits().throttledMicros(), before, seconds) / MICROS_PER_SECOND, at));
            now.limits().oomKills().ifPresent(kills -> samples.add(sample(Resource.OOM_KILLS, kills, at)));
        }
        previous = now;
        return samples;
    }

    /** Counters only grow; a drop (a counter reset) counts as nothing rather than a negative rate. */
    private static double rate(long now, long before, double seconds) {
        return Math.max(0, now - before) / seconds;
    }

    private UsageSample sample(Resource resource, double value, Instant at) {
        return new UsageSample(started.orderId(), started.taskId(), started.service(), resource, value, at);
    }
}
