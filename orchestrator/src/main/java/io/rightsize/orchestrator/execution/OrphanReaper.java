package io.rightsize.orchestrator.execution;

import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskRecord;
import io.rightsize.orchestrator.domain.TaskState;
import io.rightsize.orchestrator.domain.TaskUsage;
import io.rightsize.orchestrator.messaging.TaskEventPublisher;
import io.rightsize.orchestrator.runner.LocalProcessRunner;
import io.rightsize.orchestrator.runner.LocalTaskFiles;
import io.rightsize.orchestrator.runner.TaskExit;
import io.rightsize.orchestrator.store.DatabaseOutages;
import io.rightsize.orchestrator.store.OomEventStore;
import io.rightsize.orchestrator.store.OrderStore;
import io.rightsize.tasks.ExitRecord;
import io.rightsize.tasks.TaskProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Ends what a previous orchestrator left behind (after a crash). A task whose process ended meanwhile is recorded as
 * it really ended, from the exit record it left (code, end time, usage); one still running is stopped with its whole
 * process tree; each gets its end event, once. The order then ends SUCCEEDED if every task did, else FAILED with a
 * reason, so nothing stays RUNNING or orphaned.
 */
final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class);
    private static final String STOPPED = "the orchestrator stopped while the task ran; its process was stopped";
    private static final String VANISHED = "the task's process ended while no orchestrator ran and left no exit record"
            + " (it was killed)";

    private final OrderStore store;
    private final OomEventStore oomEvents;
    private final TaskEventPublisher events;
    private final Path workDir;

    OrphanReaper(OrderStore store, OomEventStore oomEvents, TaskEventPublisher events, Path workDir) {
        this.store = store;
        this.oomEvents = oomEvents;
        this.events = events;
        this.workDir = workDir.toAbsolutePath();
    }

    void endUnfinished() {
        for (OrderRecord order : DatabaseOutages.waitOut("reading unfinished orders", store::unfinished)) {
            OrderRecord next = order;
            for (TaskRecord task : order.tasks()) {
                TaskRecord ended = reap(order.id(), task);
                if (ended != task) {
                    DatabaseOutages.waitOut("task " + task.id() + " left by a previous orchestrator",
                            () -> store.saveTask(order.id(), ended));
                    next = next.withTask(ended);
                }
            }
            boolean allSucceeded = next.tasks().stream().allMatch(t -> t.state() == TaskState.SUCCEEDED);
            Instant finishedAt = next.tasks().stream().map(TaskRecord::finishedAt).filter(t -> t != null)
                    .max(Instant::compareTo).orElse(Instant.now());
            OrderRecord end = allSucceeded ? next.withState(OrderState.SUCCEEDED, null, finishedAt)
                    : next.withState(OrderState.FAILED, "the orchestrator stopped while the order was "
                            + order.state().name().toLowerCase(), Instant.now());
            DatabaseOutages.waitOut("order " + order.id() + " left by a previous orchestrator",
                    () -> store.saveOrder(end));
            LOG.warnf("order %s was left %s by a previous orchestrator; now %s", order.id(), order.state(),
                    end.state());
        }
    }

    /**
     * The task as it really ended. Its process is found by the output it writes, not only by the stored pid: a task
     * launched while its start could not be stored (a database outage) is still PENDING in the database. Whatever of
     * it still runs is stopped with its children; a task that ran gets its end event.
     */
    private TaskRecord reap(String orderId, TaskRecord task) {
        LocalTaskFiles files = task.outputImage() != null ? LocalTaskFiles.ofOutput(Path.of(task.outputImage()))
                : LocalTaskFiles.of(workDir.resolve(orderId), task.position(), task.service());
        Optional<ExitRecord> record = ExitRecord.read(files.exitRecord());
        boolean stopped = stopProcessesWriting(files.output(), task);
        if (task.state().isFinal()) {
            return task;
        }
        TaskRecord ended;
        if (record.isPresent()) {
            ended = recordedEnd(orderId, task, files, record.get());
        } else if (stopped) {
            ended = task.ended(TaskState.FAILED, null, STOPPED, Instant.now());
        } else if (task.state() == TaskState.RUNNING) {
            ended = task.ended(TaskState.FAILED, null, VANISHED, lastWrite(files.log()));
        } else {
            return task.ended(TaskState.CANCELLED, null, "the orchestrator stopped before the task ran",
                    Instant.now());
        }
        TaskEventType type = ended.state() == TaskState.SUCCEEDED ? TaskEventType.SUCCEEDED : TaskEventType.FAILED;
        events.publish(TaskEvent.ended(type, orderId, task.id(), task.position(), task.service(), task.pid(),
                task.host(), ended.exitCode(), ended.durationSeconds(), ended.reason(), ended.finishedAt()));
        return ended;
    }

    /** Stops, with their children, the live task processes writing {@code output}; true if there were any. */
    private static boolean stopProcessesWriting(Path output, TaskRecord task) {
        List<ProcessHandle> live = ProcessHandle.allProcesses()
                .filter(p -> TaskProcesses.writes(p, output.toString())).toList();
        for (ProcessHandle process : live) {
            LOG.warnf("stopping orphaned task process %d and its children (task %d)", process.pid(), task.id());
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return !live.isEmpty();
    }

    private TaskRecord recordedEnd(String orderId, TaskRecord task, LocalTaskFiles files, ExitRecord r) {
        long limit = task.allocation() == null ? 0 : task.allocation().memoryLimitBytes();
        TaskExit exit = LocalProcessRunner.exitOf(r.exitCode(), files.log(), limit);
        if (exit.outOfMemory()) {
            DatabaseOutages.waitOut("the OOM event of task " + task.id(),
                    () -> oomEvents.record(orderId, task.id(), limit, r.endedAt()));
        }
        LOG.infof("task %d ended while no orchestrator ran: exit %d at %s", task.id(), r.exitCode(), r.endedAt());
        return task.ended(exit.succeeded() ? TaskState.SUCCEEDED : TaskState.FAILED, r.exitCode(), exit.reason(),
                r.endedAt(), new TaskUsage(r.cpuSeconds(), r.peakMemoryBytes()));
    }

    /** A killed task's end is no later than its log's last write: closer to the truth than the restart time. */
    private static Instant lastWrite(Path log) {
        try {
            return Files.getLastModifiedTime(log).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }
}
