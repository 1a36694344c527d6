package io.rightsize.cli.demo;

import io.grpc.stub.StreamObserver;
import io.rightsize.api.v1.ModelInfo;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskUsageRequest;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.cli.client.StackEndpoints;
import io.rightsize.cli.report.DemoReport;
import io.rightsize.cli.report.ModelSummary;
import io.rightsize.cli.report.OrderReport;
import io.rightsize.cli.report.OrderReports;
import io.rightsize.cli.report.TaskTable;
import io.rightsize.cli.report.UnseenReport;
import io.rightsize.client.OrderFiles;
import io.rightsize.client.RightsizeClient;
import io.rightsize.common.json.Json;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The main job: start the embedded stack, run the sample orders, wait for them (showing progress), wait until
 * their samples are stored, print the per-task table, write report.json, train the predictor on what was measured
 * and stop the stack.
 */
public final class DemoRun {

    /** The demo gives up when no order has finished for this long; many orders may take longer in all. */
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration SAMPLES_SETTLE = Duration.ofSeconds(3);

    private final StackConfig config;
    private final Path ordersDir;
    private final Path outDir;
    private final PrintStream out;
    private Path heldOutDir;

    public DemoRun(StackConfig config, Path ordersDir, Path outDir, PrintStream out) {
        this.config = config;
        this.ordersDir = ordersDir;
        this.outDir = outDir;
        this.out = out;
    }

    /**
     * After training, also runs the orders in {@code dir}, on inputs larger than any trained, and reports how the
     * allocations fared ({@link UnseenReport}, also written to unseen.json).
     */
    public DemoRun withHeldOut(Path dir) {
        this.heldOutDir = dir;
        return this;
    }

    public DemoReport run() throws IOException, InterruptedException {
        Instant started = Instant.now();
        List<Path> orderFiles = orderFiles(ordersDir);
        if (orderFiles.isEmpty()) {
            throw new IllegalStateException("no order files in " + ordersDir);
        }
        out.println("rightsize demo: " + orderFiles.size() + " orders from " + ordersDir);
        try (Stack stack = new Stack(config)) {
            stack.start(line -> out.println("  [stack] " + line));
            try (RightsizeClient client = new RightsizeClient(StackEndpoints.of(config))) {
                List<OrderReport> orders = runOrders(client, orderFiles);
                DemoReport report = new DemoReport(started,
                        (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0, orders);
                out.println();
                TaskTable.print(orders, out);
                Files.createDirectories(outDir);
                Path reportFile = outDir.resolve("report.json");
                Files.writeString(reportFile, Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(report));
                out.println();
                train(client);
                out.println();
                if (heldOutDir != null) {
                    List<Path> heldOut = orderFiles(heldOutDir);
                    out.println("held-out orders: " + heldOut.size() + " from " + heldOutDir);
                    List<OrderReport> unseenOrders = runOrders(client, heldOut);
                    UnseenReport unseen = UnseenReport.of(orders, unseenOrders);
                    out.println();
                    unseen.print(unseenOrders, out);
                    Files.writeString(outDir.resolve("unseen.json"), Json.mapper().writerWithDefaultPrettyPrinter()
                            .writeValueAsString(Map.of("summary", unseen, "orders", unseenOrders)));
                    out.println();
                }
                out.printf(Locale.ROOT, "report: %s (%.0f s in all)%n", reportFile,
                        (System.currentTimeMillis() - started.toEpochMilli()) / 1000.0);
                out.println("  [stack] stopping");
                return report;
            }
        }
    }

    /** Submits the orders in file order, shows their progress, and reports them once their samples are stored. */
    private List<OrderReport> runOrders(RightsizeClient client, List<Path> files) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(files.size());
        for (Path file : files) {
            Order order = client.orders().submitOrder(OrderFiles.request(file));
            ids.add(order.getId());
            out.printf("  [%s] submitted from %s: %s%n", order.getId(), file.getFileName(),
                    String.join(" -> ", order.getTasksList().stream().map(Task::getService).toList()));
            watch(client, order.getId(), finished);
        }
        awaitOrders(finished);
        awaitSamplesSettled(client, ids);
        return ids.stream().map(id -> OrderReports.collect(client, id)).toList();
    }

    /** Waits while orders keep finishing: 120 generated orders take longer than any fixed limit sized for 6. */
    private void awaitOrders(CountDownLatch finished) throws InterruptedException {
        long lastCount = finished.getCount();
        long lastProgress = System.nanoTime();
        while (!finished.await(1, TimeUnit.SECONDS)) {
            if (finished.getCount() < lastCount) {
                lastCount = finished.getCount();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > STALL_TIMEOUT.toNanos()) {
                out.println("  no order finished in the last " + STALL_TIMEOUT.toMinutes() + " minutes; "
                        + lastCount + " still running");
                return;
            }
        }
    }

    /** Learns from what the orders just measured, and shows what the next run of the first order would get. */
    private void train(RightsizeClient client) {
        out.println("training the predictor on the stored samples:");
        ModelInfo model = null;
        var progress = client.predictor().train(TrainRequest.getDefaultInstance());
        while (progress.hasNext()) {
            TrainProgress step = progress.next();
            if (!step.getStage().equals("loss")) {
                out.printf(Locale.ROOT, "  [%3.0f%%] %s%n", 100 * step.getFractionDone(), step.getMessage());
            }
            if (step.hasModel()) {
                model = step.getModel();
            }
        }
        if (model != null) {
            ModelSummary.print(model, out);
        }
    }

    private static List<Path> orderFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        }
    }

    private void watch(RightsizeClient client, String id, CountDownLatch finished) {
        client.ordersAsync().watchOrder(WatchOrderRequest.newBuilder().setId(id).build(), new StreamObserver<>() {
            @Override
            public void onNext(OrderEvent event) {
                if (event.getTaskPosition() >= 0) {
                    Task task = event.getOrder().getTasks(event.getTaskPosition());
                    out.printf(Locale.ROOT, "  [%s] task %d %-9s %s%s%n", id, task.getPosition(), task.getService(),
                            task.getState().name().replace("TASK_", ""),
                            switch (task.getState()) {
                                case TASK_RUNNING -> " (pid " + task.getPid() + ")";
                                case TASK_WAITING -> ": " + task.getReason();
                                default -> String.format(Locale.ROOT, " in %.1f s", task.getDurationSeconds());
                            });
                } else if (event.getOrder().getState().name().matches("ORDER_(SUCCEEDED|FAILED|CANCELLED)")) {
                    Order order = event.getOrder();
                    out.printf("  [%s] order %s%s%n", id, order.getState().name().replace("ORDER_", ""),
                            order.getReason().isEmpty() ? "" : ": " + order.getReason());
                }
            }

            @Override
            public void onError(Throwable t) {
                out.println("  [" + id + "] watch failed: " + t.getMessage());
                finished.countDown();
            }

            @Override
            public void onCompleted() {
                finished.countDown();
            }
        });
    }

    /** Samples reach the database a moment after a task ends; wait until the counts stop changing. */
    private void awaitSamplesSettled(RightsizeClient client, List<String> ids) throws InterruptedException {
        long last = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long count = ids.stream().mapToLong(id -> client.usage().getTaskUsage(TaskUsageRequest.newBuilder()
                    .setOrderId(id).build()).getStatsList().stream().mapToLong(s -> s.getStats().getCount()).sum())
                    .sum();
            if (count != last) {
                last = count;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > SAMPLES_SETTLE.toNanos()) {
                return;
            }
            Thread.sleep(500);
        }
    }
}
