package io.rightsize.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rightsize.api.v1.CapacityStatus;
import io.rightsize.api.v1.GetCapacityRequest;
import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.api.v1.TaskState;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.orchestrator.cgroup.CgroupV1Tasks;
import io.rightsize.orchestrator.cgroup.CgroupV2Tasks;
import io.rightsize.orchestrator.cgroup.Enforcement;
import io.rightsize.orchestrator.cgroup.Enforcements;
import io.rightsize.orchestrator.cgroup.TaskCgroups;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Admission with real tasks: with room for one, a second order's task waits, says why, and starts only once the
 * first has ended. The first task is held by SIGSTOP while the second is looked at, so no timing decides the outcome.
 */
@QuarkusTest
@TestProfile(CapacityProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class CapacityAdmissionTest extends OrderServiceClientTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    Enforcements enforcements;

    /** Under cgroup enforcement the capacity is also the limit of the task cgroups' parent, as kubepods is a node's. */
    @Test
    void theTaskCgroupsParentIsLimitedToTheCapacity() throws IOException {
        Assumptions.assumeTrue(enforcements.current().kind() == Enforcement.Kind.CGROUPS, "cgroups cannot be written");
        TaskCgroups tasks = enforcements.current().cgroups().orElseThrow();
        if (tasks instanceof CgroupV1Tasks v1) {
            assertEquals(4L << 30, Long.parseLong(Files.readString(v1.memory().resolve("memory.limit_in_bytes"))
                    .strip()));
            assertEquals(100_000, Long.parseLong(Files.readString(v1.cpu().resolve("cpu.cfs_quota_us")).strip()));
        } else if (tasks instanceof CgroupV2Tasks v2) {
            assertEquals(Long.toString(4L << 30), Files.readString(v2.parent().resolve("memory.max")).strip());
            assertEquals("100000 100000", Files.readString(v2.parent().resolve("cpu.max")).strip());
        }
    }

    @Test
    void aTaskThatDoesNotFitWaitsWithItsReasonUntilTheRunningOneEnds() throws Exception {
        Path image = TestImages.png(480, 360);
        String first = submit("first", image);
        Task running = awaitTask(first, t -> t.getState() == TaskState.TASK_RUNNING);
        String second;
        signal("STOP", running.getPid());
        try {
            second = submit("second", image);
            Task waiting = awaitTask(second, t -> t.getState() == TaskState.TASK_WAITING);
            assertEquals("needs 600m CPU, 400m free", waiting.getReason());

            CapacityStatus capacity = orders.getCapacity(GetCapacityRequest.getDefaultInstance());
            assertEquals(1000, capacity.getCpuMillicores());
            assertEquals("configured", capacity.getBasis());
            assertEquals(CapacityProfile.CPU_REQUEST_MILLICORES, capacity.getReservedCpuMillicores());
            assertEquals(1, capacity.getRunningTasks());
            assertEquals(1, capacity.getWaitingTasks());
            assertTrue(capacity.getAdmission());
            if (capacity.getUsedKnown()) {
                assertTrue(capacity.getUsedMemoryBytes() > 0, "the stopped task's JVM still holds its memory");
            }
            assertEquals(TaskState.TASK_WAITING, task(second).getState(), "still waiting: the first is held");
        } finally {
            signal("CONT", running.getPid());
        }

        Order firstDone = TestOrders.watchToEnd(orders, first);
        Order secondDone = TestOrders.watchToEnd(orders, second);
        assertEquals(OrderState.ORDER_SUCCEEDED, firstDone.getState(), firstDone.getReason());
        assertEquals(OrderState.ORDER_SUCCEEDED, secondDone.getState(), secondDone.getReason());
        assertFalse(TimestampMapper.fromProto(secondDone.getTasks(0).getStartedAt())
                .isBefore(TimestampMapper.fromProto(firstDone.getTasks(0).getFinishedAt())),
                "the second task started only after the first ended");
        assertEquals(0, orders.getCapacity(GetCapacityRequest.getDefaultInstance()).getReservedCpuMillicores());
    }

    /** A one-task order long enough (24 grayscale passes) to be looked at while it runs. */
    private String submit(String name, Path image) {
        String id = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(image.toString()).addTasks(TaskSpec.newBuilder().setName("grayscale"))).build());
        return id;
    }

    private Task task(String orderId) {
        return orders.getOrder(GetOrderRequest.newBuilder().setId(orderId).build()).getTasks(0);
    }

    private Task awaitTask(String orderId, Predicate<Task> condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Task task = task(orderId);
        while (!condition.test(task)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order " + orderId + "'s task never got there; last: " + task);
            }
            Thread.sleep(50);
            task = task(orderId);
        }
        return task;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
