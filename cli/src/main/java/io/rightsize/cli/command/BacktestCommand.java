package io.rightsize.cli.command;

import io.rightsize.allocation.backtest.AtEqualOverrun;
import io.rightsize.allocation.backtest.Backtest;
import io.rightsize.allocation.backtest.BacktestResult;
import io.rightsize.allocation.backtest.Divergence;
import io.rightsize.allocation.backtest.Hindsight;
import io.rightsize.allocation.backtest.Replay;
import io.rightsize.allocation.recommend.Recommenders;
import io.rightsize.allocation.trace.MalformedTraceException;
import io.rightsize.allocation.trace.Series;
import io.rightsize.allocation.trace.TraceReader;
import io.rightsize.cli.prometheus.PrometheusException;
import io.rightsize.cli.prometheus.PrometheusOptions;
import io.rightsize.cli.prometheus.QueryRange;
import io.rightsize.cli.report.BacktestChart;
import io.rightsize.common.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Backtests every recommender on a usage trace, so a change to one is judged on data, not on hope. */
@Command(name = "backtest", description = {
        "Backtest the recommenders on a usage trace: slack and overrun of each one's allocation.",
        "",
        "The trace is long-format CSV (timestamp,service,resource,value), or read from Prometheus: each workload's"
                + " containers' CPU rate (cpu_millicores) and working set (memory_mib), one point per --resolution."
                + " Each recommender sees the first part of"
                + " every series and is judged on the rest: slack = unused share of its allocation, overrun = share"
                + " of samples above it, both averaged over series.",
        "",
        "static: one allocation from the history for the whole rest. rolling: every --step each recommender sees"
                + " all samples so far, and the allocation moves when it leaves the recommender's band (VPA's"
                + " bounds for vpa).",
        ""})
public class BacktestCommand implements Callable<Integer> {

    private static final String ROW = "%-11s %-16s %8s %10s %7s %10s   %s%n";

    /** How the allocation follows the trace. */
    enum Mode {
        /** One allocation from the history, kept for the whole future. */
        STATIC,
        /** Re-recommended every step from every sample so far, as an online recommender runs. */
        ROLLING
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    /** The trace file, or the Prometheus that holds the usage. */
    static final class Source {
        @Option(names = "--trace", required = true, paramLabel = "FILE.csv", description = "The trace to replay.")
        Path trace;

        @ArgGroup(exclusive = false)
        PrometheusOptions prometheus;
    }

    @Option(names = "--history-fraction", defaultValue = "0.5", paramLabel = "F",
            description = "Share of each series a recommender sees, in (0, 1) (default: ${DEFAULT-VALUE}).")
    double historyFraction;

