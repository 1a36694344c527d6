package io.rightsize.cli.bench;

import io.grpc.ManagedChannel;
import io.rightsize.api.v1.UsageServiceGrpc;
import io.rightsize.api.v1.UsageStatsRequest;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.service.ServiceKind;
import io.rightsize.grpc.client.ClientChannels;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
            List<Long> taskIds = tasksOverServices(db, orderId);
            db.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY samples (order_id, task_id, resource_id, value, timestamp) FROM STDIN WITH (FORMAT csv)",
                    new Rows(orderId, taskIds, rows));
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
            return figures;
        } finally {
            channel.shutdownNow();
        }
    }

    private static List<Long> tasksOverServices(Connection db, String orderId) throws Exception {
        try (PreparedStatement s = db.prepareStatement("INSERT INTO orders (id, state, image, spec, submitted_at)"
                + " VALUES (?, 'SUCCEEDED', 'bench.png', '{}'::jsonb, now())")) {
            s.setString(1, orderId);
            s.executeUpdate();
        }
        try (PreparedStatement s = db.prepareStatement("INSERT INTO services (name) SELECT 'bench-' || g"
                + " FROM generate_series(1, ?) g ON CONFLICT (name) DO NOTHING")) {
            s.setInt(1, SERVICES);
            s.executeUpdate();
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement("INSERT INTO tasks (order_id, position, service_id, params,"
                + " state) SELECT ?, g, (SELECT id FROM services WHERE name = 'bench-' || (g % ? + 1)), '{}'::jsonb,"
                + " 'SUCCEEDED' FROM generate_series(0, ? - 1) g RETURNING id")) {
            s.setString(1, orderId);
            s.setInt(2, SERVICES);
            s.setInt(3, TASKS);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** CSV rows: each task's samples one second apart, four resources each, values spread like usage. */
    private static final class Rows extends Reader {
        private final String orderId;
        private final List<Long> tasks;
        private final int rows;
        private final Instant epoch = Instant.parse("2026-06-01T00:00:00Z");
        private int row;
        private String pending = "";
        private int offset;

        Rows(String orderId, List<Long> tasks, int rows) {
            this.orderId = orderId;
            this.tasks = tasks;
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (offset >= pending.length()) {
                if (row >= rows) {
                    return -1;
                }
                StringBuilder b = new StringBuilder(64 * 512);
                for (int i = 0; i < 512 && row < rows; i++, row++) {
                    int n = row / 4;
                    long task = tasks.get(n % tasks.size());
                    long second = n / tasks.size();
                    double value = (row % 4 + 1) * 100 + (n * 7919L % 1000);
                    b.append(orderId).append(',').append(task).append(',').append(row % 4 + 1).append(',')
                            .append(value).append(',').append(epoch.plusSeconds(second)).append('\n');
                }
                pending = b.toString();
                offset = 0;
            }
            int n = Math.min(len, pending.length() - offset);
            pending.getChars(offset, offset + n, buffer, off);
            offset += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
