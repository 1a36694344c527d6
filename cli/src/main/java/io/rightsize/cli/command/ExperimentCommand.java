package io.rightsize.cli.command;

import io.rightsize.cli.Home;
import io.rightsize.cli.experiment.Arm;
import io.rightsize.cli.experiment.ArmResult;
import io.rightsize.cli.experiment.Experiment;
import io.rightsize.cli.experiment.ExperimentCapacity;
import io.rightsize.cli.experiment.ExperimentPlan;
import io.rightsize.cli.experiment.ExperimentTable;
import io.rightsize.common.json.Json;
import io.rightsize.devstack.StackConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The end-to-end A/B a user runs before trusting an allocation policy: same workload, same capacity, each arm. */
@Command(name = "experiment", description = {"Run one generated workload once per allocation arm, each on a fresh"
        + " stack under the same task capacity, and compare makespan, reserved against used CPU and memory, OOM"
        + " kills, throttling, failed orders and queue wait. Writes experiment.json and memory.png to --out."})
public class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--orders", defaultValue = "20", description = "Measured orders (default: ${DEFAULT-VALUE}).")
    int orders;

    @Option(names = "--training-orders", paramLabel = "N", description = {"Orders run first on each arm's stack,"
            + " then trained on, so history-based arms and rightsize-ml have something to learn from (default: as"
            + " many as --orders)."})
    Integer trainingOrders;

    @Option(names = "--seed", defaultValue = "1", description = {"Seed of the measured orders; the training orders"
            + " use seed + 1 (default: ${DEFAULT-VALUE})."})
    long seed;

    @Option(names = "--capacity", defaultValue = "cpu=2,memory=3Gi", description = {"What all tasks together may"
            + " reserve on every arm, as quantities (default: ${DEFAULT-VALUE})."})
    String capacity;

    @Option(names = "--arms", defaultValue = "default,vpa,rightsize,rightsize-ml", description = {"Comma-separated"
            + " arms, run in this order: default (the fixed default allocation), rightsize-ml (the model) or a"
            + " recommender's name (default: ${DEFAULT-VALUE})."})
    String arms;

    @Option(names = "--out", defaultValue = "experiment-out", description = "Where experiment.json and memory.png"
            + " go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print experiment.json's arms instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ExperimentPlan plan;
        try {
            plan = new ExperimentPlan(orders, trainingOrders == null ? orders : trainingOrders, seed,
                    ExperimentCapacity.parse(capacity), Arm.parse(arms));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        // Progress goes to stderr with --json, so the standard output stays one JSON document.
        PrintStream progress = json ? System.err : System.out;
        List<Path> images;
        try (Stream<Path> files = Files.list(Home.dir().resolve("examples/images"))) {
            images = files.filter(f -> f.toString().endsWith(".png")).map(Path::toAbsolutePath).sorted().toList();
        }
        Experiment experiment = new Experiment(plan, dataDir -> StackConfig.freePorts(Home.dir(), dataDir),
                progress);
        List<ArmResult> results = experiment.run(Home.stateDir().resolve("experiment"), out.toAbsolutePath(),
                images);
        if (json) {
            System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(
                    Map.of("arms", results)));
        } else {
            System.out.println();
            ExperimentTable.print(results, System.out);
            System.out.println();
            System.out.println("written: " + out.toAbsolutePath().resolve("experiment.json") + " and "
                    + out.toAbsolutePath().resolve("memory.png"));
        }
        return 0;
    }
}
