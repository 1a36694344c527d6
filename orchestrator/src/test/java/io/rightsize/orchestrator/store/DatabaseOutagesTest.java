package io.rightsize.orchestrator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseOutagesTest {

    @Test
    void anAbsentOrLostDatabaseIsAnOutage() {
        assertTrue(DatabaseOutages.isOutage(new ConnectException("Connection refused")));
        assertTrue(DatabaseOutages.isOutage(new RuntimeException("wrapped", new ConnectException("refused"))));
        assertTrue(DatabaseOutages.isOutage(pg("57P01")), "admin shutdown");
        assertTrue(DatabaseOutages.isOutage(pg("08006")), "connection failure");
        assertTrue(DatabaseOutages.isOutage(pg("53300")), "too many connections");
        assertTrue(DatabaseOutages.isOutage(pg("40P01")), "deadlock");
        assertTrue(DatabaseOutages.isOutage(new io.vertx.core.VertxException("Connection is closed", true)),
                "the client's own connection failure");
    }

    @Test
    void aRefusedStatementIsNoOutage() {
        assertFalse(DatabaseOutages.isOutage(pg("23505")), "unique violation");
        assertFalse(DatabaseOutages.isOutage(pg("22021")), "bad encoding");
        assertFalse(DatabaseOutages.isOutage(pg("42703")), "undefined column");
        assertFalse(DatabaseOutages.isOutage(new IllegalStateException("stored task params are not valid JSON")),
                "a bug of ours is not waited out");
    }

    @Test
    void waitsOutAnOutageAndFailsAtOnceOnARefusal() {
        AtomicInteger attempts = new AtomicInteger();
        String done = DatabaseOutages.waitOut("a test write", () -> attempts.incrementAndGet() < 4
                ? Uni.createFrom().failure(new ConnectException("Connection refused"))
                : Uni.createFrom().item("stored"));
        assertEquals("stored", done);
        assertEquals(4, attempts.get());

        AtomicInteger refusals = new AtomicInteger();
        assertThrows(PgException.class, () -> DatabaseOutages.waitOut("a refused write", () -> {
            refusals.incrementAndGet();
            return Uni.createFrom().failure(pg("23503"));
        }));
        assertEquals(1, refusals.get(), "a refusal is not retried");
    }

    private static PgException pg(String sqlState) {
        return new PgException("test", "ERROR", sqlState, "detail");
    }
}
