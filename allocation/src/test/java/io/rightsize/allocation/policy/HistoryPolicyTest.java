package io.rightsize.allocation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.common.messaging.Allocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryPolicyTest {

    private static final long MIB = 1L << 20;
    private final HistoryPolicy policy = new HistoryPolicy(DefaultAllocation.STANDARD, 3);

    @Test
    void tooFewRunsGetTheDefault() {
        ServiceUsage two = new ServiceUsage(2, new double[] {100, 200}, new double[] {50 * MIB, 60 * MIB});
        assertEquals(DefaultAllocation.STANDARD.allocation("default"),
                policy.allocate(Recommenders.byName("vpa-simple").orElseThrow(), two, "vpa", "default"));
        assertEquals(DefaultAllocation.STANDARD.allocation("default"),
                policy.allocate(Recommenders.byName("vpa-simple").orElseThrow(), ServiceUsage.NONE, "vpa", "default"));
    }

    @Test
    void enoughRunsGetTheRecommendersAllocationRounded() {
        double[] cpu = {100, 200, 300, 400};
        double[] memory = {50 * MIB, 60 * MIB, 70.3 * MIB, 80.2 * MIB};
        Allocation a = policy.allocate(Recommenders.byName("seed-max").orElseThrow(), new ServiceUsage(3, cpu,
                memory), "seed-max", "default");
        assertEquals("seed-max", a.source());
        assertEquals(0, a.memoryLimitBytes() % MIB, "whole MiB");
        assertTrue(a.memoryLimitBytes() >= 80.2 * MIB);
        assertTrue(a.cpuLimitMillicores() >= 400);
    }

    @Test
    void theDefaultIsDeclaredOnceAndValidated() {
        Allocation d = DefaultAllocation.STANDARD.allocation("default");
        assertEquals(new Allocation(500, 2000, 256 * MIB, 1024 * MIB, "default"), d);
        assertThrows(IllegalArgumentException.class, () -> new DefaultAllocation(500, 100, MIB, MIB, 10));
        assertThrows(IllegalArgumentException.class, () -> new HistoryPolicy(DefaultAllocation.STANDARD, 0));
    }

    @Test
    void anOomFloorRaisesOnlyALimitBelowVpasBump() {
        Allocation a = new Allocation(100, 200, 64 * MIB, 128 * MIB, "vpa");
        assertEquals(Optional.of(new Allocation(100, 200, 64 * MIB, 248 * MIB, "vpa")), OomFloor.raise(a, 148 * MIB));
        assertEquals(Optional.empty(), OomFloor.raise(a, 20 * MIB), "+100 MiB of 20 MiB is 120 MiB, below 128");
    }
}
