package io.rightsize.orchestrator.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order's stored state with its tasks: an immutable snapshot, replaced as a whole on every change. */
public record OrderRecord(String id, OrderState state, String image, Instant submittedAt, Instant finishedAt,
                          String reason, List<TaskRecord> tasks) {

    public OrderRecord {
        tasks = List.copyOf(tasks);
    }

    public OrderRecord withState(OrderState next, String why, Instant at) {
        return new OrderRecord(id, next, image, submittedAt, next.isFinal() ? at : finishedAt, why, tasks);
    }

    public OrderRecord withTask(TaskRecord task) {
        List<TaskRecord> next = new ArrayList<>(tasks);
        next.set(task.position(), task);
        return new OrderRecord(id, state, image, submittedAt, finishedAt, reason, next);
    }
}
