package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.allocation.recommend.Recommendation;
import io.rightsize.allocation.recommend.Recommender;
import io.rightsize.allocation.recommend.ResourceKind;
import io.rightsize.allocation.trace.Series;
import java.util.Arrays;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ReplayTest {

    /** Ten samples a minute apart. */
    private static final long[] TIMES = LongStream.range(0, 10).map(i -> 60 * i).toArray();
    private static final double[] VALUES = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void recommendsAgainEveryStepFromEverySampleSoFar() {
        Replay r = Replay.of(new Series("s", "cpu_millicores", TIMES, VALUES), 4, 120, new Last()).orElseThrow();

        // Warm-up 1..4; steps of two samples: at 240 s sees 1..4 (4), at 360 s 1..6 (6), at 480 s 1..8 (8).
        assertArrayEquals(new double[] {4, 4, 6, 6, 8, 8}, r.allocation());
        assertArrayEquals(new double[] {5, 6, 7, 8, 9, 10}, r.usage());
        assertEquals(2, r.changes());
        // Six samples a minute apart: 6 minutes.
        assertEquals(6 / 1440.0, r.days(), 1e-12);
    }

    @Test
    void theStaticStepKeepsTheFirstAllocationForTheWholeFuture() {
        Replay r = Replay.of(new Series("s", "cpu_millicores", TIMES, VALUES), 4, Replay.STATIC, new Last())
                .orElseThrow();

        assertArrayEquals(new double[] {4, 4, 4, 4, 4, 4}, r.allocation());
        assertEquals(0, r.changes());
    }

    @Test
    void aRunningAllocationInsideTheBandStays() {
        // The band is [last - 3, last + 3]: 4 is kept at 240 s (last 6) but not at 480 s (last 8).
        Recommender banded = new Last() {
            @Override
            public Recommendation recommend(ResourceKind kind, double[] history) {
                double last = history[history.length - 1];
                return new Recommendation(last, last, last - 3, last + 3);
            }
        };

        Replay r = Replay.of(new Series("s", "cpu_millicores", TIMES, VALUES), 4, 120, banded).orElseThrow();

        assertArrayEquals(new double[] {4, 4, 4, 4, 8, 8}, r.allocation());
        assertEquals(1, r.changes());
    }

    @Test
    void recommendersSeeBytesAndTheReplayStaysInTheTracesUnit() {
        double[] seen = new double[1];
        Recommender spy = new Last() {
            @Override
            public Recommendation recommend(ResourceKind kind, double[] history) {
                seen[0] = history[history.length - 1];
                return super.recommend(kind, history);
            }
        };

        Replay r = Replay.of(new Series("s", "memory_mib", TIMES, VALUES), 4, Replay.STATIC, spy).orElseThrow();

        assertEquals(4 * 1048576.0, seen[0]);
        assertEquals(4, r.allocation()[0], 1e-12);
    }

    @Test
    void noRecommendationAtTheEndOfTheWarmUpIsNoReplay() {
        Recommender needsFive = new Last() {
            @Override
            public int minimumSamples() {
                return 5;
            }
        };

        assertTrue(Replay.of(new Series("s", "cpu_millicores", TIMES, VALUES), 4, 120, needsFive).isEmpty());
        assertTrue(Replay.of(new Series("s", "cpu_millicores", TIMES, VALUES), 5, 120, needsFive).isPresent());
    }

    @Test
    void refusesAWarmUpThatLeavesNoHistoryOrNoFutureAndAStepUnderASecond() {
        Series s = new Series("s", "cpu_millicores", TIMES, VALUES);
        assertThrows(IllegalArgumentException.class, () -> Replay.of(s, 0, 60, new Last()));
        assertThrows(IllegalArgumentException.class, () -> Replay.of(s, 10, 60, new Last()));
        assertThrows(IllegalArgumentException.class, () -> Replay.of(s, 4, 0, new Last()));
    }

    /** The last sample, no band. */
    private static class Last implements Recommender {
        @Override
        public String name() {
            return "last";
        }

        @Override
        public String description() {
            return "the last sample";
        }

        @Override
        public Recommendation recommend(ResourceKind kind, double[] history) {
            return Recommendation.of(Arrays.stream(history).reduce((a, b) -> b).orElseThrow());
        }
    }
}
