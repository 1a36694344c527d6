package io.rightsize.orchestrator;

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
    void anOutOfMemoryTaskIsRetriedOnceWithBumpedMemory() throws SQLException {
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
    void aSecondOutOfMemoryFailsTheTaskAndTheOrder() throws SQLException {
        // 800x600 enlarged 4x needs more than even the bumped 111 MiB heap.
        String id = "oom-twice-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(800, 600).toString())
                .addTasks(TaskSpec.newBuilder().setName("resize").putParams("scale", 4))).build());

        Order done = TestOrders.watchToEnd(orders, id);

        long firstLimit = TinyMemoryProfile.MEMORY_LIMIT_BYTES;
        long bumpedLimit = MemoryBump.afterOom(firstLimit);
        Task task = done.getTasks(0);
        assertEquals(OrderState.ORDER_FAILED, done.getState());
        assertEquals("task 0 (resize) failed: OOMKilled: the task exceeded its memory limit of 148 MiB",
                done.getReason());
        assertEquals(TaskState.TASK_FAILED, task.getState());
        assertEquals(bumpedLimit, task.getAllocation().getMemoryLimitBytes());
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(2L), TestDatabase.longs(db, "SELECT attempts FROM tasks WHERE id = ?", task.getId()));
            assertEquals(List.of(firstLimit, bumpedLimit), TestDatabase.longs(db, "SELECT memory_limit_bytes FROM oom_events"
                    + " WHERE task_id = ? ORDER BY occurred_at", task.getId()));
        }
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.FAILED, TaskEventType.STARTED,
                TaskEventType.FAILED), TaskEvents.of(id, 4).stream().map(TaskEvent::type).toList());
    }
}
