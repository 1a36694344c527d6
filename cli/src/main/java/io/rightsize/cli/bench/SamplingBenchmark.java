package io.rightsize.cli.bench;

import io.rightsize.common.json.Json;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.service.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sampling cost: the real monitor-producer follows N idle task processes at 1 Hz; its CPU time over the window, less
 * its idle CPU, per task; and the timing jitter of the samples it published (distance of consecutive samples of a
 * task from one second).
 */
final class SamplingBenchmark {

    private static final double CLOCK_TICKS = 100.0;

    private final Stack stack;
    private final Consumer<String> out;

    SamplingBenchmark(Stack stack, Consumer<String> out) {
        this.stack = stack;
        this.out = out;
    }

    List<Figure> run(int taskCount, Duration window) throws Exception {
        long producerPid = stack.service(ServiceKind.MONITOR_PRODUCER).pid();
        double idle = cpuSeconds(producerPid, Duration.ofSeconds(10)) / 10;
        BenchTasks tasks;
        try (Connection db = stack.postgres().connect()) {
            tasks = BenchTasks.create(db, "sampling-" + UUID.randomUUID().toString().substring(0, 8), taskCount, 1);
        }
        List<Process> processes = new ArrayList<>();
        String host = InetAddress.getLocalHost().getHostName();
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka().bootstrapServers());
        try (KafkaProducer<String, String> events = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < taskCount; i++) {
                Process process = new ProcessBuilder("sleep", "3600").start();
                processes.add(process);
                Instant started = process.info().startInstant().orElse(Instant.now());
                TaskEvent event = TaskEvent.started(tasks.orderId(), tasks.taskIds().get(i), i, "bench-1", process.pid(),
                        host, new Allocation(100, 200, 1 << 20, 1 << 21, "bench"), started);
                events.send(new ProducerRecord<>("orchestrator", event.key(), Json.write(event)));
            }
            events.flush();
            Thread.sleep(5000);
            double busy = cpuSeconds(producerPid, window) / window.toSeconds();
            perTaskPercent = 100 * (busy - idle) / taskCount;
            for (int i = 0; i < taskCount; i++) {
                TaskEvent end = TaskEvent.ended(TaskEventType.SUCCEEDED, tasks.orderId(), tasks.taskIds().get(i), i,
                        "bench-1", processes.get(i).pid(), host, 0, 1, null, Instant.now());
                events.send(new ProducerRecord<>("orchestrator", end.key(), Json.write(end)));
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        List<Figure> figures = new ArrayList<>();
        Jitter measured = jitterMillis(tasks.orderId());
        double[] jitter = measured.all();
        out.accept(String.format(Locale.ROOT, "sampling: %d tasks, producer idle %.3f cores, %d sample intervals",
                taskCount, idle, jitter.length));
        figures.add(new Figure("monitor-producer CPU per monitored task (" + taskCount + " tasks)",
                perTaskPercent, "% core", "< 0.5%", "-"));
        figures.add(new Figure("sample timing jitter p99 (|interval - 1 s|), steady", Percentiles.of(measured.steady(), 0.99),
                "ms", "< 50 ms", "after the first " + STEADY_AFTER.toSeconds() + " s of sampling"));
        figures.add(new Figure("sample timing jitter p99, whole window", Percentiles.of(jitter, 0.99), "ms", "< 50 ms",
                "with " + taskCount + " tasks starting in the same second"));
        figures.add(new Figure("sample timing jitter max", jitter.length == 0 ? Double.NaN : jitter[jitter.length - 1],
                "ms", "-", "-"));
        return figures;
    }

    private double perTaskPercent;

    /** CPU seconds the process uses over the window (utime + stime from /proc). */
    private static double cpuSeconds(long pid, Duration window) throws IOException, InterruptedException {
        long before = ticks(pid);
        Thread.sleep(window.toMillis());
        return (ticks(pid) - before) / CLOCK_TICKS;
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /**
     * The start of sampling is a burst: every task's process is spawned and attached in the same second. Steady state
     * is what follows.
     */
    private static final Duration STEADY_AFTER = Duration.ofSeconds(5);

    /** Sorted |interval - 1000 ms| between consecutive CPU samples of the order's tasks: all, and in steady state. */
    private record Jitter(double[] all, double[] steady) {
    }

    private Jitter jitterMillis(String orderId) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka().bootstrapServers());
        p.put("group.id", "bench-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        Map<Long, List<Long>> times = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("resources"));
            long quietSince = System.nanoTime();
            while (System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    quietSince = System.nanoTime();
                    if (!r.key().startsWith(orderId + "/")) {
                        continue;
                    }
                    for (UsageSample s : SampleTicks.decode(r.value()).samples()) {
                        if (s.resource() == Resource.CPU_MILLICORES) {
                            times.computeIfAbsent(s.taskId(), k -> new ArrayList<>())
                                    .add(s.timestamp().toEpochMilli());
                        }
                    }
                }
            }
        }
        times.values().forEach(t -> t.sort(Long::compare));
        long firstMillis = times.values().stream().mapToLong(t -> t.isEmpty() ? Long.MAX_VALUE : t.get(0)).min()
                .orElse(0);
        long first = firstMillis / 1000;
        List<Double> jitter = new ArrayList<>();
        List<Double> steady = new ArrayList<>();
        // Late intervals by the second they ended in: a few seconds holding most of them is a process-wide stall
        // (a pause, a starved CPU), many seconds with a few each is the per-task schedule.
        Map<Long, Integer> lateBySecond = new java.util.TreeMap<>();
        for (List<Long> t : times.values()) {
            for (int i = 1; i < t.size(); i++) {
                long off = Math.abs(t.get(i) - t.get(i - 1) - 1000);
                jitter.add((double) off);
                if (t.get(i - 1) >= firstMillis + STEADY_AFTER.toMillis()) {
                    steady.add((double) off);
                }
                if (off > 50) {
                    lateBySecond.merge(t.get(i) / 1000, 1, Integer::sum);
                }
            }
        }
        out.accept(String.format(Locale.ROOT, "sampling: intervals off by > 50 ms: %d, in %d distinct seconds;"
                        + " busiest seconds (since the first sample: count) %s",
                lateBySecond.values().stream().mapToInt(Integer::intValue).sum(), lateBySecond.size(),
                lateBySecond.entrySet().stream().sorted(Map.Entry.<Long, Integer>comparingByValue().reversed())
                        .limit(5).map(e -> (e.getKey() - first) + "s: " + e.getValue()).toList()));
        return new Jitter(jitter.stream().mapToDouble(Double::doubleValue).sorted().toArray(),
                steady.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }
}
