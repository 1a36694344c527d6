package io.rightsize.producer;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** One order's samples and sampling gaps as the producers published them, read from the start of both topics. */
final class OrderMessages implements AutoCloseable {

    private final String orderId;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<UsageSample> samples = new ArrayList<>();
    private final List<SamplingGap> gaps = new ArrayList<>();

    OrderMessages(String bootstrapServers, String orderId) {
        this.orderId = orderId;
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("resources", "sampling-gaps")) {
            consumer.partitionsFor(topic).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads what has come since the last call. */
    OrderMessages poll() {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            if (record.topic().equals("resources")) {
                SampleTicks.Tick tick = SampleTicks.decode(record.value());
                if (tick.orderId().equals(orderId)) {
                    samples.addAll(tick.samples());
                }
            } else {
                SamplingGap gap = Json.read(new String(record.value(), StandardCharsets.UTF_8), SamplingGap.class);
                if (gap.orderId().equals(orderId)) {
                    gaps.add(gap);
                }
            }
        }
        return this;
    }

    /** Reads until every message written before this call has been read. */
    OrderMessages pollToEnd() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
        while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            poll();
        }
        return this;
    }

    /** The task's sampling instants, in order: one CPU sample per instant (every instant has one). */
    List<Instant> instants(long taskId) {
        return samples.stream().filter(s -> s.taskId() == taskId && s.resource() == Resource.CPU_MILLICORES)
                .map(UsageSample::timestamp).sorted().toList();
    }

    List<Instant> instants(long taskId, Instant from, Instant to) {
        return instants(taskId).stream().filter(t -> !t.isBefore(from) && t.isBefore(to)).toList();
    }

    List<SamplingGap> gaps(long taskId) {
        return gaps.stream().filter(g -> g.taskId() == taskId).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
