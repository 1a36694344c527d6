package io.rightsize.predictor.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelAnswerCheckTest {

    private static final double[] FINE = {100, 200};

    @Test
    void aNumberNoAllocationCanBeMadeOfIsNamed() {
        assertEquals(Optional.of("NaN for memory"),
                AllocationService.nonsense(FINE, 300, new double[] {1e8, Double.NaN}, 2e8));
        assertEquals(Optional.of("-5.0 for CPU"), AllocationService.nonsense(new double[] {-5}, 300, FINE, 2e8));
        assertEquals(Optional.of("a memory limit of Infinity"),
                AllocationService.nonsense(FINE, 300, FINE, Double.POSITIVE_INFINITY));
        assertEquals(Optional.of("a CPU limit of -1.0"), AllocationService.nonsense(FINE, -1, FINE, 2e8));
    }

    @Test
    void finiteNonNegativeAnswersPass() {
        assertEquals(Optional.empty(), AllocationService.nonsense(FINE, 300, new double[] {0, 1e9}, 2e9));
    }
}
