package io.rightsize.orchestrator.store;

import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Waits out PostgreSQL outages: a state change (task started or ended, OOM event, order ended) is retried with
 * back-off until the database has it, in the caller's order, so none is ever dropped; a statement the database
 * refuses fails at once, since it would fail the same way forever.
 */
public final class DatabaseOutages {

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    /** One attempt may take this long before it counts as failed (a half-open connection never answers). */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
    static final Duration MAX_BACK_OFF = Duration.ofSeconds(5);

    private DatabaseOutages() {
    }

    /** Blocks the calling (worker) thread until {@code work} has succeeded or failed for a reason other than an outage. */
    public static <T> T waitOut(String what, Supplier<Uni<? extends T>> work) {
        AtomicInteger failures = new AtomicInteger();
        T result = Uni.createFrom().<T>deferred(work)
                .ifNoItem().after(ATTEMPT_TIMEOUT).fail()
                .onFailure(DatabaseOutages::isOutage).invoke(e -> {
                    int n = failures.incrementAndGet();
                    if (n == 1 || n % 20 == 0) {
                        LOG.warnf("the database is unreachable (%s); retrying %s (attempt %d)", e.getMessage(), what,
                                n + 1);
                    }
                })
                .onFailure(DatabaseOutages::isOutage).retry().withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF).indefinitely()
                .await().indefinitely();
        if (failures.get() > 0) {
            LOG.infof("the database is back: %s done after %d failed attempts", what, failures.get());
        }
        return result;
    }

    /**
     * An outage: no connection, a lost or closed one, a timeout, or SQLSTATE class 08 (connection), 40 (serialization
     * failure, deadlock), 53 (resources) or 57 (operator intervention, e.g. shutting down). Anything else, a statement
     * PostgreSQL refuses or a bug of ours, fails at once: waiting would not change it.
     */
    public static boolean isOutage(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof PgException pg) {
                String state = pg.getSqlState();
                return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57"));
            }
            if (e instanceof IOException || e instanceof TimeoutException || e instanceof ClosedConnectionException
                    || e instanceof io.smallrye.mutiny.TimeoutException || e instanceof VertxException) {
                return true;
            }
        }
        return false;
    }
}
