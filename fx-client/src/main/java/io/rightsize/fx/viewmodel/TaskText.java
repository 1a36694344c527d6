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

    /** The true peak memory of its last attempt in MiB (read from its cgroup or exit record), empty before its end. */
    public static String peakMiB(Task task) {
        return task.getPeakMemoryBytes() > 0 ? Long.toString(task.getPeakMemoryBytes() >> 20) : "";
    }

    /** Peak over memory limit ("0.72"): how close the task came to being OOM-killed; empty without both. */
    public static String peakOverLimit(Task task) {
        long limit = task.getAllocation().getMemoryLimitBytes();
        return task.getPeakMemoryBytes() > 0 && limit > 0
                ? String.format(Locale.ROOT, "%.2f", (double) task.getPeakMemoryBytes() / limit) : "";
    }

    /**
     * "above request" when the task's peak memory passed what it requested: it used room it never reserved, which
     * the capacity did not count on (and the first to be reclaimed from under pressure on a node).
     */
    public static String overRequest(Task task) {
        long request = task.getAllocation().getMemoryRequestBytes();
        return task.getPeakMemoryBytes() > 0 && request > 0 && task.getPeakMemoryBytes() > request
                ? "above request" : "";
    }

    /** Why it waits ("needs 600m CPU, 400m free"), failed or was cancelled; empty otherwise. */
    public static String reason(Task task) {
        return task.getReason();
    }

    private static boolean endedOutOfMemory(Task task) {
        return task.getState() == TaskState.TASK_FAILED && task.getReason().startsWith(OOM_REASON);
    }
}
