package io.rightsize.orchestrator.admission;

import io.rightsize.common.messaging.Allocation;
import io.rightsize.orchestrator.admission.AdmissionQueue.Waiter;
import io.rightsize.orchestrator.config.OrchestratorConfig;
import io.rightsize.orchestrator.runner.RunnerKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Holds each local task until its requests fit the {@link TaskCapacity} beside the running tasks' (the rules are
 * {@link AdmissionQueue}'s). On Kubernetes every task goes at once: the cluster's scheduler does this there.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class);
    /** How often a waiting task looks at its order's cancellation when nothing else wakes it. */
    private static final long RECHECK_MILLIS = 500;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Optional<AdmissionQueue> queue;
    private final TaskCapacity capacity;

    @Inject
    public Admission(OrchestratorConfig config, TaskCapacity capacity) {
        this(capacity, config.runner() == RunnerKind.LOCAL ? OptionalInt.of(config.capacity().maxOvertakes())
                : OptionalInt.empty());
    }

    /** With {@code maxOvertakes} absent, every task goes at once, as on Kubernetes. */
    Admission(TaskCapacity capacity, OptionalInt maxOvertakes) {
        this.capacity = capacity;
        this.queue = maxOvertakes.isPresent()
                ? Optional.of(new AdmissionQueue(Demand.of(capacity.capacity()), maxOvertakes.getAsInt()))
                : Optional.empty();
        LOG.infof(queue.isPresent() ? "task capacity: %s" : "task capacity: the cluster's scheduler decides (%s)",
                capacity);
    }

    /** Why a task with this allocation can never start, with the numbers; empty when it fits the capacity. */
    public Optional<String> refusal(Allocation allocation) {
        return queue.flatMap(q -> q.refusal(Demand.requestsOf(allocation)));
    }

    /**
     * Waits until the task may start and returns its slot, to close when it ends; empty when {@code cancelled}
     * turned true first. {@code onWaiting} hears each new reason it waits for, outside any lock.
     *
     * @param priority its order's submission number: lower goes first
     */
    public Optional<Slot> await(String label, long priority, Allocation allocation, Consumer<String> onWaiting,
                                BooleanSupplier cancelled) {
        if (queue.isEmpty()) {
            return Optional.of(new Slot(null));
        }
        AdmissionQueue q = queue.get();
        Waiter w;
        lock.lock();
        try {
            w = q.enqueue(label, priority, Demand.requestsOf(allocation));
            q.admit();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        String told = null;
        while (true) {
            String reason;
            lock.lock();
            try {
                if (q.isRunning(w)) {
                    return Optional.of(new Slot(w));
                }
                if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    q.withdraw(w);
                    q.admit();
                    changed.signalAll();
                    return Optional.empty();
                }
                reason = w.reason();
                if (reason.equals(told)) {
                    changed.await(RECHECK_MILLIS, TimeUnit.MILLISECONDS);
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                continue;
            } finally {
                lock.unlock();
            }
            told = reason;
            onWaiting.accept(reason);
        }
    }

    /** Wakes the waiting tasks, so a cancelled order's task leaves the line now. */
    public void wake() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The capacity, what the running tasks reserve, and how many run and wait; zeros on Kubernetes. */
    public AdmissionSnapshot snapshot() {
        lock.lock();
        try {
            return queue.map(q -> new AdmissionSnapshot(capacity, q.reserved(), q.runningCount(), q.waitingCount()))
                    .orElseGet(() -> new AdmissionSnapshot(capacity, Demand.NONE, 0, 0));
        } finally {
            lock.unlock();
        }
    }

    /** A started task's share of the capacity; closing it (once, when the task ended) lets the next ones start. */
    public final class Slot implements AutoCloseable {
        private final Waiter started;
        private boolean closed;

        private Slot(Waiter started) {
            this.started = started;
        }

        @Override
        public void close() {
            if (started == null || closed) {
                return;
            }
            closed = true;
            lock.lock();
            try {
                queue.get().release(started);
                queue.get().admit();
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }
}
