package io.rightsize.producer.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.SampledHost;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEventGroupTest {

    private final TaskEventGroup group = new TaskEventGroup(new SampledHost(ProbeMode.KUBERNETES, "node-7"));

    @Test
    void putsTheTaskEventConsumerInItsNodesOwnGroup() {
        Map<String, Object> consumer = new HashMap<>(Map.of("group.id", "rightsize-monitor-producer",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));

        group.customize("orchestrator", null, consumer);

        assertEquals("monitor-producer-node-7", consumer.get("group.id"));
    }

    @Test
    void leavesTheDeadLetterProducerAndOtherChannelsAlone() {
        Map<String, Object> deadLetters = new HashMap<>(Map.of(
                "value.serializer", "org.apache.kafka.common.serialization.StringSerializer"));
        Map<String, Object> samples = new HashMap<>(Map.of("group.id", "other",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));

        group.customize("orchestrator", null, deadLetters);
        group.customize("resources", null, samples);

        assertFalse(deadLetters.containsKey("group.id"));
        assertEquals("other", samples.get("group.id"));
    }
}
