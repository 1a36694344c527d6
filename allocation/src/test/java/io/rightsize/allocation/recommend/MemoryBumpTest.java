package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MemoryBumpTest {

    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;

    @Test
    void smallLimitGrowsByAHundredMebibytes() {
        // 200 MiB * 1.2 = 240 MiB < 200 + 100 MiB
        assertEquals(300 * MIB, MemoryBump.afterOom(200 * MIB));
    }

    @Test
    void largeLimitGrowsByTwentyPercent() {
        // 1 GiB * 1.2 = 1288490188.8 bytes, rounded up; more than 1 GiB + 100 MiB
        assertEquals(1_288_490_189L, MemoryBump.afterOom(GIB));
    }

    @Test
    void refusesANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class, () -> MemoryBump.afterOom(0));
    }
}
