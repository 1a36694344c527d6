package io.rightsize.cli.bench;

import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

    public void run(Set<String> only, Duration ingestWindow, double offeredRate, int copyRows, double latencyRate, Duration latencyWindow,
                    int samplingTasks, int statsRows) throws Exception {
        out.printf("rightsize bench, %s, %d cores, Java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        long start = System.nanoTime();
        List<Figure> figures = new ArrayList<>();
        Stack stack = new Stack(StackConfig.freePorts(home, dataDir), Stack.PRODUCTION_JVM);
        // Interrupted (Ctrl-C), the services and servers still go: nothing is left running.
        Thread cleanup = new Thread(stack::close, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (stack) {
            stack.start(line -> out.println("  " + line));
            // Sampling first, while the resources topic is nearly empty (its jitter is read back from there).
            if (only.contains("sampling")) {
                figures.addAll(new SamplingBenchmark(stack, line -> out.println("  " + line))
                        .run(samplingTasks, Duration.ofSeconds(30)));
            }
            if (only.contains("ingest")) {
                figures.addAll(new IngestBenchmark(stack, line -> out.println("  " + line))
                        .run(ingestWindow, offeredRate, copyRows, latencyRate, latencyWindow));
            }
            if (only.contains("stats")) {
                figures.addAll(new StatsBenchmark(stack, line -> out.println("  " + line)).run(statsRows));
            }
            if (only.contains("startup")) {
                figures.addAll(new StartupBenchmark(stack).run());
            }
        }
        Runtime.getRuntime().removeShutdownHook(cleanup);
        out.println();
        figures.forEach(out::println);
        out.printf("%nbench took %.0f s%n", (System.nanoTime() - start) / 1e9);
    }
}
