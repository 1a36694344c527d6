package io.rightsize.orchestrator.execution;

import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.common.order.ImageProbe;
import io.rightsize.common.order.OrderLimits;
import io.rightsize.common.order.OrderValidationException;
import io.rightsize.common.order.OrderValidator;
import io.rightsize.common.order.ValidOrder;
import io.rightsize.orchestrator.admission.Admission;
import io.rightsize.orchestrator.allocation.AllocationDecision;
import io.rightsize.orchestrator.allocation.AllocationPolicy;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskRecord;
import io.rightsize.orchestrator.domain.TaskState;
import io.rightsize.orchestrator.messaging.TaskEventPublisher;
import io.rightsize.orchestrator.metrics.OrchestratorMetrics;
import io.rightsize.orchestrator.runner.LocalTaskFiles;
import io.rightsize.orchestrator.runner.RunnerKind;
import io.rightsize.orchestrator.runner.RunningTask;
import io.rightsize.orchestrator.runner.TaskExit;
import io.rightsize.orchestrator.runner.TaskLaunch;
import io.rightsize.orchestrator.runner.TaskRunner;
import io.rightsize.orchestrator.runner.TaskStartException;
import io.rightsize.orchestrator.store.DatabaseOutages;
import io.rightsize.orchestrator.store.OomEventStore;
import io.rightsize.orchestrator.store.OrderStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Runs orders: each order's tasks strictly in sequence, each task's output the next one's input, each with the
 * allocation decided just before it starts, for the size of the image it reads, and started once its requests fit
 * the capacity ({@link Admission}). A task that runs out of memory runs again with more, up to the configured
 * attempts, the last at the maximum. Every change is stored, announced on Kafka and pushed to watchers.
 */
@ApplicationScoped
public class OrderExecutor {

    private static final Logger LOG = Logger.getLogger(OrderExecutor.class);
    /** How long a stop waits for in-flight orders to be recorded CANCELLED; inside the stack's and Kubernetes' grace. */
    private static final Duration STOP_WINDOW = Duration.ofSeconds(10);
    private static final String STOPPING = "cancelled: the orchestrator was stopped";
    private static final String BY_REQUEST = "cancelled by request";

    private final OrchestratorConfig config;
    private final OrderStore store;
    private final TaskRunner runner;
    private final TaskEventPublisher events;
    private final AllocationPolicy allocations;
    private final OomEventStore oomEvents;
    private final OrchestratorMetrics metrics;
    private final Admission admission;
    private final AtomicLong submissions = new AtomicLong();
    private final OrderValidator validator;
    private final Map<String, OrderExecution> active = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private volatile boolean stopping;

    public OrderExecutor(OrchestratorConfig config, OrderStore store, TaskRunner runner, TaskEventPublisher events,
                         AllocationPolicy allocations, OomEventStore oomEvents, OrchestratorMetrics metrics,
                         Admission admission) {
        this.config = config;
        this.store = store;
        this.runner = runner;
        this.events = events;
        this.allocations = allocations;
        this.oomEvents = oomEvents;
        this.metrics = metrics;
        this.admission = admission;
        this.validator = new OrderValidator(OrderLimits.defaults(config.inputRoots()));
    }

    void onStart(@Observes StartupEvent event) {
        AtomicInteger n = new AtomicInteger();
        // Each order runs in the trace of the SubmitOrder call that accepted it: its predictor calls and task events
        // join that trace instead of each starting one of its own.
        workers = Context.taskWrapping(Executors.newFixedThreadPool(config.maxConcurrentOrders(),
                r -> new Thread(r, "order-runner-" + n.incrementAndGet())));
        if (survivesStop()) {
            resumeUnfinished();
        } else {
            new OrphanReaper(store, oomEvents, events, config.workDir()).endUnfinished();
        }
    }

    /**
     * On Kubernetes task Jobs outlive the orchestrator (a rollout, a reschedule): a stop leaves its orders running,
     * and a start continues them. Locally a task's process is the orchestrator's child: a stop cancels it.
     */
    private boolean survivesStop() {
        return config.runner() == RunnerKind.KUBERNETES;
    }

