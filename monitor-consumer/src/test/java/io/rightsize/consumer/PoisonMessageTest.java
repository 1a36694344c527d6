package io.rightsize.consumer;

import static io.rightsize.consumer.TestRows.deadLetters;
import static io.rightsize.consumer.TestRows.gaps;
import static io.rightsize.consumer.TestRows.rows;
import static io.rightsize.consumer.TestRows.storeTask;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.TestRows.StoredTask;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A message that parses but can never be stored goes to the dead-letter topic and never holds up the ones after it. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PoisonMessageTest {

    private static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void samplesPostgresqlCouldNotStoreAreDeadLetteredAndTheSamplesAroundThemStored() throws Exception {
        StoredTask task = storeTask("poisoned");
        String key = task.orderId() + "/" + task.taskId();
        String nul = Json.write(sample(task.orderId() + "\u0000", task.taskId(), 2, T0.plusSeconds(1)));
        String farFuture = Json.write(sample(task.orderId(), task.taskId(), 3, Instant.parse("+300000-01-01T00:00:00Z")));
        String farPast = Json.write(sample(task.orderId(), task.taskId(), 4, Instant.parse("-5000-01-01T00:00:00Z")));
        send(key, Json.write(sample(task.orderId(), task.taskId(), 1, T0)));
        for (String poison : List.of(nul, farFuture, farPast)) {
            send(key, poison);
        }
        send(key, Json.write(sample(task.orderId(), task.taskId(), 5, T0.plusSeconds(2))));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 2);
        Map<String, String> dead = deadLetters(payload -> payload.contains(task.orderId()), 3);
        assertEquals("UsageSample: orderId contains a NUL character (\\u0000)", dead.get(nul));
        assertTrue(dead.get(farFuture).startsWith("UsageSample: timestamp +300000-01-01T00:00:00Z is outside"),
                dead.get(farFuture));
        assertTrue(dead.get(farPast).startsWith("UsageSample: timestamp -5000-01-01T00:00:00Z is outside"),
                dead.get(farPast));
        assertEquals(3, dead.size(), "the poison, and only the poison: " + dead.keySet());

        send(key, Json.write(sample(task.orderId(), task.taskId(), 6, T0.plusSeconds(3))));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 3);
    }

    /**
     * Two samples near the largest double pass every check, but their sum overflows the usage rollup's float8 (SQLSTATE
     * 22003): the statement storing them together fails, so does the second on its own, and everything else is stored.
     */
    @Test
    void aSampleThatPostgresqlRefusesIsDeadLetteredAndTheRestOfItsBatchStored() throws Exception {
        StoredTask task = storeTask("overflowing");
        String key = task.orderId() + "/" + task.taskId();
        for (int i = 0; i < 10; i++) {
            double value = i == 3 || i == 6 ? 1.5e308 : i;
            producer.send(new ProducerRecord<>("resources", key,
                    Json.write(sample(task.orderId(), task.taskId(), value, T0.plusSeconds(i)))));
        }
        producer.flush();

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 9);
        Map<String, String> dead = deadLetters(payload -> payload.contains(task.orderId()), 1);
        assertEquals(1, dead.size(), "one of the two overflowing samples: " + dead);
        String payload = dead.keySet().iterator().next();
        assertEquals(1.5e308, Json.read(payload, UsageSample.class).value());
        assertTrue(dead.get(payload).startsWith("PostgreSQL refused it: SQLSTATE 22003"), dead.get(payload));

        send(key, Json.write(sample(task.orderId(), task.taskId(), 10, T0.plusSeconds(10))));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(task.orderId()) == 10);
    }

    @Test
    void aGapOfAnUnknownTaskIsDeadLetteredAndLaterGapsStored() throws Exception {
        StoredTask task = storeTask("gapped");
        long unknownTask = task.taskId() + 1_000_000;
        SamplingGap orphan = new SamplingGap(task.orderId(), unknownTask, "gapped", T0, T0.plusSeconds(3),
                "producer restarted");
        SamplingGap known = new SamplingGap(task.orderId(), task.taskId(), "gapped", T0, T0.plusSeconds(3),
                "producer restarted");
        // One key, so one partition: the refused gap comes first in the queue the known one waits in.
        producer.send(new ProducerRecord<>("sampling-gaps", known.key(), Json.write(orphan))).get();
        producer.send(new ProducerRecord<>("sampling-gaps", known.key(), Json.write(known))).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> gaps(task.taskId()) == 1);
        Map<String, String> dead = deadLetters(payload -> payload.contains("\"taskId\":" + unknownTask), 1);
        assertEquals(1, dead.size());
        assertTrue(dead.get(Json.write(orphan)).startsWith("PostgreSQL refused it: SQLSTATE 23503"),
                dead.get(Json.write(orphan)));
        assertEquals(0, gaps(unknownTask));
    }

    private static UsageSample sample(String orderId, long taskId, double value, Instant at) {
        return new UsageSample(orderId, taskId, "any", Resource.MEMORY_BYTES, value, at);
    }

    private void send(String key, String payload) throws Exception {
        producer.send(new ProducerRecord<>("resources", key, payload)).get();
    }
}
