package io.rightsize.producer.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import io.rightsize.producer.config.ProducerConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Ready only once this instance receives every task event: it owns every partition of the task-event topic in its
 * host's own consumer group ({@link TaskEventGroup}) and has rewound them by the replay window. Before that, a task
 * started now on this host would be sampled late or not at all, so the producer must not report ready; a second
 * producer started for the same host owns nothing and stays unready. On assignment each partition is read again from
 * its first event within the replay window (from its end when there is none), so tasks that started while this host
 * had no producer running are found again and their unsampled time is recorded.
 */
@ApplicationScoped
@Identifier("task-events-assignment")
@Readiness
public class TaskEventAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    private static final Logger LOG = Logger.getLogger(TaskEventAssignment.class);

    private final Set<TopicPartition> assigned = ConcurrentHashMap.newKeySet();
    /** Every partition of the subscribed topic, as the broker listed them at the last assignment. */
    private volatile Set<TopicPartition> all = Set.of();
    private final Duration replayWindow;
    private final String group;

    public TaskEventAssignment(ProducerConfig config, TaskEventGroup group) {
        this.replayWindow = config.replayWindow();
        this.group = group.groupId();
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Taken before the search by time, so an event written in between is read, not skipped.
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long since = System.currentTimeMillis() - replayWindow.toMillis();
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, since));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(times);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp offset = offsets.get(partition);
            // Older events are of tasks long ended: a new group (a new host) must not read the topic's whole history.
            long from = offset != null ? offset.offset() : ends.get(partition);
            consumer.seek(partition, from);
            LOG.debugf("replaying %s from offset %d (events of the last %s)", partition, from, replayWindow);
        }
        assigned.addAll(partitions);
        Set<TopicPartition> listed = new HashSet<>();
        for (String topic : topics(assigned)) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                listed.add(new TopicPartition(info.topic(), info.partition()));
            }
        }
        all = listed;
        LOG.infof("task events: %d of %d partitions in consumer group %s", assigned.size(), listed.size(), group);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        assigned.removeAll(partitions);
    }

    @Override
    public HealthCheckResponse call() {
        Set<TopicPartition> expected = all;
        return HealthCheckResponse.named("task-events-assigned")
                .status(!expected.isEmpty() && assigned.containsAll(expected))
                .withData("group", group)
                .withData("partitions", assigned.size())
                .withData("of", expected.size())
                .build();
    }

    private static Set<String> topics(Set<TopicPartition> partitions) {
        Set<String> topics = new HashSet<>();
        partitions.forEach(p -> topics.add(p.topic()));
        return topics;
    }
}
