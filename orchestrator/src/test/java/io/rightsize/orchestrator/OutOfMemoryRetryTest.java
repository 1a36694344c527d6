package io.rightsize.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import io.rightsize.api.v1.TaskState;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TinyMemoryProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class OutOfMemoryRetryTest extends OrderServiceClientTest {

    @Test
    void anOutOfMemoryTaskIsRetriedWithMoreMemory() throws SQLException {
        // 480x360 enlarged 4x is 1920x1440: its float planes and result need about 50 MB of heap, more than the
        // 36 MiB a 48 MiB limit gives, well under the 111 MiB of the bumped 148 MiB (measured limits: a 36 MiB heap
        // fails from about 400x300 up, a 111 MiB heap succeeds up to about 560x420).
        String id = "oom-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(480, 360).toString())
                .addTasks(TaskSpec.newBuilder().setName("resize").putParams("scale", 4))).build());

        Order done = TestOrders.watchToEnd(orders, id);

        long firstLimit = TinyMemoryProfile.MEMORY_LIMIT_BYTES;
        long bumpedLimit = MemoryBump.afterOom(firstLimit);
        assertEquals(148L * 1024 * 1024, bumpedLimit, "VPA's +100 MiB outweighs x1.2 at this size");
        Task task = done.getTasks(0);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        assertEquals(TaskState.TASK_SUCCEEDED, task.getState());
        assertEquals(bumpedLimit, task.getAllocation().getMemoryLimitBytes());
        assertTrue(task.getAllocation().getMemoryRequestBytes() > TinyMemoryProfile.MEMORY_REQUEST_BYTES);
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(2L), TestDatabase.longs(db, "SELECT attempts FROM tasks WHERE id = ?", task.getId()));
            assertEquals(List.of(firstLimit), TestDatabase.longs(db, "SELECT e.memory_limit_bytes FROM oom_events e"
                    + " JOIN services s ON s.id = e.service_id WHERE e.task_id = ? AND s.name = 'resize'",
                    task.getId()));
        }
        List<TaskEvent> events = TaskEvents.of(id, 4);
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.FAILED, TaskEventType.STARTED,
                TaskEventType.SUCCEEDED), events.stream().map(TaskEvent::type).toList());
        assertEquals(firstLimit, events.get(0).allocation().memoryLimitBytes());
        assertEquals(4, events.get(1).exitCode());
        assertEquals("OOMKilled: the task exceeded its memory limit of 48 MiB", events.get(1).reason());
        assertEquals(bumpedLimit, events.get(2).allocation().memoryLimitBytes());
        assertNotEquals(events.get(0).pid(), events.get(2).pid(), "a new process");
    }

    @Test
    void aTaskThatFitsTheMaximumSucceedsOnItsLastAttemptAtTheMaximum() throws SQLException {
        // 800x600 enlarged 4x needs more than the 111 MiB heap of the second attempt, less than the 324 MiB of the
        // third, at the maximum.
        String id = "oom-twice-" + UUID.randomUUID().toString().substring(0, 8);
        Order done = resize(id, 800, 600);

        long firstLimit = TinyMemoryProfile.MEMORY_LIMIT_BYTES;
        long bumpedLimit = MemoryBump.afterOom(firstLimit);
        Task task = done.getTasks(0);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        assertEquals(TinyMemoryProfile.MAX_MEMORY_BYTES, task.getAllocation().getMemoryLimitBytes());
        assertEquals("default (predictor unavailable, too little history); memory raised after OOM (attempt 3 of 3,"
                + " at the maximum)", task.getAllocation().getSource());
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(3L), TestDatabase.longs(db, "SELECT attempts FROM tasks WHERE id = ?", task.getId()));
            assertEquals(List.of(firstLimit, bumpedLimit), TestDatabase.longs(db, "SELECT memory_limit_bytes"
                    + " FROM oom_events WHERE task_id = ? ORDER BY occurred_at", task.getId()));
        }
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.FAILED, TaskEventType.STARTED,
                TaskEventType.FAILED, TaskEventType.STARTED, TaskEventType.SUCCEEDED),
                TaskEvents.of(id, 6).stream().map(TaskEvent::type).toList());
    }

    @Test
    void aTaskKilledAtTheMaximumFailsTheTaskAndTheOrder() throws SQLException {
        // 1600x1200 enlarged 4x holds 30.7 MP of float planes, 368 MB: more than the 324 MiB heap of the maximum.
        String id = "oom-max-" + UUID.randomUUID().toString().substring(0, 8);
        Order done = resize(id, 1600, 1200);

        Task task = done.getTasks(0);
        assertEquals(OrderState.ORDER_FAILED, done.getState());
        assertEquals("task 0 (resize) failed: OOMKilled: the task exceeded its memory limit of 432 MiB",
                done.getReason());
        assertEquals(TaskState.TASK_FAILED, task.getState());
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(3L), TestDatabase.longs(db, "SELECT attempts FROM tasks WHERE id = ?", task.getId()));
            assertEquals(List.of(TinyMemoryProfile.MEMORY_LIMIT_BYTES, MemoryBump.afterOom(
                    TinyMemoryProfile.MEMORY_LIMIT_BYTES), TinyMemoryProfile.MAX_MEMORY_BYTES), TestDatabase.longs(db,
                    "SELECT memory_limit_bytes FROM oom_events WHERE task_id = ? ORDER BY occurred_at", task.getId()));
        }
        assertEquals(6, TaskEvents.of(id, 6).size(), "three attempts, none after the one at the maximum");
    }

    @Test
    void theLimitsAreEmulatedAsConfiguredAndHealthSaysSo() {
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'rightsize-enforcement' }.data.mode", equalTo("emulated"))
                .body("checks.find { it.name == 'rightsize-enforcement' }.data.detail",
                        startsWith("emulated (-Xmx from the memory limit"));
    }

    private Order resize(String id, int width, int height) {
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(width, height).toString())
                .addTasks(TaskSpec.newBuilder().setName("resize").putParams("scale", 4))).build());
        return TestOrders.watchToEnd(orders, id);
    }
}
