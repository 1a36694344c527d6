package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.allocation.recommend.ResourceKind;
import org.junit.jupiter.api.Test;

class LostTimeTest {

    @Test
    void anOutOfMemoryLosesTheWholeRunAThrottledSecondOnlyItsExcess() {
        LostTime memory = new LostTime(ResourceKind.MEMORY);
        LostTime cpu = new LostTime(ResourceKind.CPU);
        // Two runs of 4 samples; in the first, one sample is 10% over the limit.
        for (int i = 0; i < 4; i++) {
            memory.add("a", 100, i == 2 ? 110 : 50);
            cpu.add("a", 100, i == 2 ? 110 : 50);
            memory.add("b", 100, 50);
            cpu.add("b", 100, 50);
        }
        assertEquals(50, memory.percent(), 1e-9, "run a is killed: 4 of 8 samples' time lost");
        assertEquals(100 * 0.1 / 8, cpu.percent(), 1e-9, "a tenth of one second of 8 is throttled");
    }

    @Test
    void nothingShortNothingLost() {
        LostTime memory = new LostTime(ResourceKind.MEMORY);
        assertEquals(0, memory.percent());
        memory.add("a", 100, 100);
        assertEquals(0, memory.percent());
    }
}
