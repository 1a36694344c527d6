package io.rightsize.orchestrator.runner;

/**
 * How a task ended: its exit code and, when it failed, why in words a user can act on. Running out of memory is
 * told apart because it is the one failure a retry with more memory can fix.
 */
public record TaskExit(int exitCode, String reason, boolean cancelled, boolean outOfMemory) {

    public static TaskExit ended(int exitCode, String reason) {
        return new TaskExit(exitCode, reason, false, false);
    }

    public static TaskExit cancelled(int exitCode) {
        return new TaskExit(exitCode, "cancelled", true, false);
    }

    public static TaskExit outOfMemory(int exitCode, String reason) {
        return new TaskExit(exitCode, reason, false, true);
    }

    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