    /**
     * Continues every order a previous orchestrator left unfinished: tasks that succeeded are kept, a task whose Job
     * is still there is followed to its end, the rest run as usual. An order whose stored spec no longer validates
     * (its image is gone) ends FAILED with the reason.
     */
    public void resumeUnfinished() {
        for (OrderRecord left : DatabaseOutages.waitOut("reading unfinished orders", store::unfinished)) {
            if (active.containsKey(left.id())) {
                continue;
            }
            ValidOrder order;
            try {
                order = validator.validate(DatabaseOutages.waitOut("the spec of order " + left.id(),
                        () -> store.spec(left.id())), config.workDir().toAbsolutePath());
            } catch (OrderValidationException e) {
                OrderExecution lost = new OrderExecution(null, left, 0);
                finish(lost, OrderState.FAILED, "left by a previous orchestrator and cannot continue: "
                        + e.getMessage());
                continue;
            }
            LOG.infof("order %s was left %s by a previous orchestrator: continuing it", left.id(), left.state());
            OrderExecution execution = new OrderExecution(order, left, submissions.incrementAndGet());
            active.put(order.id(), execution);
            metrics.orderSubmitted();
            workers.submit(() -> run(execution));
        }
    }

    /**
     * Fired as soon as a stop is asked for (SIGTERM), before the server waits for open calls: ending orders first
     * completes their WatchOrder streams, so no open stream can hold the stop past its window.
     */
    void onStopRequested(@Observes ShutdownDelayInitiatedEvent event) {
        cancelAll();
    }

    void onStop(@Observes ShutdownEvent event) {
        cancelAll();
    }

