package io.rightsize.producer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.SamplingGap;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.devstack.testing.KafkaTestResource;
import io.rightsize.producer.config.ProbeMode;
import io.rightsize.producer.config.ProducerConfig;
import io.rightsize.producer.config.SampledHost;
import io.rightsize.producer.messaging.TaskEventGroup;
import io.rightsize.tasks.TaskProcesses;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Two producers on one broker, as two nodes' DaemonSet pods: this application for this host, and a second one in a
 * JVM of its own for another host. Each reads every task event in a group of its own and samples exactly its host's
 * tasks; killing one leaves the other host's sampling untouched, and its restart records the time it left unsampled.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class EveryHostsTasksSampledTest {

    /** The other producer's host: its tasks are local processes too, that their events name as that host's. */
    private static final String OTHER_HOST = "node-b";
    /** A JVM, Quarkus and, after a kill, the broker's 10 s session timeout for the dead member. */
    private static final Duration PRODUCER_START = Duration.ofSeconds(180);
    private static final Duration SAMPLES = Duration.ofSeconds(60);
    private static final Path CITY = Path.of("../examples/images/city.png").toAbsolutePath().normalize();

    @Inject
    ProducerConfig config;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachHostsProducerSamplesExactlyItsOwnTasksAndARestartedOneRecordsTheGapItLeft() throws Exception {
        SampledHost here = SampledHost.of(config);
        String orderId = "hosts-" + UUID.randomUUID().toString().substring(0, 8);
        long taskHere = System.nanoTime() % 1_000_000 + 1;
        long taskThere = taskHere + 1;
        List<Process> tasks = new ArrayList<>();
        ProducerProcess other = ProducerProcess.start(OTHER_HOST, bootstrapServers, log(1));
        try (OrderMessages messages = new OrderMessages(bootstrapServers, orderId);
             Admin admin = Admin.create(kafkaProps())) {
            await().atMost(PRODUCER_START).until(other::ready);
            given().when().get("/q/health/ready").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (String host : List.of(here.name(), OTHER_HOST)) {
                    assertOnlyMemberReadsEveryTaskEvent(admin, TaskEventGroup.groupId(new SampledHost(ProbeMode.LOCAL,
                            host)));
                }
            });

            Process onHere = startTask();
            Process onThere = startTask();
            tasks.add(onHere);
            tasks.add(onThere);
            Instant startedAt = Instant.now();
            send(TaskEvent.started(orderId, taskHere, 0, "grayscale", onHere.pid(), here.name(),
                            new Allocation(100, 1000, 1, 2, "test"), startedAt),
                    TaskEvent.started(orderId, taskThere, 1, "grayscale", onThere.pid(), OTHER_HOST,
                            new Allocation(100, 1000, 1, 2, "test"), startedAt));
            holdStopped(onHere);
            holdStopped(onThere);
            await().atMost(SAMPLES).until(() -> messages.poll().instants(taskHere).size() >= 3
                    && messages.instants(taskThere).size() >= 3);

            other.kill();
            Instant dead = Instant.now();
            await().atMost(SAMPLES).until(() -> messages.poll().instants(taskHere, dead, Instant.MAX).size() >= 3);

            other = ProducerProcess.start(OTHER_HOST, bootstrapServers, log(2));
            await().atMost(PRODUCER_START).until(other::ready);
            SamplingGap gap = await().atMost(SAMPLES).until(() -> messages.poll().gaps(taskThere).stream()
                    .filter(g -> g.to().isAfter(dead)).findFirst(), Optional::isPresent).orElseThrow();
            await().atMost(SAMPLES).until(() -> messages.poll().instants(taskThere, gap.to(), Instant.MAX).size() >= 3);

            // A task's samples arrive in order: once one after the cut has come, all before it have.
            Instant cut = Instant.now();
            await().atMost(SAMPLES).until(() -> !messages.poll().instants(taskHere, cut, Instant.MAX).isEmpty()
                    && !messages.instants(taskThere, cut, Instant.MAX).isEmpty());
            messages.pollToEnd();

            List<Instant> hereInstants = messages.instants(taskHere, Instant.MIN, cut);
            assertEverySecondOnce(hereInstants, "this host's task, through the other producer's crash");
            List<Instant> thereBefore = messages.instants(taskThere, Instant.MIN, dead);
            assertEverySecondOnce(thereBefore, "the other host's task before its producer was killed");
            assertEverySecondOnce(messages.instants(taskThere, gap.to(), cut),
                    "the other host's task after its producer restarted");
            assertEquals(List.of(), messages.instants(taskThere, dead, gap.to()),
                    "while its own producer was down, no producer sampled the other host's task");

            assertFalse(gap.from().isAfter(thereBefore.get(0)), "the gap runs from the task's start: " + gap);
            assertTrue(gap.reason().contains("monitor-producer started at"), gap.reason());
            assertEquals(1, messages.gaps(taskThere).stream().filter(g -> g.to().isAfter(thereBefore.get(0))).count(),
                    "one gap for the restart: " + messages.gaps(taskThere));
            // A gap of this host's task can only be its start event's latency, before its first sample.
            for (SamplingGap g : messages.gaps(taskHere)) {
                assertFalse(g.to().isAfter(hereInstants.get(0)), "this host's task was never left unsampled: " + g);
            }
        } finally {
            for (Process task : tasks) {
                task.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            send(TaskEvent.ended(TaskEventType.FAILED, orderId, taskHere, 0, "grayscale", null, here.name(), 137,
                            1, "stopped by the test", Instant.now()),
                    TaskEvent.ended(TaskEventType.FAILED, orderId, taskThere, 1, "grayscale", null, OTHER_HOST, 137,
                            1, "stopped by the test", Instant.now()));
            other.close();
        }
    }

    /**
     * One sample per sampling instant, once a second: a second producer sampling the task would double the count, a
     * missed second would lower it.
     */
    private static void assertEverySecondOnce(List<Instant> instants, String what) {
        assertTrue(instants.size() >= 3, what + ": " + instants.size() + " samples");
        long spanMillis = instants.get(instants.size() - 1).toEpochMilli() - instants.get(0).toEpochMilli();
        long expected = Math.round(spanMillis / 1000.0) + 1;
        assertTrue(Math.abs(instants.size() - expected) <= 2,
                what + ": " + instants.size() + " samples over " + spanMillis + " ms: " + instants);
        for (int i = 1; i < instants.size(); i++) {
            long step = instants.get(i).toEpochMilli() - instants.get(i - 1).toEpochMilli();
            assertTrue(step < 3000, what + ": " + step + " ms without a sample at " + instants.get(i - 1));
        }
    }

    private static void assertOnlyMemberReadsEveryTaskEvent(Admin admin, String groupId) throws Exception {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(groupId)).all().get();
        ConsumerGroupDescription group = groups.get(groupId);
        assertEquals(1, group.members().size(), groupId + " members: " + group.members());
        assertEquals(Set.of(new TopicPartition("orchestrator", 0)),
                group.members().iterator().next().assignment().topicPartitions(), groupId);
    }

    /** A real grayscale task process: only those are sampled. */
    private static Process startTask() throws Exception {
        Path output = Files.createTempDirectory("hosts").resolve("00-grayscale.png");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), TaskProcesses.MAIN_CLASS, "grayscale",
                "--input", CITY.toString(), "--output", output.toString(), "--param", "passes=100")
                .inheritIO().start();
    }

    /**
     * Stopped (SIGSTOP) once it runs the task: it stays alive, and sampled, exactly as long as the test needs, without
     * taking a core of a shared machine; SIGKILL ends it.
     */
    private static void holdStopped(Process task) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> TaskProcesses.runsService(task.toHandle(), "grayscale"));
        Process kill = new ProcessBuilder("kill", "-STOP", Long.toString(task.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "task process stopped");
    }

    private void send(TaskEvent... events) throws Exception {
        try (var producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(), new StringSerializer())) {
            for (TaskEvent event : events) {
                producer.send(new ProducerRecord<>("orchestrator", event.key(), Json.write(event))).get();
            }
        }
    }

    private Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    private static Path log(int run) {
        return Path.of("target", "producer-" + OTHER_HOST + "-" + run + ".log").toAbsolutePath();
    }
}
