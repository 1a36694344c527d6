package io.rightsize.cli.experiment;

import io.rightsize.common.messaging.Allocation;
import io.rightsize.common.messaging.TaskEvent;
import io.rightsize.common.messaging.TaskEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of a task, from its STARTED event to its end event: what it reserved (its requests) for how long, and how
 * it ended. A task retried after an OOM kill has one per run; each one held its reservation.
 */
public record Attempt(String orderId, long taskId, int position, Allocation allocation, Instant start, Instant end,
                      TaskEventType endType, String reason) {

    /** The kernel or the heap ran out at the memory limit (the orchestrator's reason says OOMKilled for both). */
    public boolean outOfMemory() {
        return reason != null && reason.startsWith("OOMKilled");
    }

    public double seconds() {
        return Duration.between(start, end).toMillis() / 1000.0;
    }

    /** Pairs each STARTED event with the next end event of the same task; a start with no end is left out. */
    static List<Attempt> of(List<TaskEvent> events) {
        List<TaskEvent> sorted = events.stream().sorted(Comparator.comparing(TaskEvent::timestamp)).toList();
        Map<String, TaskEvent> open = new HashMap<>();
        List<Attempt> attempts = new ArrayList<>();
        for (TaskEvent e : sorted) {
            if (e.type() == TaskEventType.STARTED) {
                open.put(e.key(), e);
            } else {
                TaskEvent started = open.remove(e.key());
                if (started != null) {
                    attempts.add(new Attempt(e.orderId(), e.taskId(), e.position(), started.allocation(),
                            started.timestamp(), e.timestamp(), e.type(), e.reason()));
                }
            }
        }
        return attempts;
    }
}
