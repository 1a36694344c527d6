package io.rightsize.orchestrator.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.common.messaging.Allocation;
import org.junit.jupiter.api.Test;

class AllocationRulesTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void roundsCpuUpToWholeMillicoresAndMemoryUpToWholeMiB() {
        Allocation a = AllocationRules.of(new Recommendation(412.2, 980.01),
                new Recommendation(100 * MIB + 1, 200.5 * MIB), "vpa");
        assertEquals(new Allocation(413, 981, 101 * MIB, 201 * MIB, "vpa"), a);
    }

    @Test
    void keepsValuesThatAreAlreadyWhole() {
        Allocation whole = new Allocation(250, 1500, 96 * MIB, 384 * MIB, "rightsize-ml");
        assertEquals(whole, AllocationRules.rounded(whole));
    }

    @Test
    void raisesTinyRecommendationsToTheFloors() {
        Allocation a = AllocationRules.of(new Recommendation(0, 3.2), new Recommendation(0, 5 * MIB), "krr");
        assertEquals(new Allocation(10, 10, 32 * MIB, 32 * MIB, "krr"), a);
    }

    @Test
    void raisesALimitBelowItsRequestToTheRequest() {
        Allocation a = AllocationRules.rounded(new Allocation(800, 300, 512 * MIB, 256 * MIB, "predictor"));
        assertEquals(new Allocation(800, 800, 512 * MIB, 512 * MIB, "predictor"), a);
    }

    @Test
    void raisesALimitThatRoundingLeftBelowTheFlooredRequest() {
        Allocation a = AllocationRules.of(new Recommendation(4, 9), new Recommendation(20 * MIB, 30 * MIB), "vpa");
        assertEquals(new Allocation(10, 10, 32 * MIB, 32 * MIB, "vpa"), a);
    }
}
