package io.rightsize.cli.command;

import io.rightsize.cli.DataDirs;
import io.rightsize.cli.Home;
import io.rightsize.cli.bench.BenchOptions;
import io.rightsize.cli.bench.Benchmarks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the benchmarks on a fresh embedded stack and prints each figure beside its target and same-run limit. */
@Command(name = "bench", description = "Benchmark sampling cost, ingest (against PostgreSQL COPY in the same run), statistics at"
        + " scale, the predictor (training, Predict and Recommend latency) and start-up.")
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "60", description = "Sustained ingest window (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rate", defaultValue = "100000",
            description = "Samples/s offered in the sustained ingest window (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--copy-rows", defaultValue = "2000000", description = "Rows for the COPY limit (default: ${DEFAULT-VALUE}).")
    int copyRows;

    @Option(names = "--latency-rate", defaultValue = "50000",
            description = "Samples/s for the latency phase (default: ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(names = "--sampling-tasks", defaultValue = "200",
            description = "Idle task processes the monitor-producer follows (default: ${DEFAULT-VALUE}).")
    int samplingTasks;

    @Option(names = "--stats-rows", defaultValue = "10000000",
            description = "Stored samples GetUsageStats runs over (default: ${DEFAULT-VALUE}).")
    int statsRows;

    @Option(names = "--predictor-samples", defaultValue = "1000000",
            description = "Stored samples the predictor trains on (default: ${DEFAULT-VALUE}).")
    int predictorSamples;

    @Option(names = "--predict-calls", defaultValue = "20000",
            description = "Predict calls timed, after as many to warm up (default: ${DEFAULT-VALUE}).")
    int predictCalls;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "Record each service with JFR into DIR and print its hottest methods and GC pauses at the end.")
    Path profileDir;

    @Option(names = "--only", split = ",", defaultValue = "sampling,ingest,stats,predictor,startup",
            description = "Which benchmarks, comma-separated (default: ${DEFAULT-VALUE}).")
    Set<String> only;

    @Override
    public Integer call() throws Exception {
        Path dataDir = Home.stateDir().resolve("bench-stack");
        DataDirs.clear(dataDir);
        new Benchmarks(Home.dir(), dataDir, System.out).run(new BenchOptions(only, Duration.ofSeconds(seconds), rate,
                copyRows, latencyRate, Duration.ofSeconds(30), samplingTasks, statsRows, predictorSamples, predictCalls,
                profileDir));
        return 0;
    }
}
