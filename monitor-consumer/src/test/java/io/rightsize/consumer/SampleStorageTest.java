package io.rightsize.consumer;

import static io.rightsize.consumer.TestRows.gaps;
import static io.rightsize.consumer.TestRows.rows;
import static io.rightsize.consumer.TestRows.storeTask;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.ServiceResourceStats;
import io.rightsize.api.v1.Stats;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.api.v1.UsageStatsRequest;
import io.rightsize.api.v1.WatchUsageRequest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.common.messaging.SamplingGap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import io.rightsize.consumer.TestRows.StoredTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SampleStorageTest {

    private ManagedChannel channel;
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        channel = GrpcChannels.toTestedService();
        Properties p = new Properties();
        p.put("bootstrap.servers", config().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
        channel.shutdownNow();
    }

    @Test
    void aReplayedSampleIsStoredOnceAndAMalformedOneIsSkipped() throws Exception {
        StoredTask task = storeTask("replayed");
        String orderId = task.orderId();
        long taskId = task.taskId();
        UsageSample sample = new UsageSample(orderId, taskId, "replayed", Resource.CPU_MILLICORES, 734.5,
                Instant.parse("2026-01-01T10:00:00.123Z"));
        send(sample);
        producer.send(new ProducerRecord<>("resources", "junk", "{\"orderId\": 12, \"value\": \"x\"")).get();
        send(sample);
        UsageSample later = new UsageSample(orderId, taskId, "replayed", Resource.CPU_MILLICORES, 100,
                Instant.parse("2026-01-01T10:00:01.123Z"));
        send(later);

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(orderId) == 2);
        Thread.sleep(1000);
        assertEquals(2, rows(orderId), "the replay added no row");
        Stats rolled = UsageServiceGrpc.newBlockingStub(channel).getUsageStats(UsageStatsRequest.newBuilder()
                .setService("replayed").build()).getStats(0).getStats();
        assertEquals(2, rolled.getCount(), "nor did it count twice in the rollup");
        assertEquals(100, rolled.getMin(), 1e-9);
        assertEquals(734.5, rolled.getMax(), 1e-9);
    }

    @Test
    void statisticsArePerServiceAndResourceWithPercentiles() throws Exception {
        StoredTask task = storeTask("sharpen");
        String orderId = task.orderId();
        long taskId = task.taskId();
        Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
        for (int i = 1; i <= 100; i++) {
            send(new UsageSample(orderId, taskId, "sharpen", Resource.MEMORY_BYTES, i, t0.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(orderId) == 100);

        var usage = UsageServiceGrpc.newBlockingStub(channel);
        List<ServiceResourceStats> stats = usage.getUsageStats(UsageStatsRequest.newBuilder().setOrderId(orderId)
                .build()).getStatsList();

        assertEquals(1, stats.size());
        assertEquals("sharpen", stats.get(0).getService());
        assertEquals(io.rightsize.api.v1.Resource.MEMORY_BYTES, stats.get(0).getResource());
        Stats s = stats.get(0).getStats();
        assertEquals(100, s.getCount());
        assertEquals(1, s.getMin(), 1e-9);
        assertEquals(100, s.getMax(), 1e-9);
        assertEquals(50.5, s.getAvg(), 1e-9);
        assertEquals(50.5, s.getP50(), 1e-9);
        assertEquals(90.1, s.getP90(), 1e-9);
        assertEquals(95.05, s.getP95(), 1e-9);
        assertEquals(99.01, s.getP99(), 1e-9);

        var window = usage.getUsageStats(UsageStatsRequest.newBuilder().setOrderId(orderId)
                .setSince(com.google.protobuf.Timestamp.newBuilder().setSeconds(t0.getEpochSecond() + 51))
                .setUntil(com.google.protobuf.Timestamp.newBuilder().setSeconds(t0.getEpochSecond() + 61)).build())
                .getStats(0).getStats();
        assertEquals(10, window.getCount(), "samples 51..60 fall in the window");

        Stats all = usage.getUsageStats(UsageStatsRequest.newBuilder().setService("sharpen").build())
                .getStats(0).getStats();
        assertEquals(100, all.getCount(), "over all orders, from the rollup");
        assertEquals(1, all.getMin(), 1e-9);
        assertEquals(100, all.getMax(), 1e-9);
        assertEquals(50.5, all.getAvg(), 1e-9);
        assertEquals(50.5, all.getP50(), 0.01 * 50.5);
        assertEquals(90.1, all.getP90(), 0.01 * 90.1);
        assertEquals(99.01, all.getP99(), 0.01 * 99.01);
        assertEquals(51, window.getMin(), 1e-9);
        assertEquals(60, window.getMax(), 1e-9);

        var history = usage.getTaskSamples(io.rightsize.api.v1.TaskSamplesRequest.newBuilder().setOrderId(orderId)
                .setTaskId(taskId).build());
        assertEquals(100, history.getSamplesCount());
        assertEquals(1.0, history.getSamples(0).getValue(), 1e-9, "oldest first");
        assertEquals(100.0, history.getSamples(99).getValue(), 1e-9);
        assertTrue(!history.getTruncated());

        var perTask = usage.getTaskUsage(TaskUsageRequest.newBuilder().setOrderId(orderId).build()).getStatsList();
        assertEquals(1, perTask.size());
        assertEquals(taskId, perTask.get(0).getTaskId());
        assertEquals(100, perTask.get(0).getStats().getCount());
    }

    @Test
    void watchersReceiveSamplesOfTheirOrderAsTheyAreStored() throws Exception {
        StoredTask task = storeTask("resize");
        String orderId = task.orderId();
        long taskId = task.taskId();
        List<io.rightsize.api.v1.UsageSample> received = new CopyOnWriteArrayList<>();
        UsageServiceGrpc.newStub(channel).watchUsage(WatchUsageRequest.newBuilder().setOrderId(orderId).build(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(io.rightsize.api.v1.UsageSample value) {
                        received.add(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        Thread.sleep(500);
        Instant now = Instant.now();
        send(new UsageSample("someone-else", 1, "resize", Resource.CPU_MILLICORES, 1, now));
        for (int i = 0; i < 3; i++) {
            send(new UsageSample(orderId, taskId, "resize", Resource.CPU_MILLICORES, 10 + i, now.plusSeconds(i)));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> received.size() >= 3);
        assertTrue(received.stream().allMatch(s -> s.getOrderId().equals(orderId)));
        assertEquals(List.of(10.0, 11.0, 12.0), received.stream().map(s -> s.getValue()).toList());
    }

    @Test
    void malformedSamplesGoToTheDeadLetterTopicWithTheirReasonAndTheRestOfTheBatchIsStored() throws Exception {
        StoredTask task = storeTask("median");
        String marker = UUID.randomUUID().toString();
        List<String> malformed = List.of(
                "not json " + marker,
                "{\"orderId\": \"" + marker + "\", \"taskId\": \"seven\"}",
                "{\"orderId\": \"" + marker + "\", \"taskId\": 1, \"service\": \"blur\", \"resource\": \"gpu\","
                        + " \"value\": 1, \"timestamp\": \"2026-01-01T00:00:00Z\"}",
                "{\"orderId\": \"" + marker + "\", \"taskId\": 1, \"service\": \"blur\"}");
        Instant t0 = Instant.parse("2026-03-01T00:00:00Z");
        send(new UsageSample(task.orderId(), task.taskId(), "median", Resource.CPU_MILLICORES, 1, t0));
        for (String payload : malformed) {
            producer.send(new ProducerRecord<>("resources", task.orderId() + "/" + task.taskId(), payload)).get();
        }
        // Well-formed JSON that is no sample at all: it once reached the store as a null and failed the batch forever.
        producer.send(new ProducerRecord<>("resources", task.orderId() + "/" + task.taskId(), "null")).get();
        send(new UsageSample(task.orderId(), task.taskId(), "median", Resource.CPU_MILLICORES, 2, t0.plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 2);
        Map<String, String> dead = new java.util.HashMap<>();
        String nullReason = null;
        Properties p = new Properties();
        p.put("bootstrap.servers", config().getValue("kafka.bootstrap.servers", String.class));
        p.put("group.id", "dlq-reader-" + marker);
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            dlq.subscribe(List.of("resources-dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((dead.size() < malformed.size() || nullReason == null) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(500))) {
                    Header reason = r.headers().lastHeader("dead-letter-reason");
                    if ("null".equals(r.value()) && reason != null) {
                        nullReason = new String(reason.value(), StandardCharsets.UTF_8);
                    } else if (r.value().contains(marker) && reason != null) {
                        dead.put(r.value(), new String(reason.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertEquals(new java.util.HashSet<>(malformed), dead.keySet(), "every malformed sample, and only those");
        dead.values().forEach(reason -> assertFalse(reason.isBlank(), "each says why"));
        assertEquals("UsageSample: the message is JSON null", nullReason);
    }

    @Test
    void aReplayedSamplingGapIsStoredOnce() throws Exception {
        StoredTask task = storeTask("rotate");
        SamplingGap gap = new SamplingGap(task.orderId(), task.taskId(), "rotate",
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:07Z"), "producer restarted");
        for (int i = 0; i < 2; i++) {
            producer.send(new ProducerRecord<>("sampling-gaps", gap.key(), Json.write(gap))).get();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> gaps(task.taskId()) == 1);
        Thread.sleep(1000);
        assertEquals(1, gaps(task.taskId()));
    }

    private void send(UsageSample sample) throws Exception {
        producer.send(new ProducerRecord<>("resources", sample.key(), Json.write(sample))).get();
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