    @Option(names = "--mode", defaultValue = "static", paramLabel = "static|rolling",
            converter = ModeConverter.class,
            description = "static: one allocation per series; rolling: re-recommended every --step (default:"
                    + " ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--step", defaultValue = "1h", paramLabel = "DURATION", converter = StepDuration.class,
            description = "With --mode rolling: how often each recommender recommends again, e.g. 30m, 1h, PT2H"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration step;

    @Option(names = "--plot", paramLabel = "DIR", description = "Also write DIR/<resource>.png per resource: usage"
            + " and each recommender's allocation over time on the series where they differ most.")
    Path plotDir;

    @Option(names = "--json", description = "Print the results as JSON instead of a table.")
    boolean json;

    @Option(names = "--hindsight", description = {"Add a 'hindsight' row per resource: the slack of one static"
            + " allocation per series chosen knowing the future (a Lagrangian search), at no more overrun than"
            + " vpa-simple's."})
    boolean hindsight;

    @Override
    public Integer call() {
        if (!(historyFraction > 0 && historyFraction < 1)) {
            System.err.println("--history-fraction must be between 0 and 1 (exclusive), got " + historyFraction);
            return 2;
        }
        List<Series> series;
        String origin;
        if (source.trace != null) {
            origin = source.trace.toString();
            try {
                series = TraceReader.read(source.trace);
            } catch (NoSuchFileException e) {
                System.err.println(source.trace + ": no such file");
                return 2;
            } catch (MalformedTraceException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (IOException e) {
                System.err.println(source.trace + ": cannot read: " + e.getMessage());
                return 2;
            }
        } else {
            try {
                QueryRange range = source.prometheus.range(Instant.now());
                origin = source.prometheus.describe(range);
                series = source.prometheus.read(range);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (PrometheusException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
        long stepSeconds = mode == Mode.ROLLING ? step.getSeconds() : Replay.STATIC;
        List<BacktestResult> results = new ArrayList<>(Backtest.run(series, historyFraction, stepSeconds,
                Recommenders.all()));
        if (hindsight) {
            results.addAll(hindsight(series, results));
        }
        int skipped = Backtest.skipped(series, historyFraction);
        if (json) {
            System.out.println(Json.write(new Report(origin, mode.name().toLowerCase(Locale.ROOT),
                    mode == Mode.ROLLING ? step.getSeconds() : null, historyFraction, skipped, results)));
        } else {
            printTable(results);
        }
        if (plotDir != null && !plot(series, stepSeconds, results)) {
            return 1;
        }
        results.stream().filter(r -> r.unrecommendedSeries() > 0).forEach(r -> System.err.printf(Locale.ROOT,
                "%s gave no recommendation for %d %s series (too short a history for it); they are left out of its"
                        + " row%n", r.recommender(), r.unrecommendedSeries(), r.resource()));
        if (skipped > 0) {
            System.err.printf(Locale.ROOT, "skipped %d of %d series (fewer than %d history samples, or no future)%n",
                    skipped, series.size(), Backtest.MIN_HISTORY_SAMPLES);
        }
        return 0;
    }

    /** One chart per resource into {@link #plotDir}; false, with the reason on stderr, when one cannot be written. */
    private boolean plot(List<Series> series, long stepSeconds, List<BacktestResult> results) {
        System.setProperty("java.awt.headless", "true");
        String modeName = mode.name().toLowerCase(Locale.ROOT);
        try {
            Files.createDirectories(plotDir);
            for (String resource : results.stream().map(BacktestResult::resource).distinct().toList()) {
                Optional<Divergence> widest = Divergence.widest(series, resource, historyFraction, stepSeconds,
                        Recommenders.all());
                if (widest.isEmpty()) {
                    System.err.println("no chart for " + resource + ": no series two recommenders allocate");
                    continue;
                }
                Path png = plotDir.resolve(resource.replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
                BacktestChart.write(widest.get(), modeName, png);
                System.err.println("wrote " + png + " (" + widest.get().series().service() + ")");
            }
            return true;
        } catch (IOException e) {
            System.err.println(plotDir + ": cannot write the charts: " + e.getMessage());
            return false;
        }
    }

    /** The yardstick at the reference's overrun, for each resource it was judged on. */
    private List<BacktestResult> hindsight(List<Series> series, List<BacktestResult> results) {
        return results.stream().filter(r -> r.recommender().equals(Backtest.REFERENCE) && r.scored())
                .map(ref -> Hindsight.atOverrun(series, historyFraction, ref.resource(), ref.overrunPct()))
                .toList();
    }

    private static void printTable(List<BacktestResult> results) {
        String reference = Backtest.REFERENCE;
        System.out.printf(Locale.ROOT, ROW, "recommender", "resource", "slack %", "overrun %", "series", "changes/d",
                "vs " + reference + " at equal overrun: slack % (x factor), " + reference
                        + "'s slack % (x factor), at overrun %");
        for (BacktestResult r : results) {
            AtEqualOverrun versus = r.versusReference();
            if (!r.scored()) {
                System.out.printf(Locale.ROOT, ROW, r.recommender(), r.resource(), "-", "-", 0, "-",
                        "no recommendation (history too short for it)");
                continue;
            }
            System.out.printf(Locale.ROOT, ROW, r.recommender(), r.resource(),
                    String.format(Locale.ROOT, "%.2f", r.slackPct()),
                    String.format(Locale.ROOT, "%.3f", r.overrunPct()), r.series(),
                    String.format(Locale.ROOT, "%.1f", r.changesPerSeriesPerDay()),
                    versus == null ? "-" : String.format(Locale.ROOT, "%6.2f (x%.3f)  %6.2f (x%.3f)  %.3f",
                            versus.own().slackPct(), versus.own().factor(), versus.reference().slackPct(),
                            versus.reference().factor(), versus.own().overrunPct()));
        }
        System.out.println("(vs " + reference + ": whichever of the two runs short more often is scaled up by the smallest factor"
                + " that brings its overrun down to the other's; chosen knowing the future, for both alike, so a"
                + " yardstick, not an allocation)");
    }

    /** The --json output; {@code trace} is the file, or the Prometheus, namespace and window read. */
    record Report(String trace, String mode, Long stepSeconds, double historyFraction, int skippedSeries,
                  List<BacktestResult> results) {
    }

    /** static or rolling, in any case. */
    static final class ModeConverter implements ITypeConverter<Mode> {
        @Override
        public Mode convert(String value) {
            try {
                return Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a mode: static or rolling");
            }
        }
    }
}
