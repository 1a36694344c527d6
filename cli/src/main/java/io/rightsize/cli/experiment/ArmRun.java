package io.rightsize.cli.experiment;

import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskSamplesRequest;
import io.rightsize.api.v1.TaskState;
import io.rightsize.api.v1.TrainProgress;
import io.rightsize.api.v1.TrainRequest;
import io.rightsize.api.v1.UsageSample;
import io.rightsize.cli.client.StackEndpoints;
import io.rightsize.client.OrderFiles;
import io.rightsize.client.RightsizeClient;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs one arm on a fresh stack: the training workload, training, then the measured workload, all orders submitted
 * at once in file order so the capacity decides what runs; then reads back what it left.
 */
final class ArmRun {

    /** Given up when no order has finished for this long. */
    private static final Duration STALL = Duration.ofMinutes(5);
    /** The last samples reach the database within a few seconds of a task's end. */
    private static final Duration SAMPLES_SETTLE = Duration.ofSeconds(4);

    private static final Set<OrderState> ENDED = Set.of(OrderState.ORDER_SUCCEEDED, OrderState.ORDER_FAILED,
            OrderState.ORDER_CANCELLED);

    private final StackConfig config;
    private final Arm arm;
    private final ExperimentCapacity capacity;
    private final Consumer<String> progress;

    ArmRun(StackConfig config, Arm arm, ExperimentCapacity capacity, Consumer<String> progress) {
        this.config = config;
        this.arm = arm;
        this.capacity = capacity;
        this.progress = progress;
    }

    ArmRecord run(List<Path> training, List<Path> measured) throws InterruptedException {
        try (Stack stack = new Stack(config, Stack.DEMO_JVM, arm.jvmOptions(capacity))) {
            stack.start(line -> progress.accept("[stack] " + line));
            try (RightsizeClient client = new RightsizeClient(StackEndpoints.of(config))) {
                if (!training.isEmpty() && arm.learns()) {
                    runAll(client, training, "training");
                    train(client);
                }
                Map<String, Instant> submitted = new LinkedHashMap<>();
                List<String> ids = runAll(client, measured, "measured", submitted);
                Thread.sleep(SAMPLES_SETTLE.toMillis());
                List<Order> orders = ids.stream().map(id -> client.orders().getOrder(
                        GetOrderRequest.newBuilder().setId(id).build())).toList();
                Map<Long, List<UsageSample>> samples = new HashMap<>();
                for (Order order : orders) {
                    for (Task task : order.getTasksList()) {
                        samples.put(task.getId(), client.usage().getTaskSamples(TaskSamplesRequest.newBuilder()
                                .setOrderId(order.getId()).setTaskId(task.getId()).build()).getSamplesList());
                    }
                }
                var events = TaskEventLog.readAll("127.0.0.1:" + config.kafkaPort()).stream()
                        .filter(e -> submitted.containsKey(e.orderId())).toList();
                progress.accept("[stack] stopping");
                return new ArmRecord(arm.name(), orders, submitted, events, samples);
            }
        }
    }

    private List<String> runAll(RightsizeClient client, List<Path> files, String what) throws InterruptedException {
        return runAll(client, files, what, new HashMap<>());
    }

    /** Submits every order, then polls until all have ended, saying how many are done and how many tasks wait. */
    private List<String> runAll(RightsizeClient client, List<Path> files, String what,
                                Map<String, Instant> submitted) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        for (Path file : files) {
            Order order = client.orders().submitOrder(OrderFiles.request(file));
            submitted.put(order.getId(), Instant.now());
            ids.add(order.getId());
        }
        progress.accept(what + ": " + ids.size() + " orders submitted");
        int lastDone = -1;
        long lastChange = System.nanoTime();
        while (true) {
            List<Order> now = ids.stream().map(id -> client.orders().getOrder(GetOrderRequest.newBuilder().setId(id)
                    .build())).toList();
            int done = (int) now.stream().filter(o -> ENDED.contains(o.getState())).count();
            if (done != lastDone) {
                long waiting = now.stream().flatMap(o -> o.getTasksList().stream())
                        .filter(t -> t.getState() == TaskState.TASK_WAITING).count();
                long running = now.stream().flatMap(o -> o.getTasksList().stream())
                        .filter(t -> t.getState() == TaskState.TASK_RUNNING).count();
                progress.accept(String.format("%s: %d/%d orders done, %d tasks running, %d waiting", what, done,
                        ids.size(), running, waiting));
                lastDone = done;
                lastChange = System.nanoTime();
            }
            if (done == ids.size()) {
                return ids;
            }
            if (System.nanoTime() - lastChange > STALL.toNanos()) {
                throw new IllegalStateException(what + ": no order ended in " + STALL.toMinutes() + " minutes");
            }
            Thread.sleep(1000);
        }
    }

    private void train(RightsizeClient client) {
        var steps = client.predictor().train(TrainRequest.getDefaultInstance());
        String last = "";
        while (steps.hasNext()) {
            TrainProgress step = steps.next();
            if (!step.getStage().equals("loss")) {
                last = step.getMessage();
            }
        }
        progress.accept("trained the predictor: " + last);
    }
}
