package io.rightsize.consumer.store;

import io.rightsize.common.messaging.Resource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * min/avg/max and percentiles per service-resource pair or per task, computed in PostgreSQL: over all samples from the
 * usage rollup (no scan), per task from the statistics kept when the task was sealed (or its samples while it is not),
 * for an order or a window from the samples themselves.
 */
@ApplicationScoped
public class StatsQueries {

    private static final String AGGREGATES = "count(*) AS n, min(x.value) AS min, avg(x.value) AS avg,"
            + " max(x.value) AS max,"
            + " percentile_cont(ARRAY[0.5, 0.9, 0.95, 0.99]) WITHIN GROUP (ORDER BY x.value) AS pct";

    private static final String BY_SERVICE = "SELECT s.name AS service, x.resource_id, " + AGGREGATES
            + " FROM samples x JOIN tasks t ON t.id = x.task_id JOIN services s ON s.id = t.service_id"
            + " WHERE ($1::text IS NULL OR t.order_id = $1) AND ($2::text IS NULL OR s.name = $2)"
            + " AND ($3::timestamptz IS NULL OR x.timestamp >= $3) AND ($4::timestamptz IS NULL OR x.timestamp < $4)"
            + " GROUP BY s.name, x.resource_id ORDER BY s.name, x.resource_id";

    /** Sealed tasks from their kept statistics, the others (running, or not sealed yet) from their samples. */
    private static final String BY_TASK = "SELECT u.task_id, s.name AS service, u.resource_id, u.count AS n, u.min,"
            + " u.avg, u.max, ARRAY[u.p50, u.p90, u.p95, u.p99] AS pct"
            + " FROM tasks t JOIN task_usage_sealed z ON z.task_id = t.id JOIN task_usage_stats u ON u.task_id = t.id"
            + " JOIN services s ON s.id = t.service_id WHERE t.order_id = $1"
            + " UNION ALL"
            + " SELECT x.task_id, s.name AS service, x.resource_id, " + AGGREGATES
            + " FROM tasks t JOIN samples x ON x.task_id = t.id JOIN services s ON s.id = t.service_id"
            + " WHERE t.order_id = $1 AND NOT EXISTS (SELECT 1 FROM task_usage_sealed z WHERE z.task_id = t.id)"
            + " GROUP BY x.task_id, s.name, x.resource_id"
            + " ORDER BY task_id, resource_id";

    private static final String ROLLUP = "SELECT s.name AS service, r.resource_id, r.count, r.min, r.max, r.sum"
            + " FROM usage_rollup r JOIN services s ON s.id = r.service_id"
            + " WHERE ($1::text IS NULL OR s.name = $1)"
            + " ORDER BY s.name, r.resource_id, r.bucket";

    private final Pool pool;

    public StatsQueries(Pool pool) {
        this.pool = pool;
    }

    /** Per service and resource; a null order, service or window bound means no restriction. */
    public Uni<List<UsageStats>> byService(String orderId, String service, Instant since, Instant until) {
        if (orderId == null && since == null && until == null) {
            return fromRollup(service);
        }
        return pool.preparedQuery(BY_SERVICE).execute(Tuple.of(orderId, service, utc(since), utc(until)))
                .map(rows -> {
                    List<UsageStats> stats = new ArrayList<>();
                    rows.forEach(row -> stats.add(stats(row, 0)));
                    return stats;
                });
    }

    /** Over all orders, from the rollup's buckets: a few thousand rows whatever the number of samples. */
    private Uni<List<UsageStats>> fromRollup(String service) {
        return pool.preparedQuery(ROLLUP).execute(Tuple.of(service)).map(rows -> {
            List<UsageStats> stats = new ArrayList<>();
            String groupService = null;
            short groupResource = -1;
            List<RollupStats.Bucket> buckets = new ArrayList<>();
            for (Row row : rows) {
                String s = row.getString("service");
                short r = row.getShort("resource_id");
                if (!s.equals(groupService) || r != groupResource) {
                    if (!buckets.isEmpty()) {
                        stats.add(RollupStats.of(groupService, Resource.fromId(groupResource), buckets));
                    }
                    groupService = s;
                    groupResource = r;
                    buckets = new ArrayList<>();
                }
                buckets.add(new RollupStats.Bucket(row.getLong("count"), row.getDouble("min"), row.getDouble("max"),
                        row.getDouble("sum")));
            }
            if (!buckets.isEmpty()) {
                stats.add(RollupStats.of(groupService, Resource.fromId(groupResource), buckets));
            }
            return stats;
        });
    }

    /** Per task and resource of one order. */
    public Uni<List<UsageStats>> byTask(String orderId) {
        return pool.preparedQuery(BY_TASK).execute(Tuple.of(orderId))
                .map(rows -> {
                    List<UsageStats> stats = new ArrayList<>();
                    rows.forEach(row -> stats.add(stats(row, row.getLong("task_id"))));
                    return stats;
                });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static UsageStats stats(Row row, long taskId) {
        Double[] pct = row.getArrayOfDoubles("pct");
        return new UsageStats(taskId, row.getString("service"), Resource.fromId(row.getShort("resource_id")),
                row.getLong("n"), row.getDouble("min"), row.getDouble("avg"), row.getDouble("max"),
                pct[0], pct[1], pct[2], pct[3]);
    }
}
