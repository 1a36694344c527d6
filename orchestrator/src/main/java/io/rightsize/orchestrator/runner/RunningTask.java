package io.rightsize.orchestrator.runner;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A started task: where it runs, a way to wait for its end, and a way to stop it. */
public interface RunningTask {
    long pid();

    String host();

    CompletableFuture<TaskExit> exit();

    /** Stops the task and everything it started; {@link #exit()} then completes as cancelled. */
    void cancel();

    /**
     * Hears, before the task ends, each time it cannot be placed yet (the scheduler's message) and when it is placed
     * after that (empty); at once if it is waiting now. Local tasks are placed by admission before they start, so
     * they never call it.
     */
    default void onPending(Consumer<Optional<String>> listener) {
    }
}
