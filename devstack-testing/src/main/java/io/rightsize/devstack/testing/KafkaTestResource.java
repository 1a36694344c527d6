package io.rightsize.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.rightsize.devstack.FreePorts;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** Starts a real KRaft broker on free ports for a {@code @QuarkusTest} and points the service at it. */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafka kafka;

    @Override
    public Map<String, String> start() {
        Path dir = Path.of("target", "test-kafka-" + UUID.randomUUID()).toAbsolutePath();
        kafka = new EmbeddedKafka(dir, FreePorts.find(), FreePorts.find()).start(Duration.ofSeconds(60));
        kafka.createTopics(Stack.TOPICS);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
