package io.rightsize.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * What {@code ./rightsize bench} runs and how hard.
 *
 * @param only             benchmarks to run: sampling, ingest, stats, predictor, startup
 * @param profileDir       where each service writes a JFR recording to summarise at the end; null for none
 */
public record BenchOptions(Set<String> only, Duration ingestWindow, double offeredRate, int copyRows,
                           double latencyRate, Duration latencyWindow, int samplingTasks, int statsRows,
                           int predictorSamples, int predictCalls, Path profileDir) {

    /** Every benchmark, in the order they run. */
    public static final Set<String> ALL = Set.of("sampling", "ingest", "stats", "predictor", "startup");

    public BenchOptions {
        only = Set.copyOf(only);
        if (!ALL.containsAll(only)) {
            throw new IllegalArgumentException("unknown benchmark in " + only + "; choose from " + ALL);
        }
    }
}
