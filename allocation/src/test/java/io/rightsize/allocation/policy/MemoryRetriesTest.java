package io.rightsize.allocation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MemoryRetriesTest {

    private static final long MIB = 1L << 20;
    private final MemoryRetries three = new MemoryRetries(3);

    @Test
    void theLastAttemptAlwaysHasTheMaximum() {
        long second = three.next(512 * MIB, 0, 2048 * MIB, 1).orElseThrow();
        assertEquals(1024 * MIB, second, "equal ratios: 512 -> 1024 -> 2048");
        assertEquals(2048 * MIB, three.next(second, 0, 2048 * MIB, 2).orElseThrow());
    }

    @Test
    void aSizeEstimateAboveTheStepIsTakenAtOnce() {
        assertEquals(1800 * MIB, three.next(512 * MIB, 1800 * MIB, 2048 * MIB, 1).orElseThrow());
    }

    @Test
    void neverLessThanVpasBump() {
        // 1900 -> 2048 in two equal ratios would be +3.8%; VPA's bump is +100 MiB or +20%.
        long next = three.next(1900 * MIB, 0, 100_000 * MIB, 2).orElseThrow();
        assertTrue(next >= 2280 * MIB, Long.toString(next >> 20));
    }

    @Test
    void noAttemptAfterTheLastOrAfterAKillAtTheMaximum() {
        assertEquals(OptionalLong.empty(), three.next(512 * MIB, 0, 2048 * MIB, 3));
        assertEquals(OptionalLong.empty(), three.next(2048 * MIB, 0, 2048 * MIB, 1));
        assertEquals(OptionalLong.empty(), new MemoryRetries(1).next(512 * MIB, 0, 2048 * MIB, 1));
    }

    @Test
    void neverAboveTheMaximum() {
        assertEquals(2048 * MIB, three.next(1800 * MIB, 9000 * MIB, 2048 * MIB, 1).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new MemoryRetries(0));
    }
}
