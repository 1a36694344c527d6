package io.rightsize.orchestrator.runner;

import java.util.Optional;

/** Starts tasks somewhere: as local processes by default, as Kubernetes Jobs on a cluster. */
public interface TaskRunner {
    RunningTask start(TaskLaunch launch) throws TaskStartException;

    /**
     * The task a previous orchestrator started and that may still run (or have ended) without one: followed from
     * here to its end, or empty when nothing of it is left to follow. Only Jobs outlive an orchestrator; a local
     * task's process does not (the orphan reaper ends those).
     */
    default Optional<RunningTask> adopt(String orderId, long taskId, long memoryLimitBytes) {
        return Optional.empty();
    }
}
