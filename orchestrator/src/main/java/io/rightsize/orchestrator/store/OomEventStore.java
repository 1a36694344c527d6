package io.rightsize.orchestrator.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Keeps every out-of-memory end of a task, so the predictor's next recommendation for its service learns from it. */
@ApplicationScoped
public class OomEventStore {

    private final Pool pool;

    public OomEventStore(Pool pool) {
        this.pool = pool;
    }

    /** The service is the task's own, read from its row, so the event cannot name another; a replay is a no-op. */
    public Uni<Void> record(String orderId, long taskId, long memoryLimitBytes, Instant at) {
        return pool.preparedQuery("INSERT INTO oom_events (task_id, order_id, service_id, memory_limit_bytes,"
                        + " occurred_at) SELECT id, order_id, service_id, $3, $4 FROM tasks"
                        + " WHERE id = $1 AND order_id = $2 ON CONFLICT (task_id, occurred_at) DO NOTHING")
                .execute(Tuple.of(taskId, orderId, memoryLimitBytes, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
