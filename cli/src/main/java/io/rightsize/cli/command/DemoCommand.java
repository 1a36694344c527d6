package io.rightsize.cli.command;

import io.rightsize.cli.DataDirs;
import io.rightsize.cli.Home;
import io.rightsize.cli.demo.DemoRun;
import io.rightsize.cli.demo.GeneratedOrders;
import io.rightsize.cli.report.DemoReport;
import io.rightsize.cli.report.OrderReport;
import io.rightsize.cli.report.TaskReport;
import io.rightsize.devstack.StackConfig;
import io.rightsize.tasks.samples.SampleImageGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the sample orders end to end on a fresh embedded stack; exits non-zero with the reason if any failed. */
@Command(name = "demo", description = "Run the sample orders on a fresh embedded stack and report their usage.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "demo-out", description = "Where report.json goes (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--orders", description = "Directory of order files (default: examples/orders).")
    Path orders;

    @Option(names = "--generated", paramLabel = "N", description = {"Run N generated orders instead (varied tasks,"
            + " parameters and sample images; the same --seed gives the same orders), enough for the predictor's"
            + " held-out backtest to say something."})
    int generated;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of --generated (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--unseen", paramLabel = "N", description = {"After training, run N held-out orders (two tasks"
            + " each) on generated 4096x4096 and 6000x4000 images, larger than any the orders used, and report"
            + " first-attempt OOM kills, failed orders and memory limit against true peak (also unseen.json)."})
    int unseen;

    @Override
    public Integer call() throws Exception {
        if (generated < 0 || (generated > 0 && orders != null)) {
            System.err.println("--generated takes a positive count and replaces --orders");
            return 2;
        }
        if (unseen < 0) {
            System.err.println("--unseen takes a positive count of held-out orders");
            return 2;
        }
        Path dataDir = Home.stateDir().resolve("demo-stack");
        DataDirs.clear(dataDir);
        StackConfig config = StackConfig.defaults(Home.dir(), dataDir, System.getenv());
        Path ordersDir = orders != null ? orders : Home.dir().resolve("examples/orders");
        if (generated > 0) {
            ordersDir = Home.stateDir().resolve("generated-orders");
            try (Stream<Path> images = Files.list(Home.dir().resolve("examples/images"))) {
                GeneratedOrders.write(ordersDir, generated, seed,
                        images.filter(f -> f.toString().endsWith(".png")).map(Path::toAbsolutePath).sorted().toList());
            }
            System.out.println("generated " + generated + " orders (seed " + seed + ") in " + ordersDir);
        }
        DemoRun run = new DemoRun(config, ordersDir, out.toAbsolutePath(), System.out);
        if (unseen > 0) {
            run.withHeldOut(heldOutOrders());
        }
        DemoReport report = run.run();
        List<String> problems = problems(report);
        if (problems.isEmpty()) {
            System.out.println("demo succeeded: every order SUCCEEDED; every task has samples or an exit record");
            return 0;
        }
        problems.forEach(p -> System.err.println("demo failed: " + p));
        return 1;
    }

    /** The large images (painted once, then kept) and {@code --unseen} orders on them, seeded apart from the rest. */
    private Path heldOutOrders() throws IOException {
        Path images = Home.stateDir().resolve("unseen-images");
        List<Path> large = new ArrayList<>();
        for (SampleImageGenerator.Size size : SampleImageGenerator.LARGE) {
            Path first = images.resolve("landscape-" + size + ".png");
            if (!Files.exists(first)) {
                System.out.println("painting the held-out " + size + " images in " + images + "...");
                SampleImageGenerator.generate(images, List.of(size));
            }
            for (String scene : List.of("landscape", "portrait", "city")) {
                large.add(images.resolve(scene + "-" + size + ".png").toAbsolutePath());
            }
        }
        Path dir = Home.stateDir().resolve("held-out-orders");
        GeneratedOrders.writeHeldOut(dir, unseen, seed + 1000, large);
        System.out.println("generated " + unseen + " held-out orders (seed " + (seed + 1000) + ") in " + dir);
        return dir;
    }

    static List<String> problems(DemoReport report) {
        List<String> problems = new ArrayList<>();
        for (OrderReport order : report.orders()) {
            if (!order.succeeded()) {
                problems.add("order " + order.id() + " ended " + order.state()
                        + (order.reason() == null ? "" : ": " + order.reason()));
            }
            for (TaskReport task : order.tasks()) {
                // A task shorter than a sampling interval may have no samples; its exit record still says what it used.
                if ("SUCCEEDED".equals(task.state()) && task.samples() == 0 && task.peakMemoryBytes() == 0) {
                    problems.add("task " + task.position() + " (" + task.service() + ") of order " + order.id()
                            + " has no stored samples and no exit record");
                }
            }
        }
        return problems;
    }
}
