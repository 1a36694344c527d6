package io.rightsize.cli.bench;

import io.grpc.ManagedChannel;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.api.v1.UsageStatsRequest;
import io.rightsize.client.ClientChannels;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.service.ServiceKind;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;

/**
 * Statistics at scale: GetUsageStats (min/avg/max and percentiles per service and resource, over all orders) with
 * millions of stored samples, loaded by COPY into the real samples table, through the real monitor-consumer.
 */
final class StatsBenchmark {

    private static final int SERVICES = 20;
    private static final int TASKS = 2000;

    private final Stack stack;
    private final Consumer<String> out;

    StatsBenchmark(Stack stack, Consumer<String> out) {
        this.stack = stack;
        this.out = out;
    }

    List<Figure> run(int rows) throws Exception {
        String orderId = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        long loadStart = System.nanoTime();
        try (Connection db = stack.postgres().connect()) {
            List<Long> taskIds = BenchTasks.create(db, orderId, TASKS, SERVICES).taskIds();
            Instant epoch = Instant.parse("2026-06-01T00:00:00Z");
            // Each task's samples one second apart, four resources each, values spread like usage.
            db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY samples (task_id, resource_id, value, timestamp) FROM STDIN WITH (FORMAT csv)",
                    new GeneratedCsv(rows, row -> {
                        long n = row / 4;
                        long task = taskIds.get((int) (n % taskIds.size()));
                        double value = (row % 4 + 1) * 100 + (n * 7919L % 1000);
                        return task + "," + (row % 4 + 1) + "," + value + ","
                                + epoch.plusSeconds(n / taskIds.size()) + "\n";
                    }));
            // COPY bypasses the consumer: add the rows to the rollup as its ingest statement does, all at once.
            try (var roll = db.prepareStatement("INSERT INTO usage_rollup (service_id, resource_id, bucket, count, min,"
                    + " max, sum) SELECT t.service_id, x.resource_id, usage_bucket(x.value), count(*), min(x.value),"
                    + " max(x.value), sum(x.value) FROM samples x JOIN tasks t ON t.id = x.task_id"
                    + " WHERE t.order_id = ? GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
                    + " ON CONFLICT (service_id, resource_id, bucket) DO UPDATE SET"
                    + " count = usage_rollup.count + excluded.count, min = least(usage_rollup.min, excluded.min),"
                    + " max = greatest(usage_rollup.max, excluded.max), sum = usage_rollup.sum + excluded.sum")) {
                roll.setString(1, orderId);
                roll.executeUpdate();
            }
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE samples");
            }
        }
        out.accept(String.format(Locale.ROOT, "stats: %d samples loaded in %.0f s", rows,
                (System.nanoTime() - loadStart) / 1e9));
        ManagedChannel channel = ClientChannels.forTarget(stack.service(ServiceKind.MONITOR_CONSUMER).endpoint());
        try {
            var usage = UsageServiceGrpc.newBlockingStub(channel);
            double[] millis = new double[5];
            int groups = 0;
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                groups = usage.withDeadlineAfter(10, TimeUnit.MINUTES)
                        .getUsageStats(UsageStatsRequest.getDefaultInstance()).getStatsCount();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            out.accept(String.format(Locale.ROOT, "stats: %d service-resource groups, runs %s ms", groups,
                    Arrays.toString(millis)));
            List<Figure> figures = new ArrayList<>();
            figures.add(new Figure(String.format(Locale.ROOT, "GetUsageStats over %,d samples (median of 5)", rows),
                    millis[2], "ms", "< 200 ms", "-"));
            // The same statistics for one order: no rollup, a scan of that order's rows (all of them here).
            long start = System.nanoTime();
            usage.withDeadlineAfter(10, TimeUnit.MINUTES).getUsageStats(UsageStatsRequest.newBuilder()
                    .setOrderId(orderId).build());
            figures.add(new Figure(String.format(Locale.ROOT, "  the same for one order of %,d samples (scan)", rows),
                    (System.nanoTime() - start) / 1e6, "ms", "-", "-"));
            // Per-task statistics of that order (what `rightsize usage ID` shows): by scan while its tasks run, then
            // kept once each task's last record seals it.
            TaskUsageRequest byTask = TaskUsageRequest.newBuilder().setOrderId(orderId).build();
            start = System.nanoTime();
            int taskGroups = usage.withDeadlineAfter(10, TimeUnit.MINUTES).getTaskUsage(byTask).getStatsCount();
            double scanned = (System.nanoTime() - start) / 1e6;
            start = System.nanoTime();
            try (Connection db = stack.postgres().connect(); var seal = db.prepareStatement(
                    "SELECT seal_task_usage(ARRAY(SELECT id FROM tasks WHERE order_id = ?))")) {
                // The consumer seals each task as its last record is stored; here all of them at once.
                seal.setString(1, orderId);
                seal.execute();
            }
            double sealing = (System.nanoTime() - start) / 1e6;
            double[] kept = new double[5];
            for (int i = 0; i < kept.length; i++) {
                start = System.nanoTime();
                usage.withDeadlineAfter(10, TimeUnit.MINUTES).getTaskUsage(byTask);
                kept[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(kept);
            out.accept(String.format(Locale.ROOT, "stats: per task, %d task-resource groups; by scan %.0f ms, sealing"
                    + " %.0f ms, kept %s ms", taskGroups, scanned, sealing, Arrays.toString(kept)));
            figures.add(new Figure(String.format(Locale.ROOT, "GetTaskUsage (usage ID) for one order of %,d samples,"
                    + " tasks sealed (median of 5)", rows), kept[2], "ms", "< 1000 ms", "-"));
            figures.add(new Figure("  the same before its tasks were sealed (scan)", scanned, "ms", "-", "-"));
            figures.add(new Figure(String.format(Locale.ROOT, "  sealing its %,d tasks at once", TASKS), sealing, "ms",
                    "-", "-"));
            return figures;
        } finally {
            channel.shutdownNow();
        }
    }
}
