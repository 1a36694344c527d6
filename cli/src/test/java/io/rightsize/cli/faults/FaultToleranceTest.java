package io.rightsize.cli.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rightsize.api.v1.GetOrderRequest;
import io.rightsize.api.v1.ListOrdersRequest;
import io.rightsize.api.v1.Order;
import io.rightsize.api.v1.OrderEvent;
import io.rightsize.api.v1.OrderState;
import io.rightsize.api.v1.SubmitOrderRequest;
import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import io.rightsize.api.v1.WatchOrderRequest;
import io.rightsize.cli.client.StackEndpoints;
import io.rightsize.client.RightsizeClient;
import io.rightsize.client.mapping.TimestampMapper;
import io.rightsize.devstack.Stack;
import io.rightsize.devstack.StackConfig;
import io.rightsize.devstack.service.ServiceKind;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the real stack while an order runs, each placed where it hurts: processes killed and restarted,
 * a task ending inside a broker outage longer than two minutes, inside a database outage and while no orchestrator
 * runs, poison messages, SIGTERM with a stream open. Afterwards every order has reached its true end and every
 * finished task's samples are complete, second by second, except where a recorded sampling gap says its sampler was
 * down, and none is duplicated. (A killed stack process is {@code StackLifecycleTest}'s.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceTest {

    private static final Path HOME = Path.of(System.getProperty("rightsize.home")).toAbsolutePath().normalize();
    private static final Duration DOWN = Duration.ofSeconds(4);
    /** The first task's blur (9 s here with a build beside it); 30 (20 s) where a fault must land before it ends. */
    private static final int BLUR_RADIUS = 20;
    private static final int LONG_BLUR_RADIUS = 30;
    /** Longer than the producers' old 120 s delivery timeout, which lost task events. */
    private static final Duration LONG_BROKER_OUTAGE = Duration.ofSeconds(130);

    private Stack stack;
    private RightsizeClient client;
    private final List<String> summaries = new ArrayList<>();
    private SampleCompleteness total = new SampleCompleteness(-1, 0, 0, 0, 0, 0);
    private SampleCompleteness lastCompleteness;
    private int faults;

    @BeforeAll
    void startStack() {
        Path work = HOME.resolve("cli/target/faults-" + UUID.randomUUID());
        StackConfig config = StackConfig.freePorts(HOME, work.resolve("stack"));
        stack = new Stack(config).start(line -> System.out.println("[faults] " + line));
        client = new RightsizeClient(StackEndpoints.of(config));
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
        runWithFault("monitor-consumer kill -9 and restart", task -> restart(ServiceKind.MONITOR_CONSUMER));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void monitorProducerKilledAndRestarted() throws Exception {
        runWithFault("monitor-producer kill -9 and restart", task -> restart(ServiceKind.MONITOR_PRODUCER));
        SampleCompleteness c = lastCompleteness;
        assertTrue(c.gapped() > 0, "the seconds the producer was down are a recorded gap: " + c);
    }

    /**
     * The broker is down for longer than the producers' old 2-minute delivery limit, and the first task ends inside
     * the outage: its end event, the next task's start and every sample wait in the producers and arrive after.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void kafkaBrokerDownLongerThanTwoMinutesWhileATaskEnds() throws Exception {
        runWithFault("Kafka broker down 130 s while a task ends", LONG_BLUR_RADIUS, task -> {
            Instant down = Instant.now();
            stack.kafka().close();
            assertTrue(running(task.getPid()), "the task is still running when the broker stops");
            awaitGone(task.getPid(), Duration.ofSeconds(90));
            sleepUntil(down.plus(LONG_BROKER_OUTAGE));
            stack.kafka().start(Duration.ofSeconds(60));
        });
    }

    /**
     * PostgreSQL stops while the first task runs and the task ends inside the outage: its end is stored once the
     * database is back, with the time the process ended, and the order goes on to its true end.
     */
    @Test
    @org.junit.jupiter.api.Order(4)
    void postgresDownWhileATaskEnds() throws Exception {
        Instant[] back = new Instant[1];
        Order order = runWithFault("PostgreSQL down while a task ends", LONG_BLUR_RADIUS, task -> {
            Instant down = Instant.now();
            stack.postgres().close();
            assertTrue(running(task.getPid()), "the task is still running when PostgreSQL stops");
            awaitGone(task.getPid(), Duration.ofSeconds(90));
            io.grpc.StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(
                    io.grpc.StatusRuntimeException.class, () -> client.orders().listOrders(
                            ListOrdersRequest.newBuilder().setLimit(5).build()));
            assertEquals(io.grpc.Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.toString());
            assertTrue(refused.getStatus().getDescription().contains("database is unreachable"),
                    refused.getStatus().getDescription());
            sleepUntil(down.plus(DOWN));
            stack.postgres().start();
            back[0] = Instant.now();
        });
        Task first = order.getTasks(0);
        Instant ended = TimestampMapper.fromProto(first.getFinishedAt());
        assertTrue(ended.isBefore(back[0]), "task 0's end is when its process ended (" + ended
                + "), not when PostgreSQL came back (" + back[0] + ")");
        assertTrue(first.getPeakMemoryBytes() > 0 && first.getCpuSeconds() > 0, "its exit record is stored: " + first);
    }

    /** A poison sample in every partition of the samples topic and a poison gap: parked with a reason. */
    @Test
    @org.junit.jupiter.api.Order(5)
    void poisonSamplesAndGapAreDeadLetteredAndStorageGoesOn() throws Exception {
        String nul = "{\"orderId\":\"poison\\u0000\",\"taskId\":1,\"service\":\"blur\",\"resource\":"
                + "\"cpu_millicores\",\"value\":1,\"timestamp\":\"2026-12-05T00:00:00Z\"}";
        String farFuture = "{\"orderId\":\"poison\",\"taskId\":1,\"service\":\"blur\",\"resource\":"
                + "\"cpu_millicores\",\"value\":1,\"timestamp\":\"+300000-01-01T00:00:00Z\"}";
        String gap = "{\"orderId\":\"poison\",\"taskId\":987654321,\"service\":\"blur\",\"from\":"
                + "\"2026-12-05T00:00:00Z\",\"to\":\"2026-12-05T00:00:01Z\",\"reason\":\"poison\"}";
        runWithFault("poison samples and a poison gap", task -> {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafkaProps(), new StringSerializer(),
                    new StringSerializer())) {
                for (int partition = 0; partition < Stack.RESOURCES_PARTITIONS; partition++) {
                    producer.send(new ProducerRecord<>("resources", partition, "poison", nul)).get();
                    producer.send(new ProducerRecord<>("resources", partition, "poison", farFuture)).get();
                }
                producer.send(new ProducerRecord<>("sampling-gaps", "poison", gap)).get();
            }
            faults++;
        });
        Map<String, String> parked = deadLetters("resources-dlq", Set.of(nul, farFuture, gap), Duration.ofSeconds(60));
        assertEquals(Set.of(nul, farFuture, gap), parked.keySet(), "every poison message is parked: " + parked);
        parked.forEach((payload, reason) -> assertFalse(reason.isBlank(), "a reason for " + payload));
        summaries.add("fault poison samples and a poison gap: parked in resources-dlq with reasons " + parked.values());
    }

    /**
     * The orchestrator is killed while a task runs and the task ends while none runs: the restarted orchestrator
     * records how it really ended (from its exit record), and the order ends, nothing left RUNNING.
     */
    @Test
    @org.junit.jupiter.api.Order(6)
    void taskEndsWhileTheOrchestratorIsDead() throws Exception {
        String id = submit(LONG_BLUR_RADIUS);
        Task task = awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING && t.getPid() > 0);
        faults++;
        stack.service(ServiceKind.ORCHESTRATOR).kill();
        assertTrue(running(task.getPid()), "the task outlives the orchestrator");
        awaitGone(task.getPid(), Duration.ofSeconds(90));
        Instant restart = Instant.now();
        stack.service(ServiceKind.ORCHESTRATOR).start().awaitReady(Duration.ofSeconds(120));

        Order order = awaitOrder(id, o -> o.getState() != OrderState.ORDER_RUNNING
                && o.getState() != OrderState.ORDER_PENDING, Duration.ofSeconds(60));
        Task first = order.getTasks(0);
        assertEquals(TaskState.TASK_SUCCEEDED, first.getState(), "the task's true end: " + first);
        Instant ended = TimestampMapper.fromProto(first.getFinishedAt());
        assertTrue(ended.isBefore(restart), "its end time is its own (" + ended + "), not the restart's");
        assertEquals(OrderState.ORDER_FAILED, order.getState(), "its next task never ran: " + order);
        assertEquals(TaskState.TASK_CANCELLED, order.getTasks(1).getState(), order.toString());
        SampleCompleteness c;
        try (Connection db = stack.postgres().connect()) {
            c = SampleCompleteness.of(db, first.getId());
        }
        assertEquals(0, c.lost(), "the task's samples: " + c);
        total = total.plus(c);
        summaries.add("fault orchestrator dead while a task ends: task " + first.getId() + " SUCCEEDED at " + ended
                + " (restart " + restart + "), order " + order.getState() + " (" + order.getReason() + "); " + c);
    }

    /** SIGTERM with a WatchOrder stream open: the order ends CANCELLED, its stream completes, its task stops. */
    @Test
    @org.junit.jupiter.api.Order(7)
    void sigtermWithAStreamOpenCancelsTheOrder() throws Exception {
        String id = submit(BLUR_RADIUS);
        Task task = awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING && t.getPid() > 0);
        List<OrderEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.CompletableFuture<Void> streamEnd = new java.util.concurrent.CompletableFuture<>();
        client.ordersAsync().watchOrder(WatchOrderRequest.newBuilder().setId(id).build(),
                new io.grpc.stub.StreamObserver<>() {
                    @Override
                    public void onNext(OrderEvent event) {
                        events.add(event);
                    }

                    @Override
                    public void onError(Throwable t) {
                        streamEnd.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        streamEnd.complete(null);
                    }
                });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !events.isEmpty());
        faults++;
        long stopStarted = System.nanoTime();
        stack.service(ServiceKind.ORCHESTRATOR).close();
        Duration stopTook = Duration.ofNanos(System.nanoTime() - stopStarted);

        streamEnd.get(5, java.util.concurrent.TimeUnit.SECONDS);
        Order last = events.get(events.size() - 1).getOrder();
        assertEquals(OrderState.ORDER_CANCELLED, last.getState(), "the stream's last event: " + last);
        assertFalse(running(task.getPid()), "task process " + task.getPid() + " is stopped");
        stack.service(ServiceKind.ORCHESTRATOR).start().awaitReady(Duration.ofSeconds(120));
        Order stored = client.orders().getOrder(GetOrderRequest.newBuilder().setId(id).build());
        assertEquals(OrderState.ORDER_CANCELLED, stored.getState(), stored.toString());
        assertTrue(stored.getReason().contains("stopped"), stored.getReason());
        summaries.add("fault SIGTERM with a WatchOrder stream open: orchestrator stopped in " + stopTook.toMillis()
                + " ms, order " + id + " CANCELLED (" + stored.getReason() + "), stream completed, task process "
                + task.getPid() + " gone");
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void orchestratorKilledAndRestartedLeavesNoOrphanAndNoOrderRunning() throws Exception {
        String id = submit(BLUR_RADIUS);
        Task running = awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING && t.getPid() > 0);
        faults++;
        restart(ServiceKind.ORCHESTRATOR);

        Order order = awaitOrder(id, o -> o.getState() != OrderState.ORDER_RUNNING
                && o.getState() != OrderState.ORDER_PENDING, Duration.ofSeconds(60));
        assertEquals(OrderState.ORDER_FAILED, order.getState(), order.toString());
        assertFalse(order.getReason().isBlank(), "a FAILED order says why");
        awaitGone(running.getPid(), Duration.ofSeconds(10));
        assertTrue(client.orders().listOrders(ListOrdersRequest.newBuilder().setLimit(100).build()).getOrdersList()
                .stream().noneMatch(o -> o.getState() == OrderState.ORDER_RUNNING), "no order stays RUNNING");
        summaries.add("fault orchestrator kill -9 and restart: order " + id + " FAILED (" + order.getReason()
                + "), task process " + running.getPid() + " gone");
    }

    /**
     * Runs one order, injects the fault once its first task has been sampled for a few seconds, checks that the order
     * succeeds and its samples are complete, and returns it.
     */
    private Order runWithFault(String fault, Fault inject) throws Exception {
        return runWithFault(fault, BLUR_RADIUS, inject);
    }

    private Order runWithFault(String fault, int blurRadius, Fault inject) throws Exception {
        String id = submit(blurRadius);
        Task first = awaitTask(id, t -> t.getState() == TaskState.TASK_RUNNING && t.getPid() > 0);
        Thread.sleep(2000);
        faults++;
        inject.run(first);
        Order order = awaitOrder(id, o -> o.getState() == OrderState.ORDER_SUCCEEDED
                || o.getState() == OrderState.ORDER_FAILED, Duration.ofSeconds(300));
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
        lastCompleteness = sum;
        return order;
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

    private String submit(int blurRadius) {
        String json = """
                {"image": "%s", "tasks": [
                  {"name": "blur", "params": {"radius": %d}},
                  {"name": "grayscale", "params": {"passes": 100}}
                ]}""".formatted(HOME.resolve("examples/images/city.png"), blurRadius);
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

    /** Waits until the process has ended (gone, or a zombie nobody reaps). */
    private static void awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (running(pid)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("process " + pid + " still running after " + timeout);
            }
            Thread.sleep(100);
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private Properties kafkaProps() {
        Properties p = new Properties();
        p.put("bootstrap.servers", stack.kafka().bootstrapServers());
        return p;
    }

    /** The dead-letter reason of each of {@code payloads} found on {@code topic}, read from its start. */
    private Map<String, String> deadLetters(String topic, Set<String> payloads, Duration timeout) {
        Properties p = kafkaProps();
        p.put("group.id", "faults-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        Map<String, String> found = new java.util.HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < payloads.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    Header reason = record.headers().lastHeader("dead-letter-reason");
                    if (payloads.contains(record.value())) {
                        found.put(record.value(), reason == null ? ""
                                : new String(reason.value(), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return found;
    }

    /** A fault injected while the order's first task runs; it gets that task as it was then. */
    @FunctionalInterface
    private interface Fault {
        void run(Task runningTask) throws Exception;
    }
}
