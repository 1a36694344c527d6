package io.rightsize.allocation.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.Series;
import io.rightsize.allocation.trace.TraceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestTest {

    @TempDir
    Path dir;

    /**
     * By hand, with seed-max (peak rounded up to a multiple of 10) and history fraction 0.5:
     * <ul>
     * <li>a/cpu: history 1..10, so a = 10; future 5 x8 then 12 x2: slack = 8 * 5 / (10 * 10) = 40 %,
     *     overrun = 2 / 10 = 20 %;
     * <li>b/cpu: history 20 x10, so a = 20; future 10 x10: slack = 10 * 10 / (20 * 10) = 50 %, overrun 0;
     * <li>a/memory: history 3 x10, so a = 10; future 1 x10: slack = 10 * 9 / (10 * 10) = 90 %, overrun 0;
     * <li>c/cpu: 8 samples, a history of 4 &lt; 10: skipped.
     * </ul>
     * cpu: slack (40 + 50) / 2 = 45 %, overrun (20 + 0) / 2 = 10 % over 2 series; memory: 90 %, 0 % over 1.
     */
    @Test
    void reproducesHandComputedSlackAndOverrunOnATinyTrace() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        double[] aCpu = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5, 5, 5, 5, 5, 5, 5, 5, 12, 12};
        // Rows go in newest first: the backtest must order each series by time itself.
        for (int t = 19; t >= 0; t--) {
            csv.append(t).append(",a,cpu_millicores,").append(aCpu[t]).append('\n');
            csv.append(t).append(",b,cpu_millicores,").append(t < 10 ? 20 : 10).append('\n');
            csv.append(t).append(",a,memory_mib,").append(t < 10 ? 3 : 1).append('\n');
        }
        csv.append(IntStream.range(0, 8).mapToObj(t -> t + ",c,cpu_millicores,1\n").collect(Collectors.joining()));
        List<Series> series = TraceReader.read(Files.writeString(dir.resolve("tiny.csv"), csv));

        List<BacktestResult> results = Backtest.run(series, 0.5, List.of(Recommenders.byName("seed-max").orElseThrow()));

        assertEquals(2, results.size());
        assertResult(results.get(0), "cpu_millicores", 45, 10, 2);
        assertResult(results.get(1), "memory_mib", 90, 0, 1);
        assertEquals(1, Backtest.skipped(series, 0.5));
    }

    /**
     * By hand: history 10 x10, so seed-max allocates 10 and vpa 10 x 1.15 = 11.5; future 5 x8, 11, 12. seed-max runs
     * over on 2 of 10 samples, vpa on 1. At vpa's 10 % seed-max needs the factor 1.1 (11 just covers 11): slack
     * 8 x 6 / (11 x 10) = 43.64 %; vpa stays as it is: slack (8 x 6.5 + 0.5) / 115 = 45.65 %.
     */
    @Test
    void comparesEveryRecommenderWithVpaAtTheLowerOfTheirOverruns() throws IOException {
        double[] usage = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 5, 5, 5, 5, 5, 5, 5, 5, 11, 12};
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        for (int t = 0; t < usage.length; t++) {
            csv.append(t).append(",a,cpu_millicores,").append(usage[t]).append('\n');
        }
        List<Series> series = TraceReader.read(Files.writeString(dir.resolve("two.csv"), csv));

        List<BacktestResult> results = Backtest.run(series, 0.5, List.of(Recommenders.byName("seed-max").orElseThrow(),
                Recommenders.byName("vpa-simple").orElseThrow()));

        BacktestResult seedMax = results.get(0);
        assertEquals(20, seedMax.overrunPct(), 1e-9);
        AtEqualOverrun versus = seedMax.versusReference();
        assertEquals("vpa-simple", versus.referenceName());
        assertEquals(1.1, versus.own().factor(), 1e-9);
        assertEquals(10, versus.own().overrunPct(), 1e-9);
        assertEquals(100 * 48 / 110.0, versus.own().slackPct(), 1e-9);
        assertEquals(1, versus.reference().factor(), "vpa already runs short least: as it is");
        assertEquals(100 * 52.5 / 115, versus.reference().slackPct(), 1e-9);
        BacktestResult vpa = results.get(1);
        assertEquals(100 * 52.5 / 115, vpa.slackPct(), 1e-9);
        assertEquals(10, vpa.overrunPct(), 1e-9);
        assertNull(vpa.versusReference(), "the reference is not compared with itself");
    }

    @Test
    void countsAZeroAllocationAsUnusedExactlyWhereNothingWasUsed() {
        AllocationSeries nothing = new AllocationSeries();
        nothing.addAll("a", 0, new double[] {0, 0, 0, 4});

        assertEquals(75, nothing.score(1).slackPct());
        assertEquals(25, nothing.score(1).overrunPct());
    }

    @Test
    void listsRecommendersInTheirOrderThenResourcesAsTheyFirstAppear() throws IOException {
        StringBuilder csv = new StringBuilder("timestamp,service,resource,value\n");
        for (int t = 0; t < 20; t++) {
            csv.append(t).append(",a,memory_mib,").append(100 + t).append('\n');
            csv.append(t).append(",a,cpu_millicores,").append(50 + t % 3).append('\n');
        }
        List<Series> series = TraceReader.read(Files.writeString(dir.resolve("order.csv"), csv));

        List<BacktestResult> results = Backtest.run(series, 0.5, List.of(
                Recommenders.byName("krr-simple").orElseThrow(), Recommenders.byName("vpa-simple").orElseThrow(),
                Recommenders.byName("seed-max").orElseThrow()));

        assertEquals(List.of("krr-simple/memory_mib", "krr-simple/cpu_millicores", "vpa-simple/memory_mib",
                "vpa-simple/cpu_millicores",
                "seed-max/memory_mib", "seed-max/cpu_millicores"),
                results.stream().map(r -> r.recommender() + "/" + r.resource()).toList());
    }

    @Test
    void keepsTwoSeriesOfOneServiceApart() {
        long[] times = java.util.stream.LongStream.range(0, 20).toArray();
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 10);
        Series first = new Series("a", "cpu_millicores", times, flat);
        Series second = new Series("a", "cpu_millicores", times, flat.clone());

        List<BacktestResult> results = Backtest.run(List.of(first, second), 0.5,
                List.of(Recommenders.byName("seed-max").orElseThrow()));

        assertEquals(2, results.get(0).series(), "two traces of one service joined are still two series");
    }

    @Test
    void refusesTwoRecommendersOfOneName() {
        assertThrows(IllegalArgumentException.class, () -> Backtest.run(List.of(), 0.5,
                List.of(Recommenders.fallback(), Recommenders.fallback())));
    }

    @Test
    void refusesAHistoryFractionOutsideTheOpenUnitInterval() {
        for (double fraction : new double[] {-0.5, 0, 1, 1.5, Double.NaN}) {
            assertThrows(IllegalArgumentException.class, () -> Backtest.run(List.of(), fraction, Recommenders.all()));
        }
    }

    private static void assertResult(BacktestResult result, String resource, double slackPct, double overrunPct,
            int series) {
        assertEquals("seed-max", result.recommender());
        assertEquals(resource, result.resource());
        assertEquals(slackPct, result.slackPct(), 1e-9);
        assertEquals(overrunPct, result.overrunPct(), 1e-9);
        assertEquals(series, result.series());
    }
}
