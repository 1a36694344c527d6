package io.rightsize.orchestrator.runner;

/** Starts tasks somewhere: as local processes by default, as Kubernetes Jobs on a cluster. */
public interface TaskRunner {
    RunningTask start(TaskLaunch launch) throws TaskStartException;
}
