package io.rightsize.producer.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import io.rightsize.producer.config.ProducerConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only once this instance owns partitions of the task-event topic: before that, a task started now would
 * be sampled late, so the stack must not report ready. On assignment it rewinds the partitions by the replay window,
 * so tasks that started while no producer was running are found again.
 */
@ApplicationScoped
@Identifier("task-events-assignment")
@Readiness
public class TaskEventAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    private static final Logger LOG = Logger.getLogger(TaskEventAssignment.class);

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    private final Duration replayWindow;

    public TaskEventAssignment(ProducerConfig config) {
        this.replayWindow = config.replayWindow();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        long since = System.currentTimeMillis() - replayWindow.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset.offset());
                LOG.debugf("replaying %s from offset %d (events of the last %s)", partition, offset.offset(),
                        replayWindow);
            }
        }
        assigned.addAll(partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("task-events-assigned")
                .status(!assigned.isEmpty())
                .withData("partitions", assigned.size())
                .build();
    }
}
