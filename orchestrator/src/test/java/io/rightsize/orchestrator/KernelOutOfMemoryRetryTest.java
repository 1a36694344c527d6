package io.rightsize.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rightsize.allocation.recommend.MemoryBump;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.orchestrator.cgroup.Enforcement;
import io.rightsize.orchestrator.cgroup.Enforcements;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kernel enforcement end to end, on this machine's cgroups: a task over its memory limit is OOM-killed by the kernel,
 * and the executor's retry gives it more. Skipped, with the reason, where this JVM cannot write cgroups.
 */
@QuarkusTest
@TestProfile(KernelTinyMemoryProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class KernelOutOfMemoryRetryTest extends OrderServiceClientTest {

    @Inject
    Enforcements enforcements;

    @BeforeEach
    void requireCgroups() {
        Enforcement enforcement = enforcements.current();
        assumeTrue(enforcement.kind() == Enforcement.Kind.CGROUPS, "no task cgroups here: " + enforcement.detail());
    }

    @Test
    void aTaskOverItsLimitIsKilledByTheKernelAndRetriedWithMore() throws SQLException {
        String id = "kernel-oom-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(480, 360).toString())
                .addTasks(TaskSpec.newBuilder().setName("grayscale"))).build());

        Order done = TestOrders.watchToEnd(orders, id);

        long firstLimit = KernelTinyMemoryProfile.MEMORY_LIMIT_BYTES;
        Task task = done.getTasks(0);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        assertEquals(MemoryBump.afterOom(firstLimit), task.getAllocation().getMemoryLimitBytes(), "116 MiB");
        List<TaskEvent> events = TaskEvents.of(id, 4);
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.FAILED, TaskEventType.STARTED,
                TaskEventType.SUCCEEDED), events.stream().map(TaskEvent::type).toList());
        assertEquals(137, events.get(1).exitCode(), "SIGKILL");
        assertEquals("OOMKilled: the kernel killed the task at its memory limit of 16 MiB", events.get(1).reason());
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(2L), TestDatabase.longs(db, "SELECT attempts FROM tasks WHERE id = ?", task.getId()));
            assertEquals(List.of(firstLimit), TestDatabase.longs(db, "SELECT memory_limit_bytes FROM oom_events"
                    + " WHERE task_id = ?", task.getId()));
            long peak = TestDatabase.longs(db, "SELECT peak_memory_bytes FROM tasks WHERE id = ?", task.getId())
                    .get(0);
            assertTrue(peak > firstLimit && peak < task.getAllocation().getMemoryLimitBytes(),
                    "the second attempt's peak as its cgroup counted it: " + peak);
        }
    }

    @Test
    void healthSaysTheTasksRunInCgroups() {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'rightsize-enforcement' }.data.mode", equalTo("cgroups"))
                .body("checks.find { it.name == 'rightsize-enforcement' }.data.detail",
                        equalTo(enforcements.current().detail()));
    }
}
