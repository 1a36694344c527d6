package io.rightsize.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Resource;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures worked by hand from a two-order run with one OOM kill and a retry. */
class ArmMetricsTest {

    private static final long MIB = 1L << 20;
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Allocation SMALL = new Allocation(500, 1000, 512 * MIB, 1024 * MIB, "test");
    private static final Allocation RAISED = new Allocation(500, 1000, 1024 * MIB, 2048 * MIB, "test");

    @Test
    void reservedIsEachAttemptsRequestsOverItsRunAndUsedIsTheSamples() {
        ArmResult r = ArmMetrics.of(record());

        // a: 0.5 CPU x 4 s; b's first attempt 0.5 x 2 s, killed; its retry 0.5 x 4 s.
        assertEquals(5.0, r.reservedCpuSeconds(), 1e-9);
        // a: 0.5 GiB x 4 s; b: 0.5 GiB x 2 s and 1 GiB x 4 s.
        assertEquals(7.0, r.reservedMemoryGiBSeconds(), 1e-9);
        // a's samples: 400m and 600m for a second each; b never sampled: its end-of-run figures.
        assertEquals(1.0 + 1.5, r.usedCpuSeconds(), 1e-9);
        assertEquals(0.25 * 2 + 0.5 * 4, r.usedMemoryGiBSeconds(), 1e-9);
        assertEquals(2.5 / 7.0, r.memoryUtilisation(), 1e-9);
        assertEquals(1, r.oomKills());
        assertEquals(3, r.attempts());
        assertEquals(1, r.failedOrders());
        assertEquals(10.0, r.makespanSeconds(), 1e-9);
        assertEquals(0.3 + 0.2, r.throttledCpuSeconds(), 1e-9);
    }

    @Test
    void aTaskWaitsFromWhenItCouldHaveStarted() {
        List<Attempt> attempts = Attempt.of(events());

        // a starts 1 s after its order's submission; b 3 s after; b's retry 1 s after its kill.
        assertEquals(List.of(1.0, 3.0, 1.0), ArmMetrics.queueWaits(attempts, submitted()));
    }

    private static ArmRecord record() {
        Order a = Order.newBuilder().setId("a").setState(OrderState.ORDER_SUCCEEDED)
                .setFinishedAt(TimestampMapper.toProto(T0.plusSeconds(5)))
                .addTasks(Task.newBuilder().setId(1).setCpuSeconds(9).setThrottledCpuSeconds(9)).build();
        Order b = Order.newBuilder().setId("b").setState(OrderState.ORDER_FAILED)
                .setFinishedAt(TimestampMapper.toProto(T0.plusSeconds(10)))
                .addTasks(Task.newBuilder().setId(2).setCpuSeconds(1.5).setPeakMemoryBytes(512 * MIB)
                        .setDurationSeconds(4).setThrottledCpuSeconds(0.2)).build();
        List<UsageSample> samplesOfA = List.of(sample(1, Resource.CPU_MILLICORES, 400),
                sample(1, Resource.CPU_MILLICORES, 600), sample(1, Resource.MEMORY_BYTES, 256 * MIB),
                sample(1, Resource.MEMORY_BYTES, 256 * MIB), sample(1, Resource.CPU_THROTTLED_SECONDS_PER_SECOND, 0.3));
        return new ArmRecord("test", List.of(a, b), submitted(), events(), Map.of(1L, samplesOfA));
    }

    private static Map<String, Instant> submitted() {
        return Map.of("a", T0, "b", T0);
    }

    private static List<TaskEvent> events() {
        return List.of(
                TaskEvent.started("a", 1, 0, "blur", 11, "h", SMALL, T0.plusSeconds(1)),
                TaskEvent.ended(TaskEventType.SUCCEEDED, "a", 1, 0, "blur", 11L, "h", 0, 4, null, T0.plusSeconds(5)),
                TaskEvent.started("b", 2, 0, "resize", 12, "h", SMALL, T0.plusSeconds(3)),
                TaskEvent.ended(TaskEventType.FAILED, "b", 2, 0, "resize", 12L, "h", 137, 2,
                        "OOMKilled: the kernel killed the task at its memory limit of 1024 MiB", T0.plusSeconds(5)),
                TaskEvent.started("b", 2, 0, "resize", 13, "h", RAISED, T0.plusSeconds(6)),
                TaskEvent.ended(TaskEventType.FAILED, "b", 2, 0, "resize", 13L, "h", 1, 4, "exit 1",
                        T0.plusSeconds(10)));
    }

    private static UsageSample sample(long taskId, Resource resource, double value) {
        return UsageSample.newBuilder().setTaskId(taskId).setResource(resource).setValue(value).build();
    }
}
