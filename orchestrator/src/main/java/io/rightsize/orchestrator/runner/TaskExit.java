package io.rightsize.orchestrator.runner;

import io.rightsize.orchestrator.domain.TaskUsage;
import java.time.Instant;

/**
 * How a task ended: its exit code and, when it failed, why in words a user can act on. Running out of memory is
 * told apart because it is the one failure a retry with more memory can fix. {@code endedAt} is when the process
 * ended (not when this was learnt), {@code usage} what it used in all where its runner could read it (else null).
 */
public record TaskExit(int exitCode, String reason, boolean cancelled, boolean outOfMemory, Instant endedAt,
                       TaskUsage usage) {

    public static TaskExit ended(int exitCode, String reason) {
        return new TaskExit(exitCode, reason, false, false, Instant.now(), null);
    }

    public static TaskExit cancelled(int exitCode) {
        return new TaskExit(exitCode, "cancelled", true, false, Instant.now(), null);
    }

    public static TaskExit outOfMemory(int exitCode, String reason) {
        return new TaskExit(exitCode, reason, false, true, Instant.now(), null);
    }

    /** The same end, at the time and with the usage the task's own exit record gives. */
    public TaskExit recorded(Instant at, TaskUsage used) {
        return new TaskExit(exitCode, reason, cancelled, outOfMemory, at, used);
    }

    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
