package io.rightsize.orchestrator.execution;

import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.domain.OrderState;
import io.rightsize.orchestrator.domain.TaskRecord;
import io.rightsize.orchestrator.domain.TaskState;
import io.rightsize.orchestrator.store.OrderStore;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Ends what a previous orchestrator left behind (after a crash): its orders become FAILED with a reason, and
 * task processes it had started on this host are stopped, so nothing stays RUNNING or orphaned.
 */
final class OrphanReaper {

    private static final Logger LOG = Logger.getLogger(OrphanReaper.class);
    private static final String TASK_MAIN = "io.rightsize.tasks.TaskMain";

    private OrphanReaper() {
    }

    static void failUnfinished(OrderStore store, Duration timeout) {
        Instant now = Instant.now();
        for (OrderRecord order : store.unfinished().await().atMost(timeout)) {
            OrderRecord next = order;
            for (TaskRecord task : order.tasks()) {
                if (task.state() == TaskState.RUNNING) {
                    killIfOurs(task);
                    next = next.withTask(task.ended(TaskState.FAILED, null,
                            "the orchestrator stopped while the task ran", now));
                } else if (task.state() == TaskState.PENDING) {
                    next = next.withTask(task.ended(TaskState.CANCELLED, null,
                            "the orchestrator stopped before the task ran", now));
                }
            }
            for (TaskRecord task : next.tasks()) {
                store.saveTask(order.id(), task).await().atMost(timeout);
            }
            store.saveOrder(next.withState(OrderState.FAILED,
                    "the orchestrator stopped while the order was " + order.state().name().toLowerCase(), now))
                    .await().atMost(timeout);
            LOG.warnf("order %s was left %s by a previous orchestrator; marked FAILED", order.id(), order.state());
        }
    }

    private static void killIfOurs(TaskRecord task) {
        if (task.pid() == null || task.pid() <= 0) {
            return;
        }
        ProcessHandle.of(task.pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(TASK_MAIN)).orElse(false))
                .ifPresent(p -> {
                    LOG.warnf("stopping orphaned task process %d (task %d)", p.pid(), task.id());
                    p.destroyForcibly();
                });
    }
}
