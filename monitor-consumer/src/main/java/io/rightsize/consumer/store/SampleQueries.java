package io.rightsize.consumer.store;

import io.rightsize.common.messaging.Resource;
import io.rightsize.common.messaging.UsageSample;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Reads a task's stored samples back, so a finished task can be charted as it ran. */
@ApplicationScoped
public class SampleQueries {

    /** At most this many samples per answer: a day of one-second samples of every resource. */
    public static final int MAX_SAMPLES = 100_000;

    private final Pool pool;

    public SampleQueries(Pool pool) {
        this.pool = pool;
    }

    /** Oldest first, at most {@link #MAX_SAMPLES} + 1 (the extra one tells the caller there are more). */
    public Uni<List<UsageSample>> ofTask(String orderId, long taskId) {
        return pool.preparedQuery("SELECT x.resource_id, x.value, x.timestamp, s.name AS service FROM samples x"
                        + " JOIN tasks t ON t.id = x.task_id JOIN services s ON s.id = t.service_id"
                        + " WHERE t.order_id = $1 AND x.task_id = $2 ORDER BY x.timestamp, x.resource_id LIMIT $3")
                .execute(Tuple.of(orderId, taskId, MAX_SAMPLES + 1))
                .map(rows -> {
                    List<UsageSample> samples = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        samples.add(new UsageSample(orderId, taskId, row.getString("service"),
                                Resource.fromId(row.getShort("resource_id")), row.getDouble("value"),
                                row.getOffsetDateTime("timestamp").toInstant()));
                    }
                    return samples;
                });
    }
}
