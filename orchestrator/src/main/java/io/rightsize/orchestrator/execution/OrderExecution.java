package io.rightsize.orchestrator.execution;

import io.rightsize.common.order.ValidOrder;
import io.rightsize.orchestrator.domain.OrderRecord;
import io.rightsize.orchestrator.runner.RunningTask;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One order in flight: its latest snapshot, its running task and its watchers. Changes and watcher
 * registration share a lock, so a watcher sees the snapshot and then every later change, none twice.
 */
final class OrderExecution {

    private final ValidOrder order;
    private final List<Consumer<OrderChange>> watchers = new ArrayList<>();
    private OrderRecord snapshot;
    private RunningTask running;
    private final long priority;
    private String cancelReason;

    OrderExecution(ValidOrder order, OrderRecord snapshot, long priority) {
        this.order = order;
        this.snapshot = snapshot;
        this.priority = priority;
    }

    /** Its submission number: an earlier order's tasks go first when tasks wait for room. */
    long priority() {
        return priority;
    }

    ValidOrder order() {
        return order;
    }

    synchronized OrderRecord snapshot() {
        return snapshot;
    }

    synchronized void change(OrderRecord next, int taskPosition, String message) {
        snapshot = next;
        OrderChange change = new OrderChange(next, taskPosition, message);
        for (Consumer<OrderChange> watcher : List.copyOf(watchers)) {
            watcher.accept(change);
        }
        if (next.state().isFinal()) {
            watchers.clear();
        }
    }

    /** Registers a watcher and hands it the current snapshot first. */
    synchronized void watch(Consumer<OrderChange> watcher) {
        watcher.accept(new OrderChange(snapshot, -1, "current state"));
        if (!snapshot.state().isFinal()) {
            watchers.add(watcher);
        }
    }

    synchronized void unwatch(Consumer<OrderChange> watcher) {
        watchers.remove(watcher);
    }

    synchronized boolean startTask(RunningTask task) {
        if (cancelReason != null) {
            task.cancel();
            return false;
        }
        running = task;
        return true;
    }

    synchronized void taskEnded() {
        running = null;
    }

    synchronized boolean cancelRequested() {
        return cancelReason != null;
    }

    /** Why the order was cancelled, or null while it was not. */
    synchronized String cancelReason() {
        return cancelReason;
    }

    /** Marks the order cancelled and stops its running task, if any; the first reason given is kept. */
    synchronized void requestCancel(String reason) {
        if (cancelReason == null) {
            cancelReason = reason;
        }
        if (running != null) {
            running.cancel();
        }
    }
}
