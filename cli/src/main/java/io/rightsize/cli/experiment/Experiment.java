package io.rightsize.cli.experiment;

import io.rightsize.cli.DataDirs;
import io.rightsize.cli.demo.GeneratedOrders;
import io.rightsize.common.json.Json;
import io.rightsize.devstack.StackConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The whole experiment: the workloads written once, each arm run in turn on a fresh stack of its own, the table,
 * experiment.json and the memory chart. Says up front how long it should take, and again after each arm.
 */
public final class Experiment {

    /**
     * Seconds an order of two to four tasks keeps one core busy, with its sampling and stack overhead, on the
     * sample images (measured in the run recorded in docs/experiment.md): the first estimate, before an arm has run.
     */
    static final double CORE_SECONDS_PER_ORDER = 12;
    /** Starting and stopping a fresh stack, and training. */
    static final double ARM_OVERHEAD_SECONDS = 60;

    private final ExperimentPlan plan;
    private final Function<Path, StackConfig> stacks;
    private final PrintStream out;

    /** {@code stacks} gives the configuration of a fresh stack in the given data directory. */
    public Experiment(ExperimentPlan plan, Function<Path, StackConfig> stacks, PrintStream out) {
        this.plan = plan;
        this.stacks = stacks;
        this.out = out;
    }

    public List<ArmResult> run(Path workDir, Path outDir, List<Path> images) throws IOException,
            InterruptedException {
        Path trainingDir = workDir.resolve("training-orders");
        Path measuredDir = workDir.resolve("measured-orders");
        GeneratedOrders.write(trainingDir, plan.trainingOrders(), plan.seed() + 1, images);
        GeneratedOrders.write(measuredDir, plan.orders(), plan.seed(), images);
        List<Path> training = plan.trainingOrders() == 0 ? List.of() : files(trainingDir);
        List<Path> measured = files(measuredDir);
        double cores = plan.capacity().cpuMillicores() / 1000.0;
        double estimate = plan.arms().stream().mapToDouble(a -> ARM_OVERHEAD_SECONDS
                + ordersOf(a) * CORE_SECONDS_PER_ORDER / cores).sum();
        out.printf(Locale.ROOT, "experiment: %d arms (%s), %d measured orders (seed %d) after %d training orders,"
                        + " capacity %s; about %.0f min in all%n", plan.arms().size(),
                String.join(", ", plan.arms().stream().map(Arm::name).toList()), plan.orders(), plan.seed(),
                plan.trainingOrders(), plan.capacity(), estimate / 60);
        List<ArmRecord> records = new ArrayList<>();
        List<ArmResult> results = new ArrayList<>();
        long started = System.nanoTime();
        double ordersRun = 0;
        for (int i = 0; i < plan.arms().size(); i++) {
            Arm arm = plan.arms().get(i);
            String prefix = String.format("  [arm %d/%d %s] ", i + 1, plan.arms().size(), arm.name());
            Path dataDir = workDir.resolve("stack-" + arm.name());
            DataDirs.clear(dataDir);
            ArmRecord record = new ArmRun(stacks.apply(dataDir), arm, plan.capacity(),
                    line -> out.println(prefix + line)).run(training, measured);
            records.add(record);
            ArmResult result = ArmMetrics.of(record);
            results.add(result);
            // The arms so far tell how long an order takes here, stack starts included.
            double elapsed = (System.nanoTime() - started) / 1e9;
            ordersRun += ordersOf(arm);
            double left = plan.arms().subList(i + 1, plan.arms().size()).stream().mapToDouble(this::ordersOf).sum()
                    * elapsed / ordersRun;
            out.printf(Locale.ROOT, "%sdone: makespan %.0f s, memory utilisation %.2f, %d OOM kills, %d failed"
                            + " orders%s%n", prefix, result.makespanSeconds(), result.memoryUtilisation(),
                    result.oomKills(), result.failedOrders(), i + 1 == plan.arms().size() ? ""
                            : String.format(Locale.ROOT, "; about %.0f min left", left / 60));
        }
        Files.createDirectories(outDir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("orders", plan.orders());
        json.put("trainingOrders", plan.trainingOrders());
        json.put("seed", plan.seed());
        json.put("capacity", Map.of("cpuMillicores", plan.capacity().cpuMillicores(), "memoryBytes",
                plan.capacity().memoryBytes()));
        json.put("arms", results);
        Files.writeString(outDir.resolve("experiment.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json));
        ExperimentChart.write(records, plan.capacity(), outDir.resolve("memory.png"));
        return results;
    }

    /** The orders an arm runs: the measured ones, and the training ones when it learns. */
    private double ordersOf(Arm arm) {
        return plan.orders() + (arm.learns() ? plan.trainingOrders() : 0);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
