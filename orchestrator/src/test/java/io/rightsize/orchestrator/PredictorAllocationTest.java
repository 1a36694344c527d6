package io.rightsize.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.RecommendRequest;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.api.v1.TaskState;
import io.rightsize.client.mapping.AllocationMapper;
import io.rightsize.client.mapping.TaskParamsMapper;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FixedPredictorResource.class)
class PredictorAllocationTest extends OrderServiceClientTest {

    @Test
    void tasksRunWithThePredictorsAllocations() {
        Order done = run("predicted", TestImages.png(160, 120),
                TaskSpec.newBuilder().setName("sobel").putParams("passes", 2),
                TaskSpec.newBuilder().setName("grayscale").putParams("passes", 2));

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        assertEquals(FixedPredictorResource.ALLOCATIONS.get("sobel"), done.getTasks(0).getAllocation());
        assertEquals(FixedPredictorResource.ALLOCATIONS.get("grayscale"), done.getTasks(1).getAllocation());
        List<TaskEvent> started = TaskEvents.of(done.getId(), 4).stream()
                .filter(e -> e.type() == TaskEventType.STARTED).toList();
        assertEquals(List.of(AllocationMapper.fromProto(FixedPredictorResource.ALLOCATIONS.get("sobel")),
                AllocationMapper.fromProto(FixedPredictorResource.ALLOCATIONS.get("grayscale"))),
                started.stream().map(TaskEvent::allocation).toList());
    }

    @Test
    void asksBeforeEachTaskWithTheSizeOfTheImageItWillReadAndStoresIt() throws Exception {
        Order done = run("sized", TestImages.png(160, 120),
                TaskSpec.newBuilder().setName("resize").putParams("scale", 2),
                TaskSpec.newBuilder().setName("grayscale").putParams("passes", 1));

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        List<List<Long>> asked = FixedPredictorResource.REQUESTS.stream()
                .filter(r -> r.getServicesList().equals(List.of("resize", "grayscale")))
                .map(r -> r.getInputPixelsList()).toList();
        assertEquals(List.of(List.of(19_200L, 0L), List.of(19_200L, 76_800L)), asked,
                "once per task, the second time knowing the resized image is 320x240");
        RecommendRequest first = FixedPredictorResource.REQUESTS.stream()
                .filter(r -> r.getServicesList().equals(List.of("resize", "grayscale"))).findFirst().orElseThrow();
        assertEquals(List.of(Map.of("scale", 2.0), Map.of("passes", 1.0)),
                first.getTaskParamsList().stream().map(TaskParamsMapper::fromProto).toList(),
                "each task's parameters, as the order gave them (defaults filled in)");
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(19_200L, 76_800L), TestDatabase.longs(db,
                    "SELECT input_pixels FROM tasks WHERE order_id = ? ORDER BY position", done.getId()));
        }
    }

    @Test
    void aRecommendationThatRunsOutOfMemoryIsRetriedWithAtLeastTheDefaultLimit() {
        // 480x360 enlarged 4x is 1920x1440; rotated by 30 degrees it needs far more than the 24 MiB heap of the
        // recommended 32 MiB, and more than VPA's bump to 132 MiB would surely give on a larger image.
        Order done = run("floored", TestImages.png(480, 360),
                TaskSpec.newBuilder().setName("resize").putParams("scale", 4),
                TaskSpec.newBuilder().setName("rotate").putParams("degrees", 30));

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        var retried = done.getTasks(1).getAllocation();
        assertEquals(1024L * 1024 * 1024, retried.getMemoryLimitBytes(), "the default limit, not 132 MiB");
        assertEquals("rightsize-ml; memory raised after OOM (attempt 2 of 3)", retried.getSource());
        List<TaskEvent> events = TaskEvents.of(done.getId(), 6);
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.SUCCEEDED, TaskEventType.STARTED,
                TaskEventType.FAILED, TaskEventType.STARTED, TaskEventType.SUCCEEDED),
                events.stream().map(TaskEvent::type).toList());
    }

    @Test
    void aTaskThatNeedsMoreThanTheMaximumIsRefusedBeforeItStartsWithTheNumbers() throws Exception {
        Order done = run("too-large", TestImages.png(160, 120),
                TaskSpec.newBuilder().setName("grayscale").putParams("passes", 1),
                TaskSpec.newBuilder().setName("median").putParams("radius", 1));

        assertEquals(OrderState.ORDER_FAILED, done.getState());
        assertEquals(TaskState.TASK_SUCCEEDED, done.getTasks(0).getState());
        Task median = done.getTasks(1);
        assertEquals(TaskState.TASK_FAILED, median.getState());
        assertTrue(median.getReason().startsWith("refused before it started: for an input of 19200 pixels it needs about"
                + " 65536.0 GiB of memory, at most "), median.getReason());
        assertTrue(done.getReason().startsWith("task 1 (median) failed: refused before it started"), done.getReason());
        List<TaskEvent> events = TaskEvents.of(done.getId(), 3);
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.SUCCEEDED, TaskEventType.FAILED),
                events.stream().map(TaskEvent::type).toList(), "the refused task never started");
        try (Connection db = TestDatabase.connect()) {
            assertEquals(List.of(0L), TestDatabase.longs(db, "SELECT count(*) FROM oom_events e JOIN tasks t"
                    + " ON t.id = e.task_id WHERE t.order_id = ?", done.getId()));
        }
    }

    @Test
    void fallsBackWhenThePredictorAnswersWithAnError() {
        Order done = run("refused", TestImages.png(64, 48),
                TaskSpec.newBuilder().setName("grayscale").putParams("passes", 1),
                TaskSpec.newBuilder().setName("sharpen").putParams("passes", 1));

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        for (var task : done.getTasksList()) {
            assertEquals("default (predictor unavailable, too little history)", task.getAllocation().getSource(),
                    "the predictor refuses an order with sharpen, so each task falls back, grayscale too");
        }
    }

    /** Submits an order of these tasks on the image, under a fresh id starting with {@code prefix}; waits for its end. */
    private Order run(String prefix, Path image, TaskSpec.Builder... tasks) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        OrderSpec.Builder spec = OrderSpec.newBuilder().setId(id).setImage(image.toString());
        for (TaskSpec.Builder task : tasks) {
            spec.addTasks(task);
        }
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(spec).build());
        return TestOrders.watchToEnd(orders, id);
    }
}
