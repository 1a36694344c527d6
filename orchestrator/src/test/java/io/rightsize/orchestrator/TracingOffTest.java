package io.rightsize.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the shipped settings tracing is off: an order's spans go nowhere, even with a collector at hand. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
@WithTestResource(CollectorResource.class)
class TracingOffTest extends OrderServiceClientTest {

    @Test
    void anOrderSendsNothingToTheCollector() {
        String id = "untraced-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(64, 48).toString())
                .addTasks(TaskSpec.newBuilder().setName("grayscale"))).build());
        Order done = TestOrders.watchToEnd(orders, id);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());

        // Switched on, the spans would be sent within 100 ms of their end (CollectorResource).
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> CollectorResource.CONNECTIONS.get() == 0);
    }
}
