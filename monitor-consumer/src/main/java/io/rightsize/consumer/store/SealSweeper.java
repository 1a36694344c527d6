package io.rightsize.consumer.store;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Seals tasks that finished a while ago and were never sealed: their producer stopped before publishing their last
 * record, or they were stored before records had one. A few hundred a round, so a backlog never floods the database.
 */
@ApplicationScoped
public class SealSweeper {

    private static final Logger LOG = Logger.getLogger(SealSweeper.class);
    private static final int PER_ROUND = 200;
    private static final String SWEEP = "SELECT seal_task_usage(ARRAY(SELECT t.id FROM tasks t"
            + " WHERE t.finished_at < now() - make_interval(secs => $1)"
            + " AND NOT EXISTS (SELECT 1 FROM task_usage_sealed s WHERE s.task_id = t.id)"
            + " ORDER BY t.id LIMIT " + PER_ROUND + ")) AS sealed";

    private final Pool pool;
    private final Vertx vertx;
    private final Duration after;
    private final Duration every;
    private long timer = -1;

    public SealSweeper(Pool pool, Vertx vertx,
                       @ConfigProperty(name = "rightsize.consumer.seal-after", defaultValue = "30m") Duration after,
                       @ConfigProperty(name = "rightsize.consumer.seal-sweep-interval", defaultValue = "1m")
                       Duration every) {
        this.pool = pool;
        this.vertx = vertx;
        this.after = after;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(every.toMillis(), id -> sweep().subscribe().with(
                sealed -> {
                    if (sealed > 0) {
                        LOG.infof("sealed the statistics of %d tasks that finished over %s ago", sealed, after);
                    }
                },
                failure -> LOG.debugf("seal sweep failed, next round in %s: %s", every, failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One round: completes with how many tasks it sealed. */
    public io.smallrye.mutiny.Uni<Integer> sweep() {
        return pool.preparedQuery(SWEEP).execute(Tuple.of((double) after.toSeconds()))
                .map(rows -> rows.iterator().next().getInteger("sealed"));
    }
}
