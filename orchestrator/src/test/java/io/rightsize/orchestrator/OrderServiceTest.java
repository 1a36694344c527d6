package io.rightsize.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.CancelOrderRequest;
import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.api.v1.TaskState;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class OrderServiceTest extends OrderServiceClientTest {

    @Test
    void runsTasksInSequenceAndAnnouncesEachStartAndEnd() throws Exception {
        Path image = TestImages.png(320, 240);
        String id = "seq-" + UUID.randomUUID().toString().substring(0, 8);
        Order submitted = orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder()
                .setId(id).setImage(image.toString())
                .addTasks(TaskSpec.newBuilder().setName("grayscale"))
                .addTasks(TaskSpec.newBuilder().setName("blur").putParams("radius", 3))).build());
        assertEquals(OrderState.ORDER_PENDING, submitted.getState());
        assertEquals(2, submitted.getTasksCount());

        Order done = TestOrders.watchToEnd(orders, id);

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        for (var task : done.getTasksList()) {
            assertEquals(TaskState.TASK_SUCCEEDED, task.getState());
            assertTrue(task.getPid() > 0);
            assertTrue(task.hasAllocation());
        }
        Path output = Path.of(done.getTasks(1).getOutputImage());
        assertTrue(Files.size(output) > 0);
        assertNotEquals(-1, Files.mismatch(image, output));
        assertTrue(done.getTasks(0).getFinishedAt().getSeconds() <= done.getTasks(1).getStartedAt().getSeconds(),
                "tasks run in sequence");

        List<TaskEvent> events = TaskEvents.of(id, 4);
        assertEquals(List.of(TaskEventType.STARTED, TaskEventType.SUCCEEDED, TaskEventType.STARTED,
                TaskEventType.SUCCEEDED), events.stream().map(TaskEvent::type).toList());
        assertEquals(done.getTasks(0).getPid(), events.get(0).pid());
        assertTrue(events.get(0).allocation().memoryLimitBytes() > 0);
        assertEquals(0, events.get(1).exitCode());
        assertEquals(done.getTasks(1).getId(), events.get(3).taskId());
    }

    static Stream<Arguments> invalidOrders() {
        String image = TestImages.png(64, 48).toString();
        String text = TestImages.file("notes.png", "not an image at all".getBytes()).toString();
        return Stream.of(
                Arguments.of("unknown task", json("{\"image\": \"%s\", \"tasks\": [\"teleport\"]}", image),
                        "tasks[0].name"),
                Arguments.of("param out of range",
                        json("{\"image\": \"%s\", \"tasks\": [{\"name\": \"blur\", \"params\": {\"radius\": 9999}}]}",
                                image), "tasks[0].params.radius"),
                Arguments.of("unknown param",
                        json("{\"image\": \"%s\", \"tasks\": [{\"name\": \"blur\", \"params\": {\"colour\": 1}}]}",
                                image), "tasks[0].params.colour"),
                Arguments.of("param not a number",
                        json("{\"image\": \"%s\", \"tasks\": [{\"name\": \"blur\", \"params\": {\"radius\": \"big\"}}]}",
                                image), "tasks[0].params.radius"),
                Arguments.of("empty task list", json("{\"image\": \"%s\", \"tasks\": []}", image), "tasks"),
                Arguments.of("missing tasks", json("{\"image\": \"%s\"}", image), "tasks"),
                Arguments.of("missing image", "{\"tasks\": [\"grayscale\"]}", "image"),
                Arguments.of("image does not exist",
                        json("{\"image\": \"%s\", \"tasks\": [\"grayscale\"]}", image + ".nope"), "image"),
                Arguments.of("image is not an image", json("{\"image\": \"%s\", \"tasks\": [\"grayscale\"]}", text),
                        "image"),
                Arguments.of("image outside the allowed directories",
                        "{\"image\": \"/etc/hostname\", \"tasks\": [\"grayscale\"]}", "image"),
                Arguments.of("image path escapes with ..",
                        "{\"image\": \"../../../../../../etc/passwd\", \"tasks\": [\"grayscale\"]}", "image"),
                Arguments.of("oversized id", json("{\"id\": \"%s\", \"image\": \"%s\", \"tasks\": [\"grayscale\"]}",
                        "x".repeat(500), image), "id"),
                Arguments.of("id with slashes", json("{\"id\": \"a/b\", \"image\": \"%s\", \"tasks\": [\"grayscale\"]}",
                        image), "id"),
                Arguments.of("too many tasks", json("{\"image\": \"%s\", \"tasks\": [%s]}", image,
                        String.join(",", java.util.Collections.nCopies(100, "\"grayscale\""))), "tasks"),
                Arguments.of("malformed JSON", "{\"image\": ", "order"),
                Arguments.of("unknown field", json("{\"image\": \"%s\", \"tasks\": [\"grayscale\"], \"priority\": 1}",
                        image), "priority"),
                Arguments.of("both id and orderID", json("{\"id\": \"a\", \"orderID\": \"b\", \"image\": \"%s\","
                        + " \"tasks\": [\"grayscale\"]}", image), "orderID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void refusesAnInvalidOrderNamingTheFieldAndStartsNothing(String name, String orderJson, String field) {
        int before = orders.listOrders(ListOrdersRequest.newBuilder().setLimit(1000).build()).getOrdersCount();

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                orders.submitOrder(SubmitOrderRequest.newBuilder().setOrderJson(orderJson).build()));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getMessage());
        assertTrue(refused.getStatus().getDescription().startsWith(field + ": "), refused.getStatus().getDescription());
        assertEquals(before, orders.listOrders(ListOrdersRequest.newBuilder().setLimit(1000).build()).getOrdersCount());
    }

    @Test
    void acceptsTheOriginalFieldNamesWithARelativeImagePath() {
        Path image = TestImages.png(64, 48);
        String json = "{\"orderID\": \"legacy-" + UUID.randomUUID().toString().substring(0, 8) + "\", \"image\": \""
                + image.getFileName() + "\", \"required_tasks\": [\"sobel\"]}";
        Order order = orders.submitOrder(SubmitOrderRequest.newBuilder().setOrderJson(json)
                .setBaseDir(image.getParent().toString()).build());
        Order done = TestOrders.watchToEnd(orders, order.getId());
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        assertEquals("sobel", done.getTasks(0).getService());
    }

    @Test
    void refusesASecondOrderWithTheSameId() {
        String json = json("{\"id\": \"dup-%s\", \"image\": \"%s\", \"tasks\": [\"grayscale\"]}",
                UUID.randomUUID().toString().substring(0, 8), TestImages.png(32, 32));
        orders.submitOrder(SubmitOrderRequest.newBuilder().setOrderJson(json).build());
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> orders.submitOrder(SubmitOrderRequest.newBuilder().setOrderJson(json).build()));
        assertEquals(Status.Code.ALREADY_EXISTS, refused.getStatus().getCode());
    }

    @Test
    void cancellingStopsTheRunningTaskAndEndsTheOrder() {
        Path image = TestImages.png(1600, 1200);
        String id = "cancel-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(image.toString())
                .addTasks(TaskSpec.newBuilder().setName("blur").putParams("radius", 50))
                .addTasks(TaskSpec.newBuilder().setName("grayscale"))).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> orders.getOrder(GetOrderRequest.newBuilder().setId(id)
                .build()).getTasks(0).getState() == TaskState.TASK_RUNNING);
        long pid = orders.getOrder(GetOrderRequest.newBuilder().setId(id).build()).getTasks(0).getPid();

        Order cancelled = orders.cancelOrder(CancelOrderRequest.newBuilder().setId(id).build());

        assertEquals(OrderState.ORDER_CANCELLED, cancelled.getState());
        assertEquals(TaskState.TASK_CANCELLED, cancelled.getTasks(0).getState());
        assertEquals(TaskState.TASK_CANCELLED, cancelled.getTasks(1).getState());
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        StatusRuntimeException again = assertThrows(StatusRuntimeException.class,
                () -> orders.cancelOrder(CancelOrderRequest.newBuilder().setId(id).build()));
        assertEquals(Status.Code.FAILED_PRECONDITION, again.getStatus().getCode());
    }

    @Test
    void unknownOrderIsNotFound() {
        StatusRuntimeException missing = assertThrows(StatusRuntimeException.class,
                () -> orders.getOrder(GetOrderRequest.newBuilder().setId("no-such-order").build()));
        assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    }

    /** An id no order can have is refused before any query: no driver text leaks, no huge id is echoed back. */
    @Test
    void anImpossibleIdIsRefusedBeforeAnyQuery() {
        StatusRuntimeException nul = assertThrows(StatusRuntimeException.class,
                () -> orders.getOrder(GetOrderRequest.newBuilder().setId("p\u0000").build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, nul.getStatus().getCode(), nul.getMessage());
        assertTrue(nul.getStatus().getDescription().startsWith("id: "), nul.getStatus().getDescription());
        String huge = "x".repeat(1 << 20);
        StatusRuntimeException tooLong = assertThrows(StatusRuntimeException.class,
                () -> orders.cancelOrder(CancelOrderRequest.newBuilder().setId(huge).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, tooLong.getStatus().getCode());
        assertTrue(tooLong.getStatus().getDescription().length() < 200, tooLong.getStatus().getDescription());
    }

    private static String json(String format, Object... args) {
        return String.format(format, args);
    }
}
