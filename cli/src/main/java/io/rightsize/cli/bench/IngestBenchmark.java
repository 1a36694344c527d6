package io.rightsize.cli.bench;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.SampleTicks;
import io.rightsize.common.messaging.UsageSample;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.service.ServiceKind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.postgresql.PGConnection;

/**
 * Ingest end to end: simulated tasks publish samples on {@code resources} as fast as they can; the real
 * monitor-consumer stores them with its normal guarantees. Against the limit measured in the same run: PostgreSQL
 * {@code COPY} of the same kind of rows into a table with the samples table's columns and primary key.
 */
final class IngestBenchmark {

    private static final int TASKS = 1000;
    private static final Duration OVERLOAD_WINDOW = Duration.ofSeconds(60);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

    private final Stack stack;
    private final Consumer<String> out;
    private double drainRate;

    IngestBenchmark(Stack stack, Consumer<String> out) {
        this.stack = stack;
        this.out = out;
    }

    List<Figure> run(Duration window, double offeredRate, int copyRows, double latencyRate, Duration latencyWindow)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        BenchTasks tasks;
        try (Connection db = stack.postgres().connect()) {
            tasks = BenchTasks.create(db, "bench-" + UUID.randomUUID().toString().substring(0, 8), TASKS, 1);
        }
        double copyRate = copyLimit(copyRows, tasks);
        out.accept(String.format(Locale.ROOT, "COPY limit: %.0f rows/s (%d rows)", copyRate, copyRows));

        // A warm-up at that rate first, not counted: a consumer runs for days, not from a cold JIT.
        Throughput warmUp = publish(tasks, offeredRate, WARM_UP, 0);
        // Offered at the target rate, not flat out: on two cores, unthrottled publishers starve the consumer.
        Throughput sustained = publish(tasks, offeredRate, window, warmUp.sequenceEnd());
        figures.add(new Figure(String.format(Locale.ROOT, "ingest stored, %.0f samples/s offered for %d s", offeredRate,
                window.toSeconds()), sustained.storedRate(), "samples/s", ">= 100,000, lag bounded",
                String.format(Locale.ROOT, "lag at end %d records (max %d); COPY %.0f rows/s (%.0f%%)",
                        sustained.lagAtEnd(), sustained.maxLag(), copyRate, 100 * sustained.storedRate() / copyRate)));
        figures.add(new Figure("  published by the simulated tasks", sustained.publishedRate(), "samples/s", "-",
                "-"));
        // Capacity: twice that offered, so a backlog builds; then what the consumer and PostgreSQL store alone.
        Throughput overload = publish(tasks, 2 * offeredRate, OVERLOAD_WINDOW, sustained.sequenceEnd());
        figures.add(new Figure("ingest capacity: stored while draining the backlog, nothing published", drainRate,
                "samples/s", ">= 40% of COPY", String.format(Locale.ROOT, "COPY %.0f rows/s (%.0f%%)", copyRate,
                100 * drainRate / copyRate)));
        figures.add(new Figure(String.format(Locale.ROOT, "  stored with %.0f samples/s offered for %d s,"
                        + " publishers competing", 2 * offeredRate, OVERLOAD_WINDOW.toSeconds()),
                overload.storedRate(), "samples/s", "-", String.format(Locale.ROOT, "COPY %.0f rows/s (%.0f%%); lag"
                        + " at end %d records", copyRate, 100 * overload.storedRate() / copyRate,
                        overload.lagAtEnd())));

