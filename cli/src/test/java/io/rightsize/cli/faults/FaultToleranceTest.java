package io.rightsize.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.cli.client.Endpoints;
import io.rightsize.cli.client.RightsizeClient;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.service.ServiceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the real stack while an order runs (processes killed and restarted, the broker and the
 * database stopped and started again); afterwards every finished task's samples are complete, second by second,
 * except where a recorded sampling gap says its sampler was down, and none is duplicated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final Duration DOWN = Duration.ofSeconds(4);

    private Stack stack;
    private RightsizeClient client;
    private final List<String> summaries = new ArrayList<>();
    private SampleCompleteness total = new SampleCompleteness(-1, 0, 0, 0, 0, 0);
    private int faults;

    @BeforeAll
    void startStack() {
        Path work = HOME.resolve("cli/target/faults-" + UUID.randomUUID());
        StackConfig config = StackConfig.freePorts(HOME, work.resolve("stack"));
        stack = new Stack(config).start(line -> System.out.println("[faults] " + line));
        client = new RightsizeClient(Endpoints.of(config));
    }

    @AfterAll
    void stopStack() {
        summaries.forEach(System.out::println);
        System.out.printf("fault summary: %d faults injected, samples expected %d, stored %d, in recorded gaps %d,"
                + " lost %d, duplicated %d%n", faults, total.expected(), total.stored(), total.gapped(), total.lost(),
                total.duplicated());
        if (client != null) {
            client.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void monitorConsumerKilledAndRestarted() throws Exception {
        runWithFault("monitor-consumer kill -9 and restart", () -> restart(ServiceKind.MONITOR_CONSUMER));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void monitorProducerKilledAndRestarted() throws Exception {
        SampleCompleteness c = runWithFault("monitor-producer kill -9 and restart",
                () -> restart(ServiceKind.MONITOR_PRODUCER));
        assertTrue(c.gapped() > 0, "the seconds the producer was down are a recorded gap: " + c);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void kafkaBrokerRestarted() throws Exception {
        runWithFault("Kafka broker stop and start", () -> {
            stack.kafka().close();
            Thread.sleep(DOWN.toMillis());
            stack.kafka().start(Duration.ofSeconds(60));
        });
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void postgresRestarted() throws Exception {
        runWithFault("PostgreSQL stop and start", () -> {
            stack.postgres().close();
            Thread.sleep(DOWN.toMillis());
            stack.postgres().start();
        });
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void orchestratorKilledAndRestartedLeavesNoOrphanAndNoOrderRunning() throws Exception {
        String id = submit();
        Task running = awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING && t.getPid() > 0);
        Thread.sleep(3000);
        faults++;
        restart(ServiceKind.ORCHESTRATOR);

        Order order = awaitOrder(id, o -> o.getState() != OrderState.ORDER_RUNNING
                && o.getState() != OrderState.ORDER_PENDING, Duration.ofSeconds(60));
        assertEquals(OrderState.ORDER_FAILED, order.getState(), order.toString());
        assertFalse(order.getReason().isBlank(), "a FAILED order says why");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (running(running.getPid()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(running(running.getPid()), "task process " + running.getPid() + " is not left running");
        assertTrue(client.orders().listOrders(ListOrdersRequest.newBuilder().setLimit(100).build()).getOrdersList()
                .stream().noneMatch(o -> o.getState() == OrderState.ORDER_RUNNING), "no order stays RUNNING");
        summaries.add("fault orchestrator kill -9 and restart: order " + id + " FAILED (" + order.getReason()
                + "), task process " + running.getPid() + " gone");
    }

    /** Runs one order, injects the fault once its first task has run a few seconds, and checks its samples. */
    private SampleCompleteness runWithFault(String fault, Fault inject) throws Exception {
        String id = submit();
        awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING);
        Thread.sleep(3000);
        faults++;
        inject.run();
        Order order = awaitOrder(id, o -> o.getState() == OrderState.ORDER_SUCCEEDED
                || o.getState() == OrderState.ORDER_FAILED, Duration.ofSeconds(180));
        assertEquals(OrderState.ORDER_SUCCEEDED, order.getState(), fault + ": " + order.getReason());
        // Stored samples trail the task by the pipeline's latency (longer while a restarted consumer rejoins):
        // read them until nothing is missing, or until nothing more has arrived for a while.
        List<SampleCompleteness> tasks = List.of();
        long lastChange = System.nanoTime();
        long lastStored = -1;
        while (System.nanoTime() - lastChange < Duration.ofSeconds(30).toNanos()) {
            tasks = completeness(order);
            long stored = tasks.stream().mapToLong(SampleCompleteness::stored).sum();
            if (tasks.stream().allMatch(c -> c.lost() == 0)) {
                break;
            }
            if (stored != lastStored) {
                lastStored = stored;
                lastChange = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        SampleCompleteness sum = new SampleCompleteness(-1, 0, 0, 0, 0, 0);
        for (int i = 0; i < tasks.size(); i++) {
            Task task = order.getTasks(i);
            summaries.add(String.format("  %s task %d %s: %s", fault, task.getId(), task.getService(), tasks.get(i)));
            sum = sum.plus(tasks.get(i));
        }
        total = total.plus(sum);
        summaries.add(String.format("fault %s: samples expected %d, stored %d, in recorded gaps %d, lost %d,"
                + " duplicated %d", fault, sum.expected(), sum.stored(), sum.gapped(), sum.lost(), sum.duplicated()));
        assertEquals(0, sum.duplicated(), fault + ": duplicated samples");
        assertEquals(0, sum.lost(), fault + ": lost samples");
        return sum;
    }

    private List<SampleCompleteness> completeness(Order order) throws java.sql.SQLException {
        List<SampleCompleteness> result = new ArrayList<>();
        try (Connection db = stack.postgres().connect()) {
            for (Task task : order.getTasksList()) {
                result.add(SampleCompleteness.of(db, task.getId()));
            }
        }
        return result;
    }

    /** Alive and not a zombie: a task orphaned by a killed orchestrator is reparented, and may never be reaped here. */
    private static boolean running(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private void restart(ServiceKind kind) {
        stack.service(kind).kill();
        stack.service(kind).start();
        stack.service(kind).awaitReady(Duration.ofSeconds(120));
    }

    private String submit() {
        String json = """
                {"image": "%s", "tasks": [
                  {"name": "blur", "params": {"radius": 20}},
                  {"name": "grayscale", "params": {"passes": 100}}
                ]}""".formatted(HOME.resolve("examples/images/city.png"));
        return client.orders().submitOrder(SubmitOrderRequest.newBuilder().setOrderJson(json).build()).getId();
    }

    private Task awaitTask(String id, Predicate<Task> first) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Order order = client.orders().getOrder(GetOrderRequest.newBuilder().setId(id).build());
            if (!order.getTasksList().isEmpty() && first.test(order.getTasks(0))) {
                return order.getTasks(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("order " + id + ": first task not as expected within 60 s");
    }

    private Order awaitOrder(String id, Predicate<Order> done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Order order = null;
        while (System.nanoTime() < deadline) {
            try {
                order = client.orders().getOrder(GetOrderRequest.newBuilder().setId(id).build());
                if (done.test(order)) {
                    return order;
                }
            } catch (io.grpc.StatusRuntimeException e) {
                // the orchestrator is restarting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("order " + id + " not done within " + timeout + ": " + order);
    }

    @FunctionalInterface
    private interface Fault {
        void run() throws Exception;
    }
}
