package io.rightsize.allocation.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.common.messaging.Allocation;
import org.junit.jupiter.api.Test;

class RoundingTest {

    private static final long MIB = 1024 * 1024;
    private final Bounds bounds = Bounds.upTo(new Capacity(8000, 16L << 30));

    @Test
    void roundsCpuUpToWholeMillicoresAndMemoryUpToWholeMiB() {
        Allocation a = Rounding.of(new Recommendation(412.2, 980.01), new Recommendation(100 * MIB + 1, 200.5 * MIB),
                "vpa");
        assertEquals(new Allocation(413, 981, 101 * MIB, 201 * MIB, "vpa"), a);
    }

    @Test
    void keepsValuesThatAreAlreadyWhole() {
        Allocation whole = new Allocation(250, 1500, 96 * MIB, 384 * MIB, "rightsize-ml");
        assertEquals(whole, Rounding.up(whole));
    }

    @Test
    void tinyRecommendationsMeetTheFloorsOnceBounded() {
        Allocation a = bounds.apply(Rounding.of(new Recommendation(0, 3.2), new Recommendation(0, 5 * MIB), "krr"))
                .allocation();
        assertEquals(new Allocation(10, 10, 32 * MIB, 32 * MIB, "krr"), a);
    }

    @Test
    void raisesALimitBelowItsRequestToTheRequest() {
        Allocation a = Rounding.up(new Allocation(800, 300, 512 * MIB, 256 * MIB, "predictor"));
        assertEquals(new Allocation(800, 800, 512 * MIB, 512 * MIB, "predictor"), a);
    }

    @Test
    void aNumberThatIsNotANumberBecomesTheFloor() {
        Allocation a = bounds.apply(Rounding.up(Double.NaN, Double.POSITIVE_INFINITY, -5, Double.NaN, "model"))
                .allocation();
        assertEquals(new Allocation(10, 10, 32 * MIB, 32 * MIB, "model"), a);
    }
}
