package io.rightsize.orchestrator;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.TaskEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads an order's task events back from the real {@code orchestrator} topic, checking each record's key. */
final class TaskEvents {

    private TaskEvents() {
    }

    /** The order's events in topic order, once at least {@code expected} have arrived. */
    static List<TaskEvent> of(String orderId, int expected) {
        return records(orderId, expected).stream().map(r -> Json.read(r.value(), TaskEvent.class)).toList();
    }

    /** The order's event records as they are on the topic, headers included, once {@code expected} have arrived. */
    static List<ConsumerRecord<String, String>> records(String orderId, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orchestrator"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    TaskEvent event = Json.read(record.value(), TaskEvent.class);
                    if (event.orderId().equals(orderId)) {
                        assertEquals(event.key(), record.key());
                        records.add(record);
                    }
                }
                return records.size() >= expected;
            });
        }
        return records;
    }
}
