package io.rightsize.allocation.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HeuristicsTest {

    /** 1, 2, ..., 100: p90 = 1 + 0.90 * 99 = 90.1 and p95 = 1 + 0.95 * 99 = 95.05 (linear, as percentile_cont). */
    private static final double[] ONE_TO_HUNDRED = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();

    @Test
    void seedMaxRoundsThePeakUpToAMultipleOfTenMillicoresOrTenMib() {
        Recommender seedMax = Recommenders.byName("seed-max").orElseThrow();
        double mib = 1048576;

        assertEquals(100, seedMax.recommend(ResourceKind.CPU, ONE_TO_HUNDRED).limit());
        assertEquals(110 * mib, seedMax.recommend(ResourceKind.MEMORY, new double[] {3, 100.5 * mib, 7}).limit());
        assertEquals(0, seedMax.recommend(ResourceKind.CPU, new double[] {0, 0}).limit());
    }

    @Test
    void vpaTakesCpuP90AndMemoryPeakPlusFifteenPercent() {
        Recommender vpa = Recommenders.byName("vpa-simple").orElseThrow();

        assertEquals(90.1 * 1.15, vpa.recommend(ResourceKind.CPU, ONE_TO_HUNDRED).limit(), 1e-9);
        assertEquals(100 * 1.15, vpa.recommend(ResourceKind.MEMORY, ONE_TO_HUNDRED).limit(), 1e-9);
    }

    @Test
    void krrTakesCpuP95AndMemoryPeakPlusFifteenPercent() {
        Recommender krr = Recommenders.byName("krr-simple").orElseThrow();

        assertEquals(95.05, krr.recommend(ResourceKind.CPU, ONE_TO_HUNDRED).limit(), 1e-9);
        assertEquals(100 * 1.15, krr.recommend(ResourceKind.MEMORY, ONE_TO_HUNDRED).limit(), 1e-9);
    }

    @Test
    void heuristicsGiveOneValueAsRequestAndLimit() {
        for (Recommender recommender : List.of(Recommenders.byName("seed-max").orElseThrow(),
                Recommenders.byName("vpa-simple").orElseThrow(), Recommenders.byName("krr-simple").orElseThrow())) {
            Recommendation r = recommender.recommend(ResourceKind.CPU, ONE_TO_HUNDRED);
            assertEquals(r.limit(), r.request(), recommender.name());
        }
    }

    @Test
    void listsEachFaithfulBaselineBeforeItsOneLineReductionThenRightsize() {
        assertEquals(List.of("seed-max", "vpa", "vpa-simple", "krr", "krr-simple", "rightsize"),
                Recommenders.all().stream().map(Recommender::name).toList());
        assertTrue(Recommenders.byName("goldilocks").isEmpty());
    }
}
