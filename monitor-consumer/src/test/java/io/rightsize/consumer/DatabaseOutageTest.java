package io.rightsize.consumer;

import static io.restassured.RestAssured.given;
import static io.rightsize.consumer.TestRows.gaps;
import static io.rightsize.consumer.TestRows.rolledUp;
import static io.rightsize.consumer.TestRows.rows;
import static io.rightsize.consumer.TestRows.storeTask;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.consumer.TestRows.StoredTask;
import io.rightsize.devstack.postgres.EmbeddedPostgresServer;
import io.rightsize.devstack.testing.InjectPostgres;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** While PostgreSQL is away the consumers wait, alive, for as long as it takes; then they store everything, once. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class DatabaseOutageTest {

    private static final int SAMPLES = 50;

    @InjectPostgres
    EmbeddedPostgresServer postgres;

    @Test
    void noRecordAgeLimitCanCloseAConsumerWhileItWaitsForTheDatabase() {
        for (String channel : new String[] {"resources", "sampling-gaps"}) {
            assertEquals(0, ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel
                    + ".throttled.unprocessed-record-max-age.ms", Integer.class), channel);
        }
    }

    @Test
    void samplesAndGapsPublishedDuringAnOutageAreStoredOnceWhenTheDatabaseReturns() throws Exception {
        StoredTask task = storeTask("outage");
        Instant t0 = Instant.parse("2026-08-01T00:00:00Z");
        SamplingGap gap = new SamplingGap(task.orderId(), task.taskId(), "outage", t0, t0.plusSeconds(9),
                "producer restarted");
        double received = metric("rightsize_samples_received_total");
        postgres.close();
        try {
            Properties p = new Properties();
            p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new StringSerializer())) {
                for (int i = 0; i < SAMPLES; i++) {
                    UsageSample sample = new UsageSample(task.orderId(), task.taskId(), "outage",
                            Resource.CPU_MILLICORES, i, t0.plusSeconds(i));
                    producer.send(new ProducerRecord<>("resources", sample.key(), Json.write(sample)));
                }
                producer.send(new ProducerRecord<>("sampling-gaps", gap.key(), Json.write(gap))).get();
            }
            // A first batch has arrived and waits for the database; the rest wait in the topic, consumption paused.
            await().atMost(Duration.ofSeconds(30)).until(() -> metric("rightsize_samples_received_total") > received);
            // Longer than the session timeout (10 s): the consumers must stay in their group and alive all the while.
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15)).until(DatabaseOutageTest::isLive);
        } finally {
            postgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(task.orderId()) == SAMPLES && gaps(task.taskId()) == 1);
        assertEquals(SAMPLES, rolledUp("outage"), "each sample counted once in the rollup");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    private static boolean isLive() {
        return given().when().get("/q/health/live").statusCode() == 200;
    }

    /** The meter's value in the Prometheus text, summed over its series; 0 before it is registered. */
    private static double metric(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
