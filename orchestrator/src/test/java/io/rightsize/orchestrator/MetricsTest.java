package io.rightsize.orchestrator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderServiceGrpc;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /q/metrics and /q/health over HTTP, with the order and task meters driven by a real one-task order. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class MetricsTest {

    private static final String SUCCEEDED = "rightsize_tasks_ended_total\\{service=\"grayscale\",state=\"SUCCEEDED\"}";

    @Test
    void countsTheOrderAndItsTaskByOutcome() throws Exception {
        double submitted = value("rightsize_orders_submitted_total");
        double started = value("rightsize_tasks_started_total\\{service=\"grayscale\"}");
        double succeeded = value(SUCCEEDED);
        ManagedChannel channel = GrpcChannels.toTestedService();
        try {
            var orders = OrderServiceGrpc.newBlockingStub(channel);
            String id = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
            orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                    .setImage(TestImages.png(64, 48).toString()).addTasks(TaskSpec.newBuilder().setName("grayscale")))
                    .build());
            Order done = TestOrders.watchToEnd(orders, id);
            assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        } finally {
            channel.shutdownNow();
        }

        // The watch ends with the order's last change; the runner thread leaves the order just after.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertEquals(submitted + 1, value("rightsize_orders_submitted_total"));
            assertEquals(started + 1, value("rightsize_tasks_started_total\\{service=\"grayscale\"}"));
            assertEquals(succeeded + 1, value(SUCCEEDED));
            assertEquals(0, value("rightsize_orders_running"));
        });
    }

    @Test
    void isLiveAndReadyWithTheBrokerAndTheDatabase() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check",
                        "Reactive PostgreSQL connections health check", "gRPC Server")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The meter's value in the Prometheus text (the name is a regex); 0 when it is not listed yet. */
    private static double value(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
