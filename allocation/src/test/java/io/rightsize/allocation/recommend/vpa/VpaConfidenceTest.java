package io.rightsize.allocation.recommend.vpa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VpaConfidenceTest {

    private static final long MINUTE = 60;

    @Test
    void halfADayAtOneSampleAMinute() {
        // 721 samples over 720 minutes: min(0.5 days, 721 / 1440 = 0.5007) = 0.5.
        VpaConfidence c = VpaConfidence.of(0, 720 * MINUTE, 721);

        assertEquals(0.5, c.days(), 1e-15);
        // upper: (1 + 1 / 0.5)^1 = 3; lower: (1 + 0.001 / 0.5)^-2 = 1 / 1.002^2 = 1 / 1.004004 = 0.99601197
        assertEquals(3.0, c.upperBoundFactor(), 1e-12);
        assertEquals(0.99601197, c.lowerBoundFactor(), 1e-8);
    }

    @Test
    void sparseSamplesCountForLessThanTheirSpan() {
        // 144 samples ten minutes apart: span 1430 minutes = 0.993 days, but 144 / 1440 = 0.1.
        VpaConfidence c = VpaConfidence.of(0, 1430 * MINUTE, 144);

        assertEquals(0.1, c.days(), 1e-15);
        // upper: 1 + 1 / 0.1 = 11; lower: 1 / 1.01^2 = 1 / 1.0201 = 0.98029605
        assertEquals(11.0, c.upperBoundFactor(), 1e-9);
        assertEquals(0.98029605, c.lowerBoundFactor(), 1e-8);
    }

    @Test
    void oneSampleLeavesTheBoundsOpen() {
        VpaConfidence c = VpaConfidence.of(100, 100, 1);

        // 1 / 0 = infinity: upper x infinity, lower x infinity^-2 = 0
        assertEquals(Double.POSITIVE_INFINITY, c.upperBoundFactor());
        assertEquals(0.0, c.lowerBoundFactor());
    }
}
