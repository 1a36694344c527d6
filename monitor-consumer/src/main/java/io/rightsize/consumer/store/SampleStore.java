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
 * (task, resource, timestamp) and ON CONFLICT DO NOTHING make a replayed sample a no-op.
 */
@ApplicationScoped
public class SampleStore {

    private static final String INSERT = "INSERT INTO samples (order_id, task_id, resource_id, value, timestamp)"
            + " SELECT * FROM unnest($1::text[], $2::bigint[], $3::smallint[], $4::float8[], $5::timestamptz[])"
            + " ON CONFLICT DO NOTHING";

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
                .map(rows -> rows.rowCount());
    }
}
