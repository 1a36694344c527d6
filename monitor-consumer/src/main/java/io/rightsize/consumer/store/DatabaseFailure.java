package io.rightsize.consumer.store;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The one rule for a failed write: either PostgreSQL refused the rows themselves, and retrying them can never help,
 * or something else went wrong (the server is down, restarting, out of connections, in a deadlock...) and waiting
 * can. Only the first kind may leave the topic for the dead-letter topic: discarding on any other failure would lose
 * good samples during an outage.
 */
public enum DatabaseFailure {
    /** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): the same rows fail every time. */
    REFUSED_ROWS,
    /** Anything else, connection failures (class 08) and server shutdown (57) or resources (53) among them. */
    TRANSIENT;

    private static final Logger LOG = Logger.getLogger(DatabaseFailure.class);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);

    public static DatabaseFailure of(Throwable failure) {
        PgException refusal = pgException(failure);
        if (refusal == null || refusal.getSqlState() == null) {
            return TRANSIENT;
        }
        return switch (refusal.getSqlState().substring(0, 2)) {
            case "22", "23" -> REFUSED_ROWS;
            default -> TRANSIENT;
        };
    }

    public static boolean refusesRows(Throwable failure) {
        return of(failure) == REFUSED_ROWS;
    }

    /** SQLSTATE 23505: a row with the same key is stored already. */
    public static boolean isDuplicateKey(Throwable failure) {
        PgException pg = pgException(failure);
        return pg != null && "23505".equals(pg.getSqlState());
    }

    public static boolean isTransient(Throwable failure) {
        return of(failure) == TRANSIENT;
    }

    /** The dead-letter reason of a refusal: its SQLSTATE and PostgreSQL's own words. */
    public static String reason(Throwable failure) {
        PgException pg = pgException(failure);
        return pg == null ? String.valueOf(failure.getMessage())
                : "PostgreSQL refused it: SQLSTATE " + pg.getSqlState() + ", " + pg.getErrorMessage()
                        + (pg.getDetail() == null ? "" : " (" + pg.getDetail() + ")");
    }

    /**
     * The write, retried with back-off (0.5 s to 10 s) for as long as its failures are transient, which pauses
     * consumption; a refusal ends it at once, for the caller to dead-letter.
     */
    public static <T> Uni<T> retryWhileTransient(Uni<T> write, Supplier<String> what) {
        return write
                .onFailure(DatabaseFailure::isTransient).invoke(e -> LOG.warnf("%s failed, retrying: %s", what.get(),
                        e.getMessage()))
                .onFailure(DatabaseFailure::isTransient).retry().withBackOff(FIRST_RETRY, LONGEST_RETRY)
                .indefinitely();
    }

    private static PgException pgException(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof PgException pg) {
                return pg;
            }
        }
        return null;
    }
}
