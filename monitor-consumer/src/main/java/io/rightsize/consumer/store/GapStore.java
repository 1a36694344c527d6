package io.rightsize.consumer.store;

import io.rightsize.common.messaging.SamplingGap;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;

/** Records sampling gaps; the key (task, from, to) makes a replayed gap a no-op. */
@ApplicationScoped
public class GapStore {

    private static final String INSERT = "INSERT INTO sampling_gaps (task_id, from_ts, to_ts, reason)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";

    private final Pool pool;

    public GapStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> insert(SamplingGap gap) {
        return pool.preparedQuery(INSERT)
                .execute(Tuple.of(gap.taskId(), gap.from().atOffset(ZoneOffset.UTC), gap.to().atOffset(ZoneOffset.UTC),
                        gap.reason()))
                .replaceWithVoid();
    }
}