    /** Ends every order in flight CANCELLED, their task process trees stopped, and waits for it to be stored. */
    private void cancelAll() {
        stopping = true;
        if (survivesStop()) {
            // The Jobs run on: the next orchestrator adopts them and continues their orders.
            LOG.infof("stopping with %d orders in flight, left for the next orchestrator to continue", active.size());
            workers.shutdownNow();
            return;
        }
        active.values().forEach(e -> e.requestCancel(STOPPING));
        admission.wake();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_WINDOW.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warnf("%d orders still in flight after %d s of stopping", active.size(), STOP_WINDOW.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once a stop has begun: new orders are refused, in-flight ones are being cancelled. */
    public boolean stopping() {
        return stopping;
    }

    /** Queues a stored, valid order; it starts as soon as a runner thread is free. */
    public void submit(ValidOrder order, OrderRecord stored) {
        OrderExecution execution = new OrderExecution(order, stored, submissions.incrementAndGet());
        active.put(order.id(), execution);
        metrics.orderSubmitted();
        try {
            workers.submit(() -> run(execution));
        } catch (RejectedExecutionException e) {
            // Accepted just as a stop began: it ends CANCELLED here rather than stay queued for good.
            execution.requestCancel(STOPPING);
            run(execution);
            return;
        }
        if (stopping) {
            // Queued while a stop was cancelling the others: it ends CANCELLED as they do.
            execution.requestCancel(STOPPING);
        }
    }

    /** The in-flight snapshot, when the order is running or queued here. */
    public Optional<OrderRecord> snapshot(String orderId) {
        return Optional.ofNullable(active.get(orderId)).map(OrderExecution::snapshot);
    }

    /** Watches an in-flight order; false when it is not in flight (read it from the store instead). */
    public boolean watch(String orderId, Consumer<OrderChange> watcher) {
        OrderExecution execution = active.get(orderId);
        if (execution == null) {
            return false;
        }
        execution.watch(watcher);
        return true;
    }

    public void unwatch(String orderId, Consumer<OrderChange> watcher) {
        OrderExecution execution = active.get(orderId);
        if (execution != null) {
            execution.unwatch(watcher);
        }
    }

    /** Cancels an in-flight order; false when it is not in flight. */
    public boolean cancel(String orderId) {
        OrderExecution execution = active.get(orderId);
        if (execution == null) {
            return false;
        }
        execution.requestCancel(BY_REQUEST);
        admission.wake();
        return true;
    }

    private void run(OrderExecution execution) {
        String orderId = execution.order().id();
        metrics.orderTaken();
        try {
            if (execution.cancelRequested()) {
                finish(execution, OrderState.CANCELLED, execution.cancelReason() + " before the order started");
                return;
            }
            OrderRecord order = execution.snapshot().withState(OrderState.RUNNING, null, Instant.now());
            save(execution, order, -1, "order running");
            List<String> services = order.tasks().stream().map(TaskRecord::service).toList();
            List<Long> inputPixels = new ArrayList<>(Collections.nCopies(services.size(), 0L));
            List<Map<String, Double>> params = order.tasks().stream().map(TaskRecord::params).toList();
            Path input = execution.order().image();
            for (TaskRecord task : order.tasks()) {
                if (stopping && survivesStop()) {
                    LOG.infof("order %s left running at task %d for the next orchestrator", orderId, task.position());
                    return;
                }
                if (execution.cancelRequested()) {
                    finish(execution, OrderState.CANCELLED, execution.cancelReason());
                    return;
                }
                if (task.state() == TaskState.SUCCEEDED) {
                    // Done before a restart: its output is the next task's input.
                    inputPixels.set(task.position(), task.inputPixels());
                    input = Path.of(task.outputImage());
                    continue;
                }
                Optional<RunningTask> adopted = adoptable(task)
                        ? runner.adopt(orderId, task.id(), task.allocation().memoryLimitBytes()) : Optional.empty();
                TaskExit exit;
                if (adopted.isPresent()) {
                    inputPixels.set(task.position(), task.inputPixels());
                    exit = runWithMemoryRetries(execution, task, input, task.inputPixels(),
                            AllocationDecision.of(task.allocation()), adopted);
                } else {
                    // The image the task will read is known only now (a resize before it changes its size).
                    long pixels = ImageProbe.pixels(input).orElse(0);
                    inputPixels.set(task.position(), pixels);
                    AllocationDecision decision = allocations.forTask(orderId, services, inputPixels, params,
                            task.position());
                    Optional<String> refusal = decision.refusal().or(() -> admission.refusal(decision.allocation()));
                    exit = refusal.isPresent()
                            ? refuse(execution, task, pixels, decision.allocation(), refusal.get())
                            : runWithMemoryRetries(execution, task, input, pixels, decision, Optional.empty());
                }
                if (!exit.succeeded()) {
                    OrderState end = exit.cancelled() ? OrderState.CANCELLED : OrderState.FAILED;
                    finish(execution, end, end == OrderState.CANCELLED ? execution.cancelReason()
                            : "task " + task.position() + " (" + task.service() + ") failed: " + exit.reason());
                    return;
                }
                input = Path.of(execution.snapshot().tasks().get(task.position()).outputImage());
            }
            finish(execution, OrderState.SUCCEEDED, null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "order %s failed unexpectedly", orderId);
            finish(execution, OrderState.FAILED, "internal error: " + e.getMessage());
        } finally {
            active.remove(orderId);
            metrics.orderLeft();
        }
    }

    /**
     * Attempts after out-of-memory ends, each with more memory, up to the configured number, the last at the
     * maximum; any other end, or an out-of-memory end with no attempt left, is the task's.
     */
    private TaskExit runWithMemoryRetries(OrderExecution execution, TaskRecord task, Path input, long inputPixels,
                                          AllocationDecision decision, Optional<RunningTask> adopted) {
        Allocation allocation = decision.allocation();
        TaskExit exit = adopted.isPresent() ? followAdopted(execution, task, adopted.get())
                : runTask(execution, task, input, inputPixels, allocation);
        for (int attempts = 1; exit.outOfMemory() && !execution.cancelRequested(); attempts++) {
            Optional<Allocation> next = allocations.afterOom(allocation, decision.neededMemoryBytes(), attempts);
            if (next.isEmpty()) {
                LOG.infof("order %s task %d %s ran out of memory at %d MiB after %d attempt(s); no attempt left",
                        execution.order().id(), task.position(), task.service(), allocation.memoryLimitBytes() >> 20,
                        attempts);
                return exit;
            }
            LOG.infof("order %s task %d %s ran out of memory at %d MiB; attempt %d of %d with %d MiB",
                    execution.order().id(), task.position(), task.service(), allocation.memoryLimitBytes() >> 20,
                    attempts + 1, allocations.memoryAttempts(), next.get().memoryLimitBytes() >> 20);
            allocation = next.get();
            TaskRecord failed = execution.snapshot().tasks().get(task.position());
            exit = runTask(execution, failed.nextAttempt(), input, inputPixels, allocation);
        }
        return exit;
    }

    /** A task a previous orchestrator may have started: it was running or waiting for a node when it stopped. */
    private static boolean adoptable(TaskRecord task) {
        return (task.state() == TaskState.RUNNING || task.state() == TaskState.WAITING) && task.allocation() != null;
    }

    /** A task that needs more than any task may have ends FAILED before it starts, with the numbers. */
    private TaskExit refuse(OrderExecution execution, TaskRecord task, long inputPixels, Allocation allocation,
                            String reason) {
        String orderId = execution.order().id();
        LocalTaskFiles files = LocalTaskFiles.of(config.workDir().toAbsolutePath().resolve(orderId), task.position(),
                task.service());
        LOG.infof("order %s task %d %s %s", orderId, task.position(), task.service(), reason);
        return failedBeforeStart(execution, task, files.output(), inputPixels, allocation, Instant.now(), reason,
                "task refused");
    }

    /** A task that never ran (refused, or its process could not start): stored FAILED with why, and announced. */
    private TaskExit failedBeforeStart(OrderExecution execution, TaskRecord task, Path output, long inputPixels,
                                       Allocation allocation, Instant at, String reason, String message) {
        TaskRecord failed = task.running(-1, null, at, output.toString(), allocation, inputPixels)
                .ended(TaskState.FAILED, null, reason, Instant.now());
        updateTask(execution, failed, message);
        metrics.taskEnded(task.service(), TaskState.FAILED);
        events.publish(TaskEvent.ended(TaskEventType.FAILED, execution.order().id(), task.id(), task.position(),
                task.service(), null, null, null, 0, reason, Instant.now()));
        return TaskExit.ended(-1, reason);
    }

    private TaskExit runTask(OrderExecution execution, TaskRecord task, Path input, long inputPixels,
                             Allocation allocation) {
        String orderId = execution.order().id();
        Path orderDir = config.workDir().toAbsolutePath().resolve(orderId);
        LocalTaskFiles files = LocalTaskFiles.of(orderDir, task.position(), task.service());
        TaskLaunch launch = new TaskLaunch(orderId, task.id(), task.position(), task.service(), task.params(), input,
                files.output(), files.log(), allocation, task.attempts());
        String label = "task " + task.position() + " (" + task.service() + ") of order " + orderId;
        Optional<Admission.Slot> slot = admission.await(label, execution.priority(), allocation, why -> {
            LOG.infof("order %s task %d %s waits: %s", orderId, task.position(), task.service(), why);
            updateTask(execution, task.waiting(why, allocation, inputPixels), "task waiting: " + why);
        }, execution::cancelRequested);
        if (slot.isEmpty()) {
            return cancelledBeforeStart(execution, task);
        }
        try (Admission.Slot admitted = slot.get()) {
            return runAdmitted(execution, task, launch, inputPixels, allocation);
        }
    }

    /** A task whose order was cancelled while it waited for room: it never started. */
    private TaskExit cancelledBeforeStart(OrderExecution execution, TaskRecord task) {
        TaskRecord cancelled = task.ended(TaskState.CANCELLED, null, execution.cancelReason(), Instant.now());
        updateTask(execution, cancelled, "task cancelled");
        metrics.taskEnded(task.service(), TaskState.CANCELLED);
        return TaskExit.cancelled(-1);
    }

    private TaskExit runAdmitted(OrderExecution execution, TaskRecord task, TaskLaunch launch, long inputPixels,
                                 Allocation allocation) {
        String orderId = execution.order().id();
        RunningTask running;
        Instant startedAt = Instant.now();
        try {
            running = runner.start(launch);
        } catch (TaskStartException e) {
            return failedBeforeStart(execution, task, launch.output(), inputPixels, allocation, startedAt,
                    e.getMessage(), "task could not start");
        }
        if (!execution.startTask(running)) {
            running.exit().join();
            return cancelledBeforeStart(execution, task);
        }
        // Announced before it is stored: sampling must start now, even while the database is away.
        events.publish(TaskEvent.started(orderId, task.id(), task.position(), task.service(), running.pid(),
                running.host(), allocation, startedAt));
        TaskRecord started = task.running(running.pid(), running.host(), startedAt, launch.output().toString(),
                allocation, inputPixels);
        updateTask(execution, started, "task started");
        metrics.taskStarted(task.service());
        LOG.infof("order %s task %d %s started%s: pid %d, cpu %d-%dm, memory %d-%d MiB (%s)", orderId,
                task.position(), task.service(), task.attempts() > 1 ? " (attempt " + task.attempts() + ")" : "",
                running.pid(), allocation.cpuRequestMillicores(), allocation.cpuLimitMillicores(),
                allocation.memoryRequestBytes() >> 20, allocation.memoryLimitBytes() >> 20, allocation.source());
        return followToEnd(execution, started, running);
    }

    /**
     * A task a previous orchestrator started on Kubernetes, whose Job is still there: followed from where it is,
     * its STARTED event already out.
     */
    private TaskExit followAdopted(OrderExecution execution, TaskRecord task, RunningTask running) {
        if (!execution.startTask(running)) {
            running.exit().join();
            return cancelledBeforeStart(execution, task);
        }
        LOG.infof("order %s task %d %s: following its Job, started by a previous orchestrator",
                execution.order().id(), task.position(), task.service());
        TaskRecord following = task.state() == TaskState.RUNNING ? task
                : task.running(task.pid() == null ? 0 : task.pid(), task.host(), task.startedAt(), task.outputImage(),
                        task.allocation(), task.inputPixels());
        return followToEnd(execution, following, running);
    }

    /** Waits for a started task's end, then stores it, records an OOM kill and announces the end. */
    private TaskExit followToEnd(OrderExecution execution, TaskRecord started, RunningTask running) {
        String orderId = execution.order().id();
        TaskRecord task = started;
        Allocation allocation = started.allocation();
        long inputPixels = started.inputPixels();
        // A pod the cluster cannot place yet is WAITING with the scheduler's message, RUNNING again once placed.
        running.onPending(pending -> updateTask(execution,
                pending.map(why -> started.waiting(why, allocation, inputPixels)).orElse(started),
                pending.map(why -> "task waiting: " + why).orElse("task placed")));
        TaskExit exit = running.exit().join();
        execution.taskEnded();
        Instant endedAt = exit.endedAt();
        TaskState state = exit.succeeded() ? TaskState.SUCCEEDED
                : exit.cancelled() ? TaskState.CANCELLED : TaskState.FAILED;
        TaskRecord ended = started.ended(state, exit.exitCode(),
                exit.cancelled() ? execution.cancelReason() : exit.reason(), endedAt, exit.usage());
        updateTask(execution, ended, "task " + state.name().toLowerCase());
        metrics.taskEnded(task.service(), state);
        if (exit.outOfMemory()) {
            // Stored before the FAILED event goes out, so whoever reacts to the event finds it.
            DatabaseOutages.waitOut("the OOM event of task " + task.id(),
                    () -> oomEvents.record(orderId, task.id(), allocation.memoryLimitBytes(), endedAt));
        }
        TaskEventType type = switch (state) {
            case SUCCEEDED -> TaskEventType.SUCCEEDED;
            case CANCELLED -> TaskEventType.CANCELLED;
            default -> TaskEventType.FAILED;
        };
        events.publish(TaskEvent.ended(type, orderId, task.id(), task.position(), task.service(), running.pid(),
                running.host(), exit.exitCode(), ended.durationSeconds(), exit.reason(), endedAt));
        LOG.infof("order %s task %d %s %s in %.1f s (exit %d)", orderId, task.position(), task.service(),
                state, ended.durationSeconds(), exit.exitCode());
        return exit;
    }

    private void updateTask(OrderExecution execution, TaskRecord task, String message) {
        OrderRecord next = execution.snapshot().withTask(task);
        DatabaseOutages.waitOut(message + " (task " + task.id() + ")", () -> store.saveTask(next.id(), task));
        execution.change(next, task.position(), message);
    }

    private void finish(OrderExecution execution, OrderState state, String reason) {
        Instant now = Instant.now();
        OrderRecord order = execution.snapshot();
        for (TaskRecord task : order.tasks()) {
            if (!task.state().isFinal()) {
                TaskRecord cancelled = task.ended(TaskState.CANCELLED, null, "order ended before the task ran", now);
                String orderId = order.id();
                DatabaseOutages.waitOut("task " + task.id() + " cancelled", () -> store.saveTask(orderId, cancelled));
                order = order.withTask(cancelled);
            }
        }
        save(execution, order.withState(state, reason, now), -1, "order " + state.name().toLowerCase());
        metrics.orderEnded(state);
        LOG.infof("order %s %s%s", order.id(), state, reason == null ? "" : ": " + reason);
    }

    private void save(OrderExecution execution, OrderRecord order, int taskPosition, String message) {
        DatabaseOutages.waitOut(message + " (" + order.id() + ")", () -> store.saveOrder(order));
        execution.change(order, taskPosition, message);
    }
}
