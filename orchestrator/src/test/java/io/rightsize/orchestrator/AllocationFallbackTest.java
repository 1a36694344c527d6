package io.rightsize.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.allocation.policy.Bounds;
import io.rightsize.allocation.policy.Capacity;
import io.rightsize.allocation.policy.Rounding;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.client.mapping.AllocationMapper;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PredictorDownResource.class)
class AllocationFallbackTest extends OrderServiceClientTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void fallsBackToAHeuristicWhenThePredictorIsDown() throws SQLException {
        // Three earlier median tasks' samples (the fewest runs the fallback trusts), as the monitor-consumer would have stored them; no other test runs median.
        Random random = new Random(7);
        double[] cpuMillicores = new double[90];
        double[] memoryBytes = new double[90];
        for (int i = 0; i < 90; i++) {
            cpuMillicores[i] = 400 + random.nextInt(600);
            memoryBytes[i] = (90 + random.nextInt(70)) * MIB + random.nextInt(1024);
        }
        for (int run = 0; run < 3; run++) {
            StoredHistory.storeEarlierTask("median", Arrays.copyOfRange(cpuMillicores, 30 * run, 30 * run + 30),
                    Arrays.copyOfRange(memoryBytes, 30 * run, 30 * run + 30));
        }
        String id = "fallback-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(96, 72).toString())
                .addTasks(TaskSpec.newBuilder().setName("median").putParams("radius", 2))
                .addTasks(TaskSpec.newBuilder().setName("rotate"))).build());

        Order done = TestOrders.watchToEnd(orders, id);

        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());
        Recommender vpa = Recommenders.byName("vpa-simple").orElseThrow();
        Allocation fromHistory = Bounds.upTo(Capacity.ofThisMachine()).apply(Rounding.of(vpa.recommend(
                ResourceKind.CPU, cpuMillicores), vpa.recommend(ResourceKind.MEMORY, memoryBytes),
                "vpa-simple (predictor unavailable)")).allocation();
        Allocation noHistory = new Allocation(500, 2000, 256 * MIB, 1024 * MIB,
                "default (predictor unavailable, too little history)");
        assertEquals(fromHistory, AllocationMapper.fromProto(done.getTasks(0).getAllocation()));
        assertEquals(noHistory, AllocationMapper.fromProto(done.getTasks(1).getAllocation()));
        List<Allocation> announced = TaskEvents.of(id, 4).stream().filter(e -> e.type() == TaskEventType.STARTED)
                .map(TaskEvent::allocation).toList();
        assertEquals(List.of(fromHistory, noHistory), announced);
    }
}
