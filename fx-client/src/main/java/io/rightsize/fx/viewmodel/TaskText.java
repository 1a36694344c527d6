package io.rightsize.fx.viewmodel;

import io.rightsize.api.v1.Task;
import io.rightsize.api.v1.TaskState;
import java.util.Locale;

/**
 * How a task reads in the task table, so that a waiting task shows why, an out-of-memory end and its retries stand
 * out, and throttling shows where the CPU limit held the task back.
 */
public final class TaskText {

    /** How the orchestrator starts the reason of a task the kernel or the task's own heap ended at its limit. */
    private static final String OOM_REASON = "OOMKilled";

    private TaskText() {
    }

    /** The state without its prefix; a task whose last attempt ran out of memory reads "FAILED (OOMKilled)". */
    public static String state(Task task) {
        String state = task.getState().name().replace("TASK_", "");
        return endedOutOfMemory(task) ? state + " (" + OOM_REASON + ")" : state;
    }

    /** How many times it ran and how many of those ended out of memory ("2 (1 OOM)"); empty before the first. */
    public static String attempts(Task task) {
        if (task.getAttempts() <= 0) {
            return "";
        }
        // Only out-of-memory ends are retried, so every attempt but the last ended that way.
        int oomEnds = task.getAttempts() - 1 + (endedOutOfMemory(task) ? 1 : 0);
        return oomEnds == 0 ? Integer.toString(task.getAttempts())
                : task.getAttempts() + " (" + oomEnds + " OOM)";
    }

    /** Seconds the CPU limit held the task back, or empty when it never did (or limits are emulated). */
    public static String throttledSeconds(Task task) {
        double seconds = task.getThrottledCpuSeconds();
        if (seconds <= 0) {
            return "";
        }
        return seconds < 0.05 ? "<0.1" : String.format(Locale.ROOT, "%.1f", seconds);
    }

    /** Why it waits ("needs 600m CPU, 400m free"), failed or was cancelled; empty otherwise. */
    public static String reason(Task task) {
        return task.getReason();
    }

    private static boolean endedOutOfMemory(Task task) {
        return task.getState() == TaskState.TASK_FAILED && task.getReason().startsWith(OOM_REASON);
    }
}
