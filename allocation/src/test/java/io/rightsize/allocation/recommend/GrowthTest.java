package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GrowthTest {

    private static final int N = 500;

    @Test
    void measuresSteadyGrowthPerSample() {
        Random random = new Random(7);
        double[] rising = IntStream.range(0, N).mapToDouble(t -> 100 + 0.2 * t + random.nextGaussian()).toArray();

        assertEquals(0.2, Growth.perSample(rising), 0.01);
    }

    @Test
    void takesALevelShiftForAShiftNotATrend() {
        Random random = new Random(7);
        double[] step = IntStream.range(0, N).mapToDouble(t -> (t < N / 3 ? 100 : 140) + random.nextGaussian())
                .toArray();

        assertEquals(0, Growth.perSample(step));
    }

    @Test
    void findsNoGrowthInFlatNoiseOrFalls() {
        Random random = new Random(7);
        double[] flat = IntStream.range(0, N).mapToDouble(t -> 100 + 5 * random.nextGaussian()).toArray();
        double[] falling = IntStream.range(0, N).mapToDouble(t -> 300 - 0.2 * t).toArray();

        assertEquals(0, Growth.perSample(flat));
        assertEquals(0, Growth.perSample(falling));
        assertEquals(0, Growth.perSample(new double[] {1, 2, 3}));
    }
}
