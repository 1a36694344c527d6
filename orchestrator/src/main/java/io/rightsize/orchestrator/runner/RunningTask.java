package io.rightsize.orchestrator.runner;

import java.util.concurrent.CompletableFuture;

/** A started task: where it runs, a way to wait for its end, and a way to stop it. */
public interface RunningTask {
    long pid();

    String host();

    CompletableFuture<TaskExit> exit();

    /** Stops the task and everything it started; {@link #exit()} then completes as cancelled. */
    void cancel();
}
