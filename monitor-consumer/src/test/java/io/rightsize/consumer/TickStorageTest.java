package io.rightsize.consumer;

import static io.rightsize.consumer.TestRows.connection;
import static io.rightsize.consumer.TestRows.rolledUp;
import static io.rightsize.consumer.TestRows.rows;
import static io.rightsize.consumer.TestRows.storeTask;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.ManagedChannel;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.api.v1.Measurement;
import io.rightsize.api.v1.SampleTick;
import io.rightsize.api.v1.Stats;
import io.rightsize.api.v1.TaskResourceStats;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.TestRows.StoredTask;
import io.rightsize.consumer.store.SealSweeper;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The binary format of the resources topic: one record per task and tick, and the task's last record. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class TickStorageTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    @Inject
    SealSweeper sweeper;

    private ManagedChannel channel;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        channel = GrpcChannels.toTestedService();
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
        channel.shutdownNow();
    }

    @Test
    void theLastRecordSealsATaskWhoseStatisticsAreThenKept() throws Exception {
        StoredTask task = storeTask("vignette");
        for (int i = 1; i <= 100; i++) {
            sendTick(task, "vignette", i, T0.plusSeconds(i));
        }
        // An older producer's JSON record beside the binary ones: both formats are stored.
        UsageSample json = new UsageSample(task.orderId(), task.taskId(), "vignette",
                Resource.DISK_READ_BYTES_PER_SECOND, 4096, T0.plusSeconds(1));
        send(json.key(), Json.write(json).getBytes(StandardCharsets.UTF_8));
        send(task.orderId() + "/" + task.taskId(), SampleTicks.encodeLast(task.orderId(), task.taskId(), "vignette",
                T0.plusSeconds(101)));

        await().atMost(Duration.ofSeconds(30)).until(() -> sealed(task.taskId()));
        assertEquals(201, rows(task.orderId()));
        Map<io.rightsize.api.v1.Resource, Stats> kept = taskUsage(task);
        assertEquals(3, kept.size());
        Stats cpu = kept.get(io.rightsize.api.v1.Resource.CPU_MILLICORES);
        assertEquals(100, cpu.getCount());
        assertEquals(50.5, cpu.getAvg(), 1e-9);
        assertEquals(90.1, cpu.getP90(), 1e-9, "exact, as percentile_cont over the samples");
        assertEquals(99.01, cpu.getP99(), 1e-9);
        assertEquals(1000, kept.get(io.rightsize.api.v1.Resource.MEMORY_BYTES).getMax(), 1e-9);

        // Read from what was kept: the samples themselves are no longer looked at.
        execute("DELETE FROM samples WHERE task_id = ? AND resource_id = 1", task.taskId());
        assertEquals(100, taskUsage(task).get(io.rightsize.api.v1.Resource.CPU_MILLICORES).getCount());

        // A sample stored after the seal unseals the task, until its last record comes again.
        sendTick(task, "vignette", 7, T0.plusSeconds(500));
        await().atMost(Duration.ofSeconds(30)).until(() -> !sealed(task.taskId()));
        assertEquals(1, taskUsage(task).get(io.rightsize.api.v1.Resource.CPU_MILLICORES).getCount());
        send(task.orderId() + "/" + task.taskId(), SampleTicks.encodeLast(task.orderId(), task.taskId(), "vignette",
                T0.plusSeconds(501)));
        await().atMost(Duration.ofSeconds(30)).until(() -> sealed(task.taskId()));
        assertEquals(101, taskUsage(task).get(io.rightsize.api.v1.Resource.MEMORY_BYTES).getCount());
    }

    @Test
    void aReplayedRunOfTicksStoresAndRollsUpEachSampleOnce() throws Exception {
        StoredTask task = storeTask("posterize");
        for (int i = 1; i <= 10; i++) {
            sendTick(task, "posterize", i, T0.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 20);
        // A consumer crash replays from the last committed offset: old ticks come again, mixed with new ones.
        for (int i = 5; i <= 15; i++) {
            sendTick(task, "posterize", i, T0.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 30);
        Thread.sleep(1000);
        assertEquals(30, rows(task.orderId()), "each sample once");
        assertEquals(30, rolledUp("posterize"), "and counted once in the rollup");
    }

    @Test
    void anUnreadableTickIsDeadLetteredWithItsReason() throws Exception {
        StoredTask task = storeTask("emboss");
        byte[] unknown = SampleTick.newBuilder().setOrderId(task.orderId()).setTaskId(task.taskId())
                .setService("emboss").setTimestamp(com.google.protobuf.Timestamp.newBuilder().setSeconds(
                        T0.getEpochSecond())).addMeasurements(Measurement.newBuilder().setResourceValue(42).setValue(1))
                .build().toByteArray();
        send(task.orderId() + "/" + task.taskId(), unknown);
        sendTick(task, "emboss", 3, T0.plusSeconds(3));

        Map<String, String> dead = TestRows.deadLetters(v -> v.contains(task.orderId()), 1);
        assertEquals(List.of("SampleTick: unknown resource id 42"), List.copyOf(dead.values()));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 2);
    }

    @Test
    void theSweeperSealsTasksThatFinishedLongAgoWithoutALastRecord() throws Exception {
        StoredTask task = storeTask("solarize");
        for (int i = 1; i <= 5; i++) {
            sendTick(task, "solarize", i, T0.plusSeconds(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 10);
        assertEquals(false, sealed(task.taskId()));
        execute("UPDATE tasks SET state = 'SUCCEEDED', finished_at = now() - interval '2 hours' WHERE id = ?",
                task.taskId());

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sweeper.sweep().await().atMost(Duration.ofSeconds(10));
            return sealed(task.taskId());
        });
        assertEquals(5, taskUsage(task).get(io.rightsize.api.v1.Resource.CPU_MILLICORES).getCount());
    }

    /** A tick of two resources: CPU {@code value} and memory ten times that. */
    private void sendTick(StoredTask task, String service, double value, Instant at) throws Exception {
        send(task.orderId() + "/" + task.taskId(), SampleTicks.encode(List.of(
                new UsageSample(task.orderId(), task.taskId(), service, Resource.CPU_MILLICORES, value, at),
                new UsageSample(task.orderId(), task.taskId(), service, Resource.MEMORY_BYTES, 10 * value, at))));
    }

    private void send(String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>("resources", key, value)).get();
    }

    private Map<io.rightsize.api.v1.Resource, Stats> taskUsage(StoredTask task) {
        var usage = UsageServiceGrpc.newBlockingStub(channel).getTaskUsage(TaskUsageRequest.newBuilder()
                .setOrderId(task.orderId()).build());
        return usage.getStatsList().stream().collect(java.util.stream.Collectors.toMap(TaskResourceStats::getResource,
                TaskResourceStats::getStats));
    }

    private static boolean sealed(long taskId) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM task_usage_sealed WHERE task_id = ?")) {
            s.setLong(1, taskId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    private static void execute(String sql, long taskId) throws SQLException {
        try (Connection c = connection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, taskId);
            s.executeUpdate();
        }
    }
}
