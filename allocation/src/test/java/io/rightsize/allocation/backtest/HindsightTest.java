package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rightsize.allocation.trace.Series;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The hindsight bound on futures small enough to work out by hand. */
class HindsightTest {

    /** 16 history samples (ignored: hindsight sees only the future), then the given 4-sample future. */
    private static Series series(String service, double... future) {
        double[] values = new double[20];
        java.util.Arrays.fill(values, 0, 16, 7);
        System.arraycopy(future, 0, values, 16, 4);
        return new Series(service, "memory_mib", LongStream.range(0, 20).toArray(), values);
    }

    private static final List<Series> TRACE = List.of(series("a", 1, 1, 1, 10), series("b", 5, 5, 5, 5));

    @Test
    void spendsTheOverrunBudgetWhereItSavesTheMostSlack() {
        // a at 1 overruns 1 sample in 4 with no slack; b at 5 fits exactly: mean overrun 12.5 %, mean slack 0.
        BacktestResult r = Hindsight.atOverrun(TRACE, 0.8, "memory_mib", 12.5);
        assertEquals(new BacktestResult("hindsight", "memory_mib", 0, 12.5, 2), r);
    }

    @Test
    void coversEverySampleWhenTheBudgetIsTooSmallToSpendOnAnySample() {
        // a at 10 leaves (9 + 9 + 9 + 0) / 40 unused; b at 5 none: mean slack 33.75 %.
        BacktestResult r = Hindsight.atOverrun(TRACE, 0.8, "memory_mib", 10);
        assertEquals("hindsight", r.recommender());
        assertEquals(33.75, r.slackPct(), 1e-9);
        assertEquals(0, r.overrunPct(), 1e-9);
    }

    @Test
    void refusesAResourceWithNoSeries() {
        assertThrows(IllegalArgumentException.class, () -> Hindsight.atOverrun(TRACE, 0.8, "cpu_millicores", 1));
    }
}
