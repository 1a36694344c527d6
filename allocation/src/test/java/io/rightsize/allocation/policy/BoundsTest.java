package io.rightsize.allocation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.common.messaging.Allocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoundsTest {

    private static final long MIB = 1L << 20;
    private final Bounds bounds = new Bounds(10, 2000, 32 * MIB, 2048 * MIB);

    @Test
    void aRecommendationAboveTheMaximumIsCappedAndSaysSo() {
        Bounds.Bounded b = bounds.apply(new Allocation(500, 4000, 255L * 1024 * MIB, 329L * 1024 * MIB, "model"));
        assertEquals(new Allocation(500, 2000, 2048 * MIB, 2048 * MIB, b.allocation().source()), b.allocation());
        assertTrue(b.capped());
        assertTrue(b.allocation().source().contains("memory limit capped at the maximum 2048 MiB"),
                b.allocation().source());
        assertTrue(b.allocation().source().contains("CPU limit capped at the maximum 2000m"));
    }

    @Test
    void aTinyRecommendationIsRaisedToTheFloorsQuietly() {
        Bounds.Bounded b = bounds.apply(new Allocation(0, 1, MIB, 2 * MIB, "vpa"));
        assertEquals(new Allocation(10, 10, 32 * MIB, 32 * MIB, "vpa"), b.allocation());
        assertFalse(b.capped());
    }

    @Test
    void aRequestAboveItsCappedLimitFollowsTheLimitDown() {
        Allocation a = bounds.apply(new Allocation(3000, 1000, 4096 * MIB, 1024 * MIB, "x")).allocation();
        assertEquals(1000, a.cpuRequestMillicores());
        assertEquals(1000, a.cpuLimitMillicores());
        assertEquals(1024 * MIB, a.memoryRequestBytes());
    }

    @Test
    void negativeNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> bounds.apply(new Allocation(-1, 10, MIB, MIB, "x")));
    }

    @Test
    void theMaximumDefaultsToTheCapacityAndConfiguredValuesWin() {
        Capacity machine = new Capacity(8000, 16L << 30);
        assertEquals(new Bounds(10, 8000, 32 * MIB, 16L << 30), Bounds.upTo(machine));
        assertEquals(new Bounds(10, 8000, 32 * MIB, 2L << 30), Bounds.configured(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(2L << 30), machine));
        assertTrue(Capacity.ofThisMachine().memoryBytes() > 0);
    }

    @Test
    void aMinimumAboveTheMaximumIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new Bounds(10, 5, 32 * MIB, 64 * MIB));
        assertThrows(IllegalArgumentException.class, () -> new Bounds(10, 100, 64 * MIB, 32 * MIB));
    }
}
