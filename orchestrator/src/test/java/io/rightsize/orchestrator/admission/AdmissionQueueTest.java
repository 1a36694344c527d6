package io.rightsize.orchestrator.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.orchestrator.admission.AdmissionQueue.Waiter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

    private static final long MIB = 1L << 20;
    private static final Demand CAPACITY = new Demand(2000, 2048 * MIB);

    @Test
    void tasksStartInSubmissionOrderWhileTheyFit() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 8);
        Waiter a = q.enqueue("a", 1, new Demand(800, 512 * MIB));
        Waiter b = q.enqueue("b", 2, new Demand(800, 512 * MIB));
        Waiter c = q.enqueue("c", 3, new Demand(800, 512 * MIB));

        assertEquals(List.of(a, b), q.admit());
        assertEquals("needs 800m CPU, 400m free", c.reason());
        assertEquals(new Demand(1600, 1024 * MIB), q.reserved());

        q.release(a);
        assertEquals(List.of(c), q.admit());
    }

    @Test
    void anEarlierOrderGoesFirstWhateverArrivedFirst() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 8);
        Waiter running = q.enqueue("running", 1, new Demand(2000, MIB));
        q.admit();
        Waiter late = q.enqueue("order 3's task", 3, new Demand(500, MIB));
        Waiter early = q.enqueue("order 2's task (a retry)", 2, new Demand(500, MIB));
        q.admit();

        q.release(running);
        List<Waiter> started = q.admit();

        assertEquals(List.of(early, late), started);
    }

    @Test
    void aSmallerLaterTaskThatFitsGoesAheadOfALargeOne() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 8);
        q.enqueue("running", 1, new Demand(1500, 512 * MIB));
        q.admit();
        Waiter large = q.enqueue("large", 2, new Demand(1000, 512 * MIB));
        Waiter small = q.enqueue("small", 3, new Demand(400, 512 * MIB));

        assertEquals(List.of(small), q.admit());
        assertEquals(1, large.overtaken());
        assertEquals("needs 1 CPU, 500m free", large.reason());
    }

    @Test
    void aTaskPassedOverTooOftenHoldsTheLineUntilItStarts() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 2);
        Waiter big = q.enqueue("running", 1, new Demand(1500, 512 * MIB));
        q.admit();
        Waiter large = q.enqueue("large", 2, new Demand(1000, 512 * MIB));
        for (int i = 0; i < 2; i++) {
            Waiter small = q.enqueue("small " + i, 3 + i, new Demand(400, 512 * MIB));
            assertEquals(List.of(small), q.admit());
            q.release(small);
        }
        assertEquals(2, large.overtaken());

        Waiter third = q.enqueue("small 2", 5, new Demand(400, 512 * MIB));
        assertEquals(List.of(), q.admit(), "the large task has been passed over twice: nobody else goes");
        assertTrue(third.reason().startsWith("waits behind large, passed over 2 times and next to start"),
                third.reason());

        q.release(big);
        assertEquals(List.of(large, third), q.admit());
    }

    @Test
    void noOvertakesIsStrictSubmissionOrder() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 0);
        q.enqueue("running", 1, new Demand(1500, 512 * MIB));
        q.admit();
        q.enqueue("large", 2, new Demand(1000, 512 * MIB));
        q.enqueue("small", 3, new Demand(400, 512 * MIB));

        assertEquals(List.of(), q.admit());
    }

    @Test
    void memoryBindsAsCpuDoes() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 8);
        q.enqueue("a", 1, new Demand(100, 1800 * MIB));
        q.admit();
        Waiter b = q.enqueue("b", 2, new Demand(100, 400 * MIB));

        assertEquals(List.of(), q.admit());
        assertEquals("needs 400 MiB memory, 248 MiB free", b.reason());
    }

    @Test
    void aTaskLargerThanTheWholeCapacityIsRefusedWithTheNumbers() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 8);

        assertEquals(Optional.empty(), q.refusal(new Demand(2000, 2048 * MIB)));
        assertEquals(Optional.of("refused before it started: it requests 3 CPU, 512 MiB, more than the whole task"
                        + " capacity of 2 CPU, 2.0 GiB (rightsize.orchestrator.capacity)"),
                q.refusal(new Demand(3000, 512 * MIB)));
    }

    @Test
    void aWithdrawnTaskLeavesTheLine() {
        AdmissionQueue q = new AdmissionQueue(CAPACITY, 0);
        Waiter running = q.enqueue("running", 1, new Demand(1500, MIB));
        q.admit();
        Waiter large = q.enqueue("large", 2, new Demand(1000, MIB));
        Waiter small = q.enqueue("small", 3, new Demand(400, MIB));
        q.admit();

        q.withdraw(large);

        assertEquals(List.of(small), q.admit());
        assertEquals(0, q.waitingCount());
        assertEquals(2, q.runningCount());
        assertTrue(q.isRunning(running));
    }
}
