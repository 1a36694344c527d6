package io.rightsize.producer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.devstack.testing.KafkaTestResource;
import java.net.InetAddress;
import io.rightsize.tasks.TaskProcesses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class SamplingTest {

    private static final long TASK_SECONDS = 4;
    private static final Path CITY = Path.of("../examples/images/city.png").toAbsolutePath().normalize();
    /** About 4 s of a core on the sample city image. */
    private static final int GRAYSCALE_PASSES = 60;

    @Test
    void samplesARunningTaskOnceASecondUntilItEndsAndDeadLettersMalformedEvents() throws Exception {
        String orderId = "order-" + UUID.randomUUID().toString().substring(0, 8);
        long taskId = System.nanoTime() % 1_000_000;
        Instant startedAt = Instant.now();
        Path output = Files.createTempDirectory("sampling").resolve("00-grayscale.png");
        Process task = new ProcessBuilder(java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TaskProcesses.MAIN_CLASS, "grayscale", "--input", CITY.toString(), "--output", output.toString(),
                "--param", "passes=" + GRAYSCALE_PASSES).inheritIO().start();

        try (var producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("orchestrator", "junk", "{not json " + orderId)).get();
            TaskEvent started = TaskEvent.started(orderId, taskId, 0, "grayscale", task.pid(),
                    InetAddress.getLocalHost().getHostName(), new Allocation(100, 1000, 1, 2, "test"), startedAt);
            producer.send(new ProducerRecord<>("orchestrator", started.key(), Json.write(started))).get();
        }
        assertTrue(task.waitFor(30, TimeUnit.SECONDS));
        double runSeconds = (System.currentTimeMillis() - startedAt.toEpochMilli()) / 1000.0;

        List<SampleTicks.Tick> ticks = ticksOf(orderId, Duration.ofSeconds(3), Duration.ofSeconds(30));
        List<UsageSample> samples = ticks.stream().flatMap(t -> t.samples().stream()).toList();

        assertTrue(ticks.get(ticks.size() - 1).last(), "the task's last record closes it");
        assertEquals(1, ticks.stream().filter(SampleTicks.Tick::last).count(), "one last record");
        assertTrue(ticks.stream().filter(t -> !t.last()).allMatch(t -> t.samples().size() == 4),
                "one record per sampling instant, with every resource");
        List<UsageSample> cpu = samples.stream().filter(s -> s.resource() == Resource.CPU_MILLICORES).toList();
        assertTrue(Math.abs(cpu.size() - runSeconds) <= 2, cpu.size() + " samples for a " + runSeconds + " s run");
        assertTrue(cpu.stream().mapToDouble(UsageSample::value).max().orElse(0) > 500, "a busy core shows");
        double maxMemory = samples.stream().filter(s -> s.resource() == Resource.MEMORY_BYTES)
                .mapToDouble(UsageSample::value).max().orElse(0);
        assertTrue(maxMemory > 100e6, "resident memory " + maxMemory);
        for (int i = 1; i < cpu.size(); i++) {
            long gap = cpu.get(i).timestamp().toEpochMilli() - cpu.get(i - 1).timestamp().toEpochMilli();
            assertTrue(gap > 800 && gap < 1200, "sample gap " + gap + " ms");
        }
        assertEquals(cpu.size() * 4, samples.size(), "four resources per sampling instant");
        assertTrue(samples.stream().allMatch(s -> s.taskId() == taskId && s.service().equals("grayscale")));
        assertTrue(deadLetterReason("{not json " + orderId).length() > 0, "the malformed event is kept with its reason");
    }

    /**
     * A task in a cgroup of its own, as the orchestrator runs it under enforcement, is read from the kernel's cgroup
     * counters: a busy loop limited to 200m shows about 200m of CPU and most of each second throttled, and no OOM kill.
     */
    @Test
    void samplesATaskInItsOwnCgroupFromTheKernelsCountersWithThrottling() throws Exception {
        Assumptions.assumeTrue(TaskCgroupForTest.available(), "cgroups cannot be written here");
        String orderId = "cgroup-" + UUID.randomUUID().toString().substring(0, 8);
        long taskId = System.nanoTime() % 1_000_000;
        Path output = Files.createTempDirectory("sampling").resolve("00-grayscale.png");
        Instant startedAt = Instant.now();
        try (TaskCgroupForTest cgroup = TaskCgroupForTest.make(taskId, 200, 512L << 20)) {
            Process task = new ProcessBuilder(cgroup.wrap(List.of(java(), "-Xmx256m", "-XX:ActiveProcessorCount=1",
                    "-cp", System.getProperty("java.class.path"), TaskProcesses.MAIN_CLASS, "grayscale", "--input",
                    CITY.toString(), "--output", output.toString(), "--param", "passes=12"))).inheritIO().start();
            try (var producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(), new StringSerializer())) {
                TaskEvent started = TaskEvent.started(orderId, taskId, 0, "grayscale", task.pid(),
                        InetAddress.getLocalHost().getHostName(), new Allocation(200, 200, 1, 2, "test"), startedAt);
                producer.send(new ProducerRecord<>("orchestrator", started.key(), Json.write(started))).get();
            }
            assertTrue(task.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, task.exitValue());
        }

        List<UsageSample> samples = samplesOf(orderId, Duration.ofSeconds(3));

        // The first second holds the JVM's start, before the quota bites in full; after it, the quota rules.
        List<Double> cpu = values(samples, Resource.CPU_MILLICORES);
        assertTrue(cpu.size() >= 4, cpu.size() + " samples");
        double steadyCpu = cpu.subList(1, cpu.size() - 1).stream().mapToDouble(Double::doubleValue).average()
                .orElseThrow();
        assertTrue(steadyCpu > 150 && steadyCpu < 250, "a 200m quota, CPU " + steadyCpu + "m");
        List<Double> throttled = values(samples, Resource.CPU_THROTTLED_SECONDS_PER_SECOND);
        assertEquals(cpu.size(), throttled.size(), "throttling at every sampling instant");
        assertTrue(throttled.stream().mapToDouble(Double::doubleValue).max().orElseThrow() > 0.3,
                "throttled seconds per second " + throttled);
        assertTrue(values(samples, Resource.OOM_KILLS).stream().allMatch(v -> v == 0));
    }

    private static List<Double> values(List<UsageSample> samples, Resource resource) {
        return samples.stream().filter(s -> s.resource() == resource).map(UsageSample::value).toList();
    }

    /** A STARTED event naming a live process of this host that is no task (forged, or corrupt) is never obeyed. */
    @Test
    void deadLettersAStartedEventForAProcessThatIsNoTask() throws Exception {
        String orderId = "forged-" + UUID.randomUUID().toString().substring(0, 8);
        Process other = new ProcessBuilder(java(), "-cp", System.getProperty("java.class.path"),
                BusyLoop.class.getName(), Long.toString(TASK_SECONDS)).inheritIO().start();
        try (var producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(), new StringSerializer())) {
            TaskEvent forged = TaskEvent.started(orderId, 7, 0, "blur", other.pid(),
                    InetAddress.getLocalHost().getHostName(), new Allocation(100, 1000, 1, 2, "test"), Instant.now());
            String payload = Json.write(forged);
            producer.send(new ProducerRecord<>("orchestrator", forged.key(), payload)).get();
            String reason = deadLetterReason(payload);
            assertTrue(reason.contains("runs no blur task"), reason);
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertTrue(samplesOf(orderId, Duration.ofSeconds(3), Duration.ofSeconds(5)).isEmpty(),
                "no sample of a process that is no task");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The reason the producer's dead-letter strategy recorded for this payload on orchestrator-dlq. */
    private static String deadLetterReason(String payload) {
        Properties p = kafkaProps();
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        String[] reason = {null};
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("orchestrator-dlq"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("dead-letter-reason");
                    if (payload.equals(record.value()) && header != null) {
                        reason[0] = new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
                return reason[0] != null;
            });
        }
        return reason[0];
    }

    private static List<UsageSample> samplesOf(String orderId, Duration quiet) {
        return samplesOf(orderId, quiet, Duration.ofSeconds(30));
    }

    private static List<UsageSample> samplesOf(String orderId, Duration quiet, Duration wait) {
        return ticksOf(orderId, quiet, wait).stream().flatMap(t -> t.samples().stream()).toList();
    }

    /** The order's records, in order, once none has come for {@code quiet}; empty if none came within {@code wait}. */
    private static List<SampleTicks.Tick> ticksOf(String orderId, Duration quiet, Duration wait) {
        Properties p = kafkaProps();
        p.put("group.id", "test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<SampleTicks.Tick> ticks = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("resources"));
            long[] lastSeen = {System.currentTimeMillis()};
            long giveUp = System.currentTimeMillis() + wait.toMillis();
            await().atMost(wait.plusSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    SampleTicks.Tick tick = SampleTicks.decode(record.value());
                    if (tick.orderId().equals(orderId)) {
                        assertEquals(tick.key(), record.key());
                        ticks.add(tick);
                        lastSeen[0] = System.currentTimeMillis();
                    }
                }
                return ticks.isEmpty() ? System.currentTimeMillis() > giveUp
                        : System.currentTimeMillis() - lastSeen[0] > quiet.toMillis();
            });
        }
        return ticks;
    }

    private static Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return p;
    }
}
