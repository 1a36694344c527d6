package io.rightsize.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderSpec;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.TaskSpec;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TracedPredictorResource.class)
class TracingTest extends OrderServiceClientTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anOrdersTraceReachesThePredictorAndItsTaskEvents() {
        String id = "traced-" + UUID.randomUUID().toString().substring(0, 8);
        orders.submitOrder(SubmitOrderRequest.newBuilder().setSpec(OrderSpec.newBuilder().setId(id)
                .setImage(TestImages.png(64, 48).toString())
                .addTasks(TaskSpec.newBuilder().setName("grayscale"))).build());
        Order done = TestOrders.watchToEnd(orders, id);
        assertEquals(OrderState.ORDER_SUCCEEDED, done.getState(), done.getReason());

        String traceId = submitSpan().getTraceId();
        List<ConsumerRecord<String, String>> events = TaskEvents.records(id, 2);
        for (ConsumerRecord<String, String> event : events) {
            Header traceparent = event.headers().lastHeader("traceparent");
            assertEquals(traceId, traceparent == null ? "no traceparent header"
                    : traceIdOf(new String(traceparent.value(), StandardCharsets.US_ASCII)), event.value());
        }
        assertFalse(TracedPredictorResource.TRACEPARENTS.isEmpty(), "the predictor was asked");
        for (String traceparent : TracedPredictorResource.TRACEPARENTS) {
            assertEquals(traceId, traceIdOf(traceparent), "the predictor call's traceparent: " + traceparent);
        }
    }

    /** The server span of the one SubmitOrder call, once it has finished. */
    private SpanData submitSpan() {
        Optional<SpanData> submit = await().atMost(Duration.ofSeconds(10)).until(() -> spans.getFinishedSpanItems()
                .stream().filter(s -> s.getKind() == SpanKind.SERVER)
                .filter(s -> s.getName().equals("rightsize.v1.OrderService/SubmitOrder")).findFirst(),
                Optional::isPresent);
        return submit.orElseThrow();
    }

    /** W3C traceparent is version-traceid-spanid-flags. */
    private static String traceIdOf(String traceparent) {
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : "not a traceparent: '" + traceparent + "'";
    }
}
