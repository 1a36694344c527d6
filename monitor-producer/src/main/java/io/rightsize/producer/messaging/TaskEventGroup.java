package io.rightsize.producer.messaging;

import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.config.SampledHost;
import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Puts this producer's task-event consumer in a group of its own host's, {@code monitor-producer-<host or node>}: every
 * producer must see every task event to find the tasks of its host, and in one shared group only the producer owning
 * the topic's one partition would (one node's tasks sampled, the others' never).
 */
@ApplicationScoped
public class TaskEventGroup implements ClientCustomizer<Map<String, Object>> {

    static final String CHANNEL = "orchestrator";
    static final String PREFIX = "monitor-producer-";

    private static final Logger LOG = Logger.getLogger(TaskEventGroup.class);

    private final String groupId;

    @Inject
    public TaskEventGroup(ProducerConfig config) {
        this(SampledHost.of(config));
    }

    TaskEventGroup(SampledHost host) {
        this.groupId = groupId(host);
    }

    /** The consumer group of the producer that samples {@code host}. */
    public static String groupId(SampledHost host) {
        return PREFIX + host.name();
    }

    public String groupId() {
        return groupId;
    }

    /** Only the task-event consumer: the dead-letter producer of the same channel has no group. */
    @Override
    public Map<String, Object> customize(String channel, Config config, Map<String, Object> client) {
        if (CHANNEL.equals(channel) && client.containsKey(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG)) {
            client.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            LOG.infof("reading every task event in consumer group %s", groupId);
        }
        return client;
    }
}