        Throughput max = overload;
        Throughput paced = publish(tasks, latencyRate, latencyWindow, max.sequenceEnd());
        figures.add(new Figure(String.format(Locale.ROOT, "end-to-end latency p50 at %.0f samples/s", latencyRate),
                paced.latencyP50(), "ms", "-", "-"));
        figures.add(new Figure(String.format(Locale.ROOT, "end-to-end latency p99 at %.0f samples/s", latencyRate),
                paced.latencyP99(), "ms", "< 2000 ms", "-"));
        figures.add(new Figure("  stored at that rate", paced.storedRate(), "samples/s", "-", "-"));
        return figures;
    }

    /** Rows per second PostgreSQL takes by COPY into a table shaped like samples, primary key included. */
    private double copyLimit(int rows, BenchTasks tasks) throws SQLException, IOException {
        try (Connection db = stack.postgres().connect(); Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy");
            s.execute("CREATE TABLE bench_copy (LIKE samples INCLUDING ALL)");
            long start = System.nanoTime();
            long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY bench_copy (task_id, resource_id, value, timestamp) FROM STDIN WITH (FORMAT csv)",
                    new GeneratedCsv(rows, row -> {
                        long n = row / 4;
                        long task = tasks.taskIds().get((int) (n % tasks.taskIds().size()));
                        Instant at = EPOCH.plusMillis(n / tasks.taskIds().size());
                        return task + "," + (row % 4 + 1) + "," + (n % 1000) + "," + at + "\n";
                    }));
            double seconds = (System.nanoTime() - start) / 1e9;
            s.execute("DROP TABLE bench_copy");
            return copied / seconds;
        }
    }

    /**
     * Publishes for {@code window} at up to {@code rate} samples/s from a few producer threads (keyed by task, as
     * the monitor-producer does) and watches stored rows, consumer lag and, for a probe task, how stale its newest
     * stored sample is.
     */
    private Throughput publish(BenchTasks tasks, double rate, Duration window, long sequenceStart) throws Exception {
        int threads = 2;
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong published = new AtomicLong();
        AtomicLong sequence = new AtomicLong(sequenceStart);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> produce(tasks, rate / threads, running, published, sequence),
                    "bench-producer-" + t);
            producers.add(thread);
        }
        long storedBefore = storedRows(tasks.orderId());
        List<Long> staleness = new ArrayList<>();
        List<Long> lags = new ArrayList<>();
        long start = System.nanoTime();
        producers.forEach(Thread::start);
        long lastLagCheck = 0;
        try (Connection db = stack.postgres().connect(); Admin admin = stack.kafka().admin()) {
            while (System.nanoTime() - start < window.toNanos()) {
                Thread.sleep(50);
                long newest = newestProbeSample(db, tasks.taskIds().get(0));
                if (newest > 0 && System.nanoTime() - start > Duration.ofSeconds(5).toNanos()) {
                    staleness.add(System.currentTimeMillis() - newest);
                }
                if (System.nanoTime() - lastLagCheck > 1_000_000_000L) {
                    lags.add(lag(admin));
                    lastLagCheck = System.nanoTime();
                }
            }
            running.set(false);
            for (Thread thread : producers) {
                thread.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long storedAtEnd = storedRows(tasks.orderId());
            long lagAtEnd = lag(admin);
            out.accept(String.format(Locale.ROOT, "window %.0f s: published %d, stored %d, lag at end %d",
                    seconds, published.get(), storedAtEnd - storedBefore, lagAtEnd));
            // Drain, so the next phase starts from an empty pipeline; with nothing published meanwhile, the drain rate
            // is what the consumer and PostgreSQL manage without the publishers competing for the cores.
            // Measured up to the last poll that found new rows: offsets are committed a few seconds after the rows are
            // stored, so the lag reaches 0 only that much later.
            // The consumer's own counter of new rows, not count(*), which would compete with it for PostgreSQL.
            long drainStart = System.nanoTime();
            double drainFrom = consumerStoredTotal();
            long deadline = drainStart + Duration.ofMinutes(3).toNanos();
            double drained = drainFrom;
            long lastGrowth = drainStart;
            while (lag(admin) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                double now = consumerStoredTotal();
                if (now > drained) {
                    drained = now;
                    lastGrowth = System.nanoTime();
                }
            }
            drainRate = lastGrowth == drainStart ? 0 : (drained - drainFrom) / ((lastGrowth - drainStart) / 1e9);
            long[] sorted = staleness.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Throughput(published.get() / seconds, (storedAtEnd - storedBefore) / seconds, lagAtEnd,
                    lags.stream().mapToLong(Long::longValue).max().orElse(0), Percentiles.of(sorted, 0.50),
                    Percentiles.of(sorted, 0.99), sequence.get());
        }
    }

    private void produce(BenchTasks tasks, double rate, AtomicBoolean running, AtomicLong published,
                         AtomicLong sequence) {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka().bootstrapServers());
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "5");
        p.put("batch.size", "262144");
        p.put("compression.type", "lz4");
        Resource[] resources = {Resource.CPU_MILLICORES, Resource.MEMORY_BYTES, Resource.DISK_READ_BYTES_PER_SECOND,
                Resource.DISK_WRITE_BYTES_PER_SECOND};
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            while (running.get()) {
                long n = sequence.getAndIncrement();
                long task = tasks.taskIds().get((int) (n % tasks.taskIds().size()));
                // The probe task (the first) gets a sample stamped now; the others a unique instant per sequence.
                Instant at = n % tasks.taskIds().size() == 0 ? Instant.now()
                        : EPOCH.plusMillis(n / tasks.taskIds().size());
                List<UsageSample> tick = new ArrayList<>(resources.length);
                for (Resource r : resources) {
                    tick.add(new UsageSample(tasks.orderId(), task, "bench-1", r, n % 1000, at));
                }
                // One record per task and instant, as the monitor-producer publishes them.
                producer.send(new ProducerRecord<>("resources", tick.get(0).key(), SampleTicks.encode(tick)));
                sent += resources.length;
                published.addAndGet(resources.length);
                if (Double.isFinite(rate)) {
                    long due = start + (long) (sent / rate * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                }
            }
        }
    }

    private long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("monitor-consumer")
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        for (int i = 0; i < Stack.RESOURCES_PARTITIONS; i++) {
            latest.put(new TopicPartition("resources", i), OffsetSpec.latest());
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** {@code rightsize_samples_stored_total} at the monitor-consumer's /q/metrics: every new row it stored. */
    private double consumerStoredTotal() throws IOException, InterruptedException {
        String endpoint = stack.service(ServiceKind.MONITOR_CONSUMER).endpoint();
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + endpoint + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith("rightsize_samples_stored_total{")) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new IOException("rightsize_samples_stored_total not found at " + endpoint + "/q/metrics");
    }

    private long storedRows(String orderId) throws SQLException {
        try (Connection db = stack.postgres().connect();
             var s = db.prepareStatement("SELECT count(*) FROM samples x JOIN tasks t"
                     + " ON t.id = x.task_id WHERE t.order_id = ?")) {
            s.setString(1, orderId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Epoch ms of the probe task's newest stored sample, or 0. */
    private static long newestProbeSample(Connection db, long taskId) throws SQLException {
        try (var s = db.prepareStatement("SELECT max(timestamp) FROM samples WHERE task_id = ? AND resource_id = 1")) {
            s.setLong(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1) == null ? 0 : rs.getTimestamp(1).getTime();
            }
        }
    }

    private record Throughput(double publishedRate, double storedRate, long lagAtEnd, long maxLag, double latencyP50,
                              double latencyP99, long sequenceEnd) {
    }
}
