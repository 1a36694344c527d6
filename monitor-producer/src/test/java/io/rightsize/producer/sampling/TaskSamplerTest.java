package io.rightsize.producer.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Counters become rates over the interval since the previous snapshot; network only where it is counted. */
class TaskSamplerTest {

    private static final TaskEvent STARTED = TaskEvent.started("o", 7, 0, "blur", 0, "node-a",
            new Allocation(1, 1, 1, 1, "vpa"), Instant.ofEpochMilli(10_000));

    @Test
    void turnsCountersIntoRatesIncludingThePodsNetwork() {
        TaskSampler sampler = new TaskSampler(STARTED, new ProcessSnapshot(10_000, 0, 0, 0, 0, NetworkCounters.ZERO));

        Map<Resource, Double> first = byResource(sampler.next(
                new ProcessSnapshot(12_000, 1_000, 4096, 2048, 0, new NetworkCounters(10_000, 4_000))));
        Map<Resource, Double> second = byResource(sampler.next(
                new ProcessSnapshot(13_000, 1_250, 8192, 2048, 1024, new NetworkCounters(10_500, 4_000))));

        assertEquals(Map.of(Resource.CPU_MILLICORES, 500.0, Resource.MEMORY_BYTES, 4096.0,
                Resource.DISK_READ_BYTES_PER_SECOND, 1024.0, Resource.DISK_WRITE_BYTES_PER_SECOND, 0.0,
                Resource.NETWORK_RECEIVE_BYTES_PER_SECOND, 5_000.0, Resource.NETWORK_TRANSMIT_BYTES_PER_SECOND, 2_000.0),
                first);
        assertEquals(Map.of(Resource.CPU_MILLICORES, 250.0, Resource.MEMORY_BYTES, 8192.0,
                Resource.DISK_READ_BYTES_PER_SECOND, 0.0, Resource.DISK_WRITE_BYTES_PER_SECOND, 1024.0,
                Resource.NETWORK_RECEIVE_BYTES_PER_SECOND, 500.0, Resource.NETWORK_TRANSMIT_BYTES_PER_SECOND, 0.0),
                second);
    }

    @Test
    void aLocalProcessHasNoNetworkSamplesAndAMissedNetworkReadingKeepsTheLastCounters() {
        TaskSampler local = new TaskSampler(STARTED, new ProcessSnapshot(10_000, 0, 0, 0, 0));
        assertEquals(4, local.next(new ProcessSnapshot(11_000, 10, 1, 0, 0)).size());

        TaskSampler pod = new TaskSampler(STARTED, new ProcessSnapshot(10_000, 0, 0, 0, 0, NetworkCounters.ZERO));
        pod.next(new ProcessSnapshot(11_000, 10, 1, 0, 0, new NetworkCounters(1_000, 0)));
        assertEquals(4, pod.next(new ProcessSnapshot(12_000, 20, 1, 0, 0, null)).size());
        Map<Resource, Double> after = byResource(pod.next(
                new ProcessSnapshot(13_000, 30, 1, 0, 0, new NetworkCounters(3_000, 0))));
        assertEquals(1_000.0, after.get(Resource.NETWORK_RECEIVE_BYTES_PER_SECOND), "2000 bytes over 2 s");
    }

    @Test
    void aTaskInItsOwnCgroupReportsThrottlingAsARateAndOomKillsAsACount() {
        TaskSampler sampler = new TaskSampler(STARTED, new ProcessSnapshot(10_000, 0, 0, 0, 0));

        Map<Resource, Double> first = byResource(sampler.next(new ProcessSnapshot(12_000, 400, 4096, 0, 0)
                .withLimits(new LimitCounters(1_600_000, OptionalLong.of(0)))));
        Map<Resource, Double> second = byResource(sampler.next(new ProcessSnapshot(13_000, 600, 4096, 0, 0)
                .withLimits(new LimitCounters(2_400_000, OptionalLong.of(1)))));
        Map<Resource, Double> third = byResource(sampler.next(new ProcessSnapshot(14_000, 800, 4096, 0, 0)
                .withLimits(new LimitCounters(2_400_000, OptionalLong.empty()))));

        assertEquals(0.8, first.get(Resource.CPU_THROTTLED_SECONDS_PER_SECOND), 1e-9, "1.6 s held back in 2 s");
        assertEquals(0.0, first.get(Resource.OOM_KILLS));
        assertEquals(0.8, second.get(Resource.CPU_THROTTLED_SECONDS_PER_SECOND), 1e-9);
        assertEquals(1.0, second.get(Resource.OOM_KILLS));
        assertEquals(0.0, third.get(Resource.CPU_THROTTLED_SECONDS_PER_SECOND));
        assertEquals(null, third.get(Resource.OOM_KILLS), "a kernel that does not count them");
        assertEquals(5, third.size(), "the four resources and throttling");
    }

    @Test
    void noTimePassedGivesNoSamples() {
        TaskSampler sampler = new TaskSampler(STARTED, new ProcessSnapshot(10_000, 0, 0, 0, 0));
        assertEquals(List.of(), sampler.next(new ProcessSnapshot(10_000, 5, 1, 0, 0)));
    }

    private static Map<Resource, Double> byResource(List<UsageSample> samples) {
        return samples.stream().collect(Collectors.toMap(UsageSample::resource, UsageSample::value));
    }
}
