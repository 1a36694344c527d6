package io.rightsize.cli.bench;

import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The benchmark run behind {@code ./rightsize bench}: a fresh stack on free ports, then each benchmark in turn. */
public final class Benchmarks {

    private final Path home;
    private final Path dataDir;
    private final PrintStream out;

    public Benchmarks(Path home, Path dataDir, PrintStream out) {
        this.home = home;
        this.dataDir = dataDir;
        this.out = out;
    }

    public void run(BenchOptions options) throws Exception {
        Set<String> only = options.only();
        out.printf("rightsize bench, %s, %d cores, Java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long start = System.nanoTime();
        List<Figure> figures = new ArrayList<>();
        List<String> jvm = new ArrayList<>(Stack.PRODUCTION_JVM);
        if (options.profileDir() != null) {
            Files.createDirectories(options.profileDir());
            // A directory: each service JVM writes its own recording there (named by pid) when it exits.
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + options.profileDir().toAbsolutePath() + "/");
        }
        Stack stack = new Stack(StackConfig.freePorts(home, dataDir), jvm, Stack.PRODUCTION_JVM_EXTRA);
        // Interrupted (Ctrl-C), the services and servers still go: nothing is left running.
        Thread cleanup = new Thread(stack::close, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (stack) {
            stack.start(line -> out.println("  " + line));
            // Sampling first, while the resources topic is nearly empty (its jitter is read back from there).
            if (only.contains("sampling")) {
                figures.addAll(new SamplingBenchmark(stack, line -> out.println("  " + line))
                        .run(options.samplingTasks(), Duration.ofSeconds(30)));
            }
            if (only.contains("ingest")) {
                figures.addAll(new IngestBenchmark(stack, line -> out.println("  " + line))
                        .run(options.ingestWindow(), options.offeredRate(), options.copyRows(), options.latencyRate(),
                                options.latencyWindow()));
            }
            if (only.contains("stats")) {
                figures.addAll(new StatsBenchmark(stack, line -> out.println("  " + line)).run(options.statsRows()));
            }
            if (only.contains("predictor")) {
                figures.addAll(new PredictorBench(stack, line -> out.println("  " + line))
                        .run(options.predictorSamples(), options.predictCalls()));
            }
            if (only.contains("startup")) {
                figures.addAll(new StartupBenchmark(stack).run());
            }
        }
        Runtime.getRuntime().removeShutdownHook(cleanup);
        out.println();
        figures.forEach(out::println);
        if (options.profileDir() != null) {
            printProfiles(options.profileDir());
        }
        out.printf("%nbench took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private void printProfiles(Path dir) throws IOException {
        List<Path> recordings;
        try (Stream<Path> files = Files.list(dir)) {
            recordings = files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
        for (Path recording : recordings) {
            out.println();
            JfrSummary.read(recording, "io.rightsize.", 12).lines().forEach(out::println);
            out.println("  recording: " + recording);
        }
    }
}
