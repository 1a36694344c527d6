package io.rightsize.consumer.store;

import io.rightsize.common.messaging.UsageSample;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes samples in one statement per batch (arrays unnested server-side). The primary key
 * (task, resource, timestamp) and ON CONFLICT DO NOTHING make a replayed sample a no-op. The same statement adds the
 * rows that were new to the usage rollup, so statistics over all samples need not scan them; rollup rows are locked
 * in key order, so concurrent batches cannot deadlock.
 */
@ApplicationScoped
public class SampleStore {

    private static final String INSERT = "WITH new AS (INSERT INTO samples (order_id, task_id, resource_id, value,"
            + " timestamp)"
            + " SELECT * FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::float8[], $5::timestamptz[])"
            + " ON CONFLICT DO NOTHING RETURNING task_id, resource_id, value),"
            + " rolled AS (INSERT INTO usage_rollup (service_id, resource_id, bucket, count, min, max, sum)"
            + " SELECT t.service_id, n.resource_id, usage_bucket(n.value), count(*), min(n.value), max(n.value),"
            + " sum(n.value) FROM new n JOIN tasks t ON t.id = n.task_id GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"
            + " ON CONFLICT (service_id, resource_id, bucket) DO UPDATE SET count = usage_rollup.count + excluded.count,"
            + " min = least(usage_rollup.min, excluded.min), max = greatest(usage_rollup.max, excluded.max),"
            + " sum = usage_rollup.sum + excluded.sum)"
            + " SELECT count(*) AS inserted FROM new";

    private final Pool pool;

    public SampleStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the batch; completes with the number of rows that were new. */
    public Uni<Integer> insert(List<UsageSample> samples) {
        if (samples.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = samples.size();
        String[] orders = new String[n];
        Long[] tasks = new Long[n];
        Short[] resources = new Short[n];
        Double[] values = new Double[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            UsageSample s = samples.get(i);
            orders[i] = s.orderId();
            tasks[i] = s.taskId();
            resources[i] = (short) s.resource().id();
            values[i] = s.value();
            times[i] = s.timestamp().atOffset(ZoneOffset.UTC);
        }
        return pool.preparedQuery(INSERT)
                .execute(Tuple.of(orders, tasks, resources, values, times))
                .map(rows -> rows.iterator().next().getLong("inserted").intValue());
    }
}
