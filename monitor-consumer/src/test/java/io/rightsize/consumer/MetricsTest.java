package io.rightsize.consumer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.devstack.testing.PostgresTestResource;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /q/metrics and /q/health over HTTP, with the sample counters driven by real records on the topic. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class MetricsTest {

    @Test
    void countsReceivedStoredAndDeadLetteredSamples() throws Exception {
        double received = counter("rightsize_samples_received_total");
        double stored = counter("rightsize_samples_stored_total");
        double dead = counter("rightsize_samples_dead_lettered_total", "reason=\"malformed\"");
        String orderId = "metrics-" + UUID.randomUUID().toString().substring(0, 8);
        long taskId = UUID.randomUUID().getMostSignificantBits() & Long.MAX_VALUE;
        Instant t0 = Instant.parse("2026-05-01T00:00:00Z");
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 3; i++) {
                UsageSample sample = new UsageSample(orderId, taskId, "blur", Resource.CPU_MILLICORES, i,
                        t0.plusSeconds(i));
                producer.send(new ProducerRecord<>("resources", sample.key(), Json.write(sample))).get();
            }
            producer.send(new ProducerRecord<>("resources", orderId, "not json " + orderId)).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(received + 4, counter("rightsize_samples_received_total"), "3 valid and 1 malformed");
            assertEquals(stored + 3, counter("rightsize_samples_stored_total"));
            assertEquals(dead + 1, counter("rightsize_samples_dead_lettered_total", "reason=\"malformed\""));
        });
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("rightsize_batch_store_seconds_count{topic=\"resources\"}"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }

    @Test
    void isLiveAndReadyWithTheBrokerAndTheDatabase() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check",
                        "Reactive PostgreSQL connections health check", "Database connections health check",
                        "gRPC Server")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - liveness check"))
                .body("checks.name", not(hasItem("Reactive PostgreSQL connections health check")));
    }

    /** The counter's value in the Prometheus text; 0 when it has not been registered yet. */
    private static double counter(String name) {
        return counter(name, "");
    }

    /** The value of the counter's series whose labels include {@code label}, such as {@code reason="malformed"}. */
    private static double counter(String name, String label) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + Pattern.quote(label) + "[^}]*} (\\S+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
