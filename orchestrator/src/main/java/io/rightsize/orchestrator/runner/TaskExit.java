package io.rightsize.orchestrator.runner;

/** How a task ended: its exit code and, when it failed, why in words a user can act on. */
public record TaskExit(int exitCode, String reason, boolean cancelled) {
    public boolean succeeded() {
        return exitCode == 0 && !cancelled;
    }
}
