package io.rightsize.orchestrator.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.policy.Capacity;
import io.rightsize.common.messaging.Allocation;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The blocking side: a waiting thread hears why, starts when a slot closes, and leaves when its order is cancelled. */
class AdmissionTest {

    private static final long MIB = 1L << 20;
    private static final Allocation TASK = new Allocation(600, 1000, 256 * MIB, 512 * MIB, "test");
    private final Admission admission = new Admission(
            new TaskCapacity(new Capacity(1000, 4096 * MIB), "configured"), OptionalInt.of(8));

    @Test
    void aTaskWaitsWithItsReasonAndStartsWhenTheRunningOneEnds() throws Exception {
        Admission.Slot first = admission.await("first", 1, TASK, why -> { }, () -> false).orElseThrow();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CompletableFuture<Optional<Admission.Slot>> second = CompletableFuture.supplyAsync(
                () -> admission.await("second", 2, TASK, heard::add, () -> false));

        assertEquals("needs 600m CPU, 400m free", heard.poll(10, TimeUnit.SECONDS));
        assertEquals(1, admission.snapshot().waiting());
        assertEquals(new Demand(600, 256 * MIB), admission.snapshot().reserved());
        assertFalse(second.isDone());

        first.close();

        assertTrue(second.get(10, TimeUnit.SECONDS).isPresent());
        assertEquals(0, admission.snapshot().waiting());
        assertEquals(1, admission.snapshot().running());
        second.get().get().close();
        assertEquals(Demand.NONE, admission.snapshot().reserved());
    }

    @Test
    void aWaitingTaskOfACancelledOrderLeavesTheLine() throws Exception {
        Admission.Slot first = admission.await("first", 1, TASK, why -> { }, () -> false).orElseThrow();
        AtomicBoolean cancelled = new AtomicBoolean();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        CompletableFuture<Optional<Admission.Slot>> second = CompletableFuture.supplyAsync(
                () -> admission.await("second", 2, TASK, heard::add, cancelled::get));
        heard.poll(10, TimeUnit.SECONDS);

        cancelled.set(true);
        admission.wake();

        assertEquals(Optional.empty(), second.get(10, TimeUnit.SECONDS));
        assertEquals(0, admission.snapshot().waiting());
        first.close();
        first.close();
        assertEquals(Demand.NONE, admission.snapshot().reserved(), "a slot closed twice frees its share once");
    }

    @Test
    void withoutAdmissionEveryTaskGoesAtOnce() {
        Admission cluster = new Admission(new TaskCapacity(new Capacity(1000, MIB), "a node"), OptionalInt.empty());

        assertTrue(cluster.await("a", 1, TASK, why -> { }, () -> false).isPresent());
        assertTrue(cluster.await("b", 2, TASK, why -> { }, () -> false).isPresent());
        assertEquals(Optional.empty(), cluster.refusal(new Allocation(5000, 5000, MIB, MIB, "huge")));
    }
}
