package io.rightsize.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(HangingPredictorResource.class)
class HangingPredictorTest extends OrderServiceClientTest {

    @Test
    void aHangingPredictorIsNoLongerAskedAfterTwoTimeoutsAndIsTriedAgainAfterThePause() throws Exception {
        Order first = run("grayscale", "sobel", "grayscale", "sobel");
        assertEquals(OrderState.ORDER_SUCCEEDED, first.getState(), first.getReason());
        for (var task : first.getTasksList()) {
            assertEquals("default (predictor unavailable, too little history)", task.getAllocation().getSource());
        }
        assertEquals(2, HangingPredictorResource.REQUESTS.size(),
                "two tasks waited for the deadline; the circuit then opened and the other two did not ask");

        Thread.sleep(HangingPredictorResource.OPEN_MILLIS + 500);
        Order second = run("grayscale");
        assertEquals(OrderState.ORDER_SUCCEEDED, second.getState(), second.getReason());
        assertEquals(3, HangingPredictorResource.REQUESTS.size(), "after the pause one call tries again");
        assertTrue(HangingPredictorResource.REQUESTS.get(2).getServicesList().equals(java.util.List.of("grayscale")));
    }

    private Order run(String... services) {
        String id = "hanging-" + UUID.randomUUID().toString().substring(0, 8);
        OrderSpec.Builder spec = OrderSpec.newBuilder().setId(id).setImage(TestImages.png(64, 48).toString());
        for (String service : services) {
            spec.addTasks(TaskSpec.newBuilder().setName(service).putParams("passes", 1));
        }
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(spec).build());
        return TestOrders.watchToEnd(orders, id);
    }
}
