package io.rightsize.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.tasks.TaskProcesses;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** /q/metrics and /q/health over HTTP, with the sampling meters driven by a real task event and process. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class MetricsTest {

    @Test
    void countsPublishedSamplesAndGaugesTheSampledTask() throws Exception {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("rightsize_samples_published_total{outcome=\"failed\",topic=\"resources\"}"))
                .body(containsString("rightsize_sampling_gaps_published_total{topic=\"sampling-gaps\"}"))
                .body(containsString("rightsize_tasks_sampled "));
        double published = value("rightsize_samples_published_total\\{outcome=\"ok\",topic=\"resources\"}");
        // A real task process (only those are sampled), long enough to be followed, stopped when checked.
        Path output = Files.createTempDirectory("metrics").resolve("00-grayscale.png");
        Process task = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), TaskProcesses.MAIN_CLASS, "grayscale",
                "--input", Path.of("../examples/images/city.png").toAbsolutePath().normalize().toString(),
                "--output", output.toString(), "--param", "passes=100").inheritIO().start();
        try {
            TaskEvent started = TaskEvent.started("metrics-" + UUID.randomUUID().toString().substring(0, 8),
                    System.nanoTime() % 1_000_000, 0, "grayscale", task.pid(), InetAddress.getLocalHost().getHostName(),
                    new Allocation(100, 1000, 1, 2, "test"), Instant.now());
            Properties p = new Properties();
            p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("orchestrator", started.key(), Json.write(started))).get();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertTrue(value("rightsize_tasks_sampled") >= 1, "the task is followed");
                assertTrue(value("rightsize_samples_published_total\\{outcome=\"ok\",topic=\"resources\"}")
                        >= published + 4, "one sampling instant is four samples");
            });
        } finally {
            task.destroyForcibly().waitFor();
        }
    }

    @Test
    void isLiveAndReadyOnceItOwnsTheTaskEventPartitions() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("task-events-assigned"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - readiness check")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("SmallRye Reactive Messaging - liveness check"));
    }

    /** The meter's value in the Prometheus text (the name is a regex); 0 when it is not listed yet. */
    private static double value(String name) {
        String text = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + name + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
